/**
 * Date-relative and idle triggers are durable scheduler jobs, one per
 * workflow and record, keyed so that a later save replaces the pending job:
 * changing the date reschedules it, clearing it cancels it, every update (or a
 * new related record, e.g. an activity logged on the deal) pushes an idle job
 * out again, and deleting the record cancels both. A date field counts from
 * 09:00 on that day in the tenant's time zone, a datetime from its instant.
 */
import type { WorkflowDefinition } from '../../schemas/index.js';
import type { CompiledApp, CompiledEntity } from '../definitions/compiledTypes.js';
import type { RecordEvent } from '../records/events.js';
import { cancel, schedule, scheduleOps, type ScheduleInput } from '../scheduler/index.js';
import { ensureJobIndexes } from '../scheduler/indexes.js';
import type { BatchOp, Doc, TenantStore } from '../store/port.js';
import { zonedInstant } from '../time.js';
import type { WorkflowIndex } from './compile.js';

export const DATE_JOB = 'workflow.dateRelative';
export const IDLE_JOB = 'workflow.idle';
const WORKDAY_START_HOUR = 9;

type DateTrigger = Extract<WorkflowDefinition['trigger'], { type: 'dateRelative' }>;
type IdleTrigger = Extract<WorkflowDefinition['trigger'], { type: 'idle' }>;

export const dateKey = (workflow: string, recordId: string) => `date:${workflow}:${recordId}`;
export const idleKey = (workflow: string, recordId: string) => `idle:${workflow}:${recordId}`;

/** When a date-relative trigger fires for this value; null when the field is empty. */
export function dateTriggerDue(entity: CompiledEntity, trigger: DateTrigger, value: unknown, timeZone: string): Date | null {
  const field = entity.fields.get(trigger.field);
  let base: Date | null = null;
  if (value instanceof Date) base = value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) base = zonedInstant(value, WORKDAY_START_HOUR, timeZone);
  else if (typeof value === 'string' && field?.type === 'datetime' && !Number.isNaN(Date.parse(value))) base = new Date(value);
  if (!base) return null;
  const ms = trigger.offset * (trigger.unit === 'days' ? 86_400_000 : 3_600_000);
  return new Date(base.getTime() + (trigger.direction === 'before' ? -ms : ms));
}

/** The job of a date-relative trigger for this record, or null when its moment is empty or already past. */
export function dateJob(entity: CompiledEntity, workflow: WorkflowDefinition, doc: Doc, timeZone: string, now: Date): (ScheduleInput & { key: string }) | null {
  const trigger = workflow.trigger as DateTrigger;
  const due = dateTriggerDue(entity, trigger, doc[trigger.field], timeZone);
  // A moment already past when the date is set does not fire: "3 days before" a date 1 day away has gone by.
  if (!due || due.getTime() <= now.getTime()) return null;
  const recordId = String(doc._id);
  const value = doc[trigger.field];
  return {
    kind: DATE_JOB, dueAt: due, key: dateKey(workflow.name, recordId),
    payload: { workflow: workflow.name, entity: entity.name, recordId, value: value instanceof Date ? value.toISOString() : (value as string) },
  };
}

export function idleJob(entity: string, workflow: WorkflowDefinition, recordId: string, lastActivity: Date): ScheduleInput & { key: string } {
  const due = new Date(lastActivity.getTime() + (workflow.trigger as IdleTrigger).days * 86_400_000);
  return { kind: IDLE_JOB, dueAt: due, key: idleKey(workflow.name, recordId), payload: { workflow: workflow.name, entity, recordId } };
}

export async function scheduleDateJob(store: TenantStore, entity: CompiledEntity, workflow: WorkflowDefinition, doc: Doc, timeZone: string, now: Date): Promise<Date | null> {
  const job = dateJob(entity, workflow, doc, timeZone, now);
  if (!job) {
    await cancel(store, dateKey(workflow.name, String(doc._id)), now);
    return null;
  }
  await schedule(store, job, now);
  return job.dueAt;
}

export async function scheduleIdleJob(store: TenantStore, entity: string, workflow: WorkflowDefinition, recordId: string, lastActivity: Date, now: Date): Promise<Date> {
  const job = idleJob(entity, workflow, recordId, lastActivity);
  await schedule(store, job, now);
  return job.dueAt;
}

/**
 * The writes that keep the saved record's timers (and those of the records it
 * points at, for idle triggers) in step with the save; they go into the save's
 * own batch, so a record and its timers commit together.
 */
export async function timerOps(store: TenantStore, app: CompiledApp, index: WorkflowIndex, event: RecordEvent, timeZone: string, now: Date): Promise<BatchOp[]> {
  const entity = event.entity;
  const recordId = String((event.type === 'deleted' ? event.before : event.after)._id);
  const dated = index.of(entity.name, 'dateRelative');
  const idle = index.of(entity.name, 'idle');
  const jobs: (ScheduleInput & { key: string })[] = [];
  const cancels: string[] = [];
  if (event.type === 'deleted') {
    for (const w of dated) cancels.push(dateKey(w.name, recordId));
    for (const w of idle) cancels.push(idleKey(w.name, recordId));
  } else {
    const changed = event.type === 'created' ? null : new Set(event.changes.map((c) => c.field));
    for (const w of dated) {
      if (changed && !changed.has((w.trigger as DateTrigger).field)) continue;
      const job = dateJob(entity, w, event.after, timeZone, now);
      if (job) jobs.push(job);
      else if (changed) cancels.push(dateKey(w.name, recordId));
    }
    for (const w of idle) jobs.push(idleJob(entity.name, w, recordId, now));
  }
  // A record created under another (an activity on a deal) is activity on that record.
  if (event.type === 'created') {
    for (const lookup of entity.lookups) {
      const parentId = event.after[lookup.name];
      const parent = app.entities.get(lookup.target);
      if (typeof parentId !== 'string' || !parent) continue;
      const workflows = index.of(lookup.target, 'idle');
      if (workflows.length && (await store.collection(parent.collection).count({ _id: parentId })) > 0) {
        for (const w of workflows) jobs.push(idleJob(parent.name, w, parentId, now));
      }
    }
  }
  if (jobs.length === 0 && cancels.length === 0) return [];
  await ensureJobIndexes(store);
  return scheduleOps(jobs, now, cancels);
}
