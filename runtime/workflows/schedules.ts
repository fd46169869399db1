/**
 * Jobs that follow the published definitions rather than a record: the next
 * firing of each schedule (cron) workflow, and a backfill that gives existing
 * records their date-relative / idle timers when such a workflow is added or
 * its trigger changes. Run after every publish (and after a template's sample
 * data is loaded).
 */
import { Cron } from 'croner';
import type { WorkflowDefinition } from '../../schemas/index.js';
import { cancel, schedule } from '../scheduler/index.js';
import type { TenantStore } from '../store/port.js';
import type { WorkflowIndex } from './compile.js';

export const SCHEDULE_JOB = 'workflow.schedule';
export const BACKFILL_JOB = 'workflow.backfill';
export const cronKey = (workflow: string) => `cron:${workflow}`;
export const backfillKey = (workflow: string) => `backfill:${workflow}`;

type ScheduleTrigger = Extract<WorkflowDefinition['trigger'], { type: 'schedule' }>;

/** The next firing strictly after `after`, in the tenant's time zone; null for a cron that never fires. */
export function nextCronRun(cron: string, timeZone: string, after: Date): Date | null {
  return new Cron(cron, { timezone: timeZone, paused: true }).nextRun(after);
}

/** Null when the cron expression is usable, else why not (publish-time check). */
export function cronProblem(cron: string): string | null {
  try {
    new Cron(cron, { paused: true });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function scheduleNextCron(store: TenantStore, workflow: WorkflowDefinition, timeZone: string, now: Date): Promise<Date | null> {
  const next = nextCronRun((workflow.trigger as ScheduleTrigger).cron, timeZone, now);
  if (!next) return null;
  await schedule(store, { kind: SCHEDULE_JOB, dueAt: next, key: cronKey(workflow.name), payload: { workflow: workflow.name } }, now);
  return next;
}

const timed = (w: WorkflowDefinition) => w.active !== false && (w.trigger.type === 'dateRelative' || w.trigger.type === 'idle');
const sameTrigger = (a: WorkflowDefinition | undefined, b: WorkflowDefinition) => !!a && a.entity === b.entity && a.active !== false && JSON.stringify(a.trigger) === JSON.stringify(b.trigger);

/**
 * Aligns definition-driven jobs with a newly published version: schedule
 * workflows get their next firing (removed or deactivated ones lose it), timed
 * workflows that are new or changed get a backfill (`force` backfills all).
 */
export async function reconcileWorkflowJobs(
  store: TenantStore, before: WorkflowIndex | null, after: WorkflowIndex, timeZone: string, now: Date, opts: { force?: boolean } = {},
): Promise<void> {
  for (const w of after.all) {
    if (w.trigger.type === 'schedule') {
      if (w.active === false) await cancel(store, cronKey(w.name), now);
      else if (opts.force || !sameTrigger(before?.byName.get(w.name), w)) await scheduleNextCron(store, w, timeZone, now);
    } else if (timed(w) && (opts.force || !sameTrigger(before?.byName.get(w.name), w))) {
      await schedule(store, { kind: BACKFILL_JOB, dueAt: now, key: backfillKey(w.name), payload: { workflow: w.name } }, now);
    }
  }
  for (const w of before?.all ?? []) {
    if (w.trigger.type === 'schedule' && after.byName.get(w.name)?.trigger.type !== 'schedule') await cancel(store, cronKey(w.name), now);
  }
}
