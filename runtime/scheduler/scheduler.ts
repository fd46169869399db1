import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Store, TenantStore } from '../store/port.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { claim, findClaimable } from './claim.js';
import { execute, type JobHandler, type JobOutcome } from './execute.js';
import { ensureJobIndexes } from './indexes.js';

export interface SchedulerOptions {
  store: Store;
  /** Tenants whose `_jobs` this worker serves; asked on every round so new tenants are picked up. */
  tenants: () => Promise<string[]>;
  handlers: Record<string, JobHandler>;
  /** Written into claimed jobs; unique per instance (default host:pid:random). */
  workerId?: string;
  /** How long a claim holds without renewal (default 30 s); renewed every leaseMs/3 while a handler runs. */
  leaseMs?: number;
  /** Pause between rounds when the last round found less than a full batch (default 1 s). */
  pollMs?: number;
  clock?: () => Date;
  /** Most jobs claimed per tenant per round; they run concurrently (default 20). */
  batchSize?: number;
  backoff?: Partial<BackoffOptions>;
  /** Backoff per job kind where one size does not fit, e.g. webhook retries spread over minutes. */
  backoffByKind?: Record<string, Partial<BackoffOptions>>;
  /** Observes every job outcome and every error of the polling loop (default: errors to console.error). */
  onEvent?: (event: SchedulerEvent) => void;
}

export type SchedulerEvent =
  | { type: 'job'; tenant: string; jobId: string; kind: string; attempt: number; outcome: JobOutcome | 'exhausted' }
  | { type: 'error'; tenant?: string; error: unknown };

export interface RoundSummary {
  /** Jobs this round claimed and ran (whatever their outcome). */
  ran: number;
  /** A tenant filled its batch: more may be due, so the loop goes again without waiting. */
  full: boolean;
}

export class Scheduler {
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly clock: () => Date;
  private readonly batchSize: number;
  private readonly backoff: BackoffOptions;
  private readonly kinds: string[];
  private loop: Promise<void> | null = null;
  private rounds = new Set<Promise<RoundSummary>>();
  private stopping = false;
  private wake: (() => void) | null = null;
  private abandon!: () => void;
  private abandoned!: Promise<void>;

  constructor(private readonly options: SchedulerOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.clock = options.clock ?? (() => new Date());
    this.batchSize = options.batchSize ?? 20;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.kinds = Object.keys(options.handlers);
    this.resetAbandon();
  }

  private resetAbandon(): void {
    this.abandoned = new Promise((resolve) => (this.abandon = resolve));
  }

  private emit(event: SchedulerEvent): void {
    if (this.options.onEvent) this.options.onEvent(event);
    else if (event.type === 'error') console.error(`scheduler ${this.workerId}${event.tenant ? ` (tenant ${event.tenant})` : ''}:`, event.error);
  }

  /** Polls until stopped. The first round runs at once, so jobs missed while the server was down run now. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.resetAbandon();
    this.loop = this.poll();
  }

  /**
   * Stops claiming, then waits up to `graceMs` (default 10 s) for running jobs.
   * Jobs still running after that are abandoned: their results are not recorded
   * and another worker runs them again once their lease expires.
   */
  async stop(options: { graceMs?: number } = {}): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const grace = setTimeout(() => this.abandon(), options.graceMs ?? 10_000);
    try {
      // The loop's rounds and any runDue() a caller started (catch-up, tests) alike.
      await Promise.all([this.loop, ...this.rounds]);
    } finally {
      clearTimeout(grace);
      this.abandon();
      this.loop = null;
    }
  }

  private async poll(): Promise<void> {
    while (!this.stopping) {
      let full = false;
      try {
        full = (await this.runDue()).full;
      } catch (error) {
        this.emit({ type: 'error', error });
      }
      if (!full && !this.stopping) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    }).finally(() => (this.wake = null));
  }

  /** One round over every tenant: claim what is due at `now` and run it; resolves when those jobs have finished. */
  runDue(now: Date = this.clock()): Promise<RoundSummary> {
    const round = this.round(now);
    this.rounds.add(round);
    return round.finally(() => this.rounds.delete(round));
  }

  private async round(now: Date): Promise<RoundSummary> {
    const summary: RoundSummary = { ran: 0, full: false };
    if (this.kinds.length === 0) return summary;
    for (const tenant of await this.options.tenants()) {
      if (this.stopping) break;
      try {
        const n = await this.runTenant(this.options.store.tenant(tenant), now);
        summary.ran += n.ran;
        summary.full ||= n.full;
      } catch (error) {
        // One tenant's trouble must not keep the others' jobs from running.
        this.emit({ type: 'error', tenant, error });
      }
    }
    return summary;
  }

  private async runTenant(store: TenantStore, now: Date): Promise<RoundSummary> {
    await ensureJobIndexes(store);
    // Workers read the same oldest due jobs: each reads twice its batch and claims a random half,
    // so instances mostly go for different jobs instead of all racing for the same ones.
    const found = await findClaimable(store, this.kinds, now, this.batchSize * 2);
    shuffle(found);
    const candidates = found.slice(0, this.batchSize);
    // Claims go out together: the store commits concurrent writes in one flush, one by one each waits for its own.
    const outcomes = await Promise.all(candidates.map((c) => claim(store, c, now, this.leaseMs, this.workerId)));
    const runs: Promise<unknown>[] = [];
    outcomes.forEach((outcome, i) => {
      const candidate = candidates[i];
      const event = { type: 'job' as const, tenant: store.tenant, jobId: candidate._id, kind: candidate.kind };
      if (!outcome.claimed) {
        if (outcome.exhausted) this.emit({ ...event, attempt: candidate.attempts, outcome: 'exhausted' });
        return;
      }
      const doc = outcome.doc;
      const handler = this.options.handlers[doc.kind];
      const run = execute({ store, doc, handler, leaseMs: this.leaseMs, backoff: { ...this.backoff, ...this.options.backoffByKind?.[doc.kind] }, clock: this.clock, abandoned: this.abandoned }).then(
        (result) => this.emit({ ...event, attempt: doc.attempts, outcome: result }),
        (error: unknown) => this.emit({ type: 'error', tenant: store.tenant, error }),
      );
      runs.push(run);
    });
    await Promise.all(runs);
    return { ran: runs.length, full: candidates.length >= this.batchSize };
  }
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
