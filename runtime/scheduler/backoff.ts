export interface BackoffOptions {
  /** Delay unit in ms (default 1 s). */
  baseMs: number;
  /** Upper bound of one delay in ms (default 1 h), so a late attempt does not wait for days. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 3_600_000 };

/** Delay before the next attempt after `attempts` failed ones: base × 2^attempts, capped. */
export function backoffDelay(attempts: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** attempts);
}
