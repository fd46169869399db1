/**
 * HMAC-SHA256 signatures of webhook bodies, outbound and inbound alike. The
 * signed text is `${timestamp}.${body}` so a captured request cannot be
 * replayed later with a fresh timestamp; receivers refuse stale timestamps.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Unix seconds at signing. */
export const TIMESTAMP_HEADER = 'X-Stagecraft-Timestamp';
/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export const SIGNATURE_HEADER = 'X-Stagecraft-Signature';
/** The delivery id, the same on every attempt, so a receiver can drop repeats. */
export const DELIVERY_HEADER = 'X-Stagecraft-Delivery';

export const DEFAULT_TOLERANCE_MS = 300_000;

const SIGNATURE_FORMAT = /^sha256=[0-9a-f]{64}$/;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

export function signPayload(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * True only for a well-formed signature of this body made with this secret at a
 * timestamp within `toleranceMs` of `now` (either side). Header values are taken
 * as they come (string, string[] or missing) so callers can pass them straight through.
 */
export function verifySignature(
  secret: string,
  headers: { timestamp?: unknown; signature?: unknown },
  body: string | Buffer,
  now: Date | number = Date.now(),
  toleranceMs: number = DEFAULT_TOLERANCE_MS,
): boolean {
  const { timestamp, signature } = headers;
  if (typeof timestamp !== 'string' || !TIMESTAMP_FORMAT.test(timestamp)) return false;
  if (typeof signature !== 'string' || !SIGNATURE_FORMAT.test(signature)) return false;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  if (Math.abs(nowMs - Number(timestamp) * 1000) > toleranceMs) return false;
  // Both are `sha256=` + 64 hex characters here, so the lengths match as timingSafeEqual requires.
  return timingSafeEqual(Buffer.from(signPayload(secret, timestamp, body)), Buffer.from(signature));
}
