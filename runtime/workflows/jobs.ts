/**
 * Scheduler job handlers of the workflow engine. Each re-reads what it needs
 * (the published app, the record) when it runs, so a job scheduled long ago
 * acts on the present: a record that was deleted, a date that moved, a
 * workflow that was deactivated, or a record that was touched since all end
 * the job quietly. Runs fired by jobs act as the system (`by` null).
 */
import type { WorkflowDefinition } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import type { RecordContext } from '../records/context.js';
import type { JobHandler, Job } from '../scheduler/index.js';
import type { Doc } from '../store/port.js';
import { RESUME_JOB } from './actions/index.js';
import { workflowIndex } from './compile.js';
import { executeRun } from './execute.js';
import { fromRunDoc, WORKFLOW_RUNS } from './runs.js';
import { BACKFILL_JOB, SCHEDULE_JOB, scheduleNextCron } from './schedules.js';
import { DATE_JOB, IDLE_JOB, dateJob, dateTriggerDue, idleJob, scheduleIdleJob } from './timers.js';
import { scheduleMany } from '../scheduler/index.js';

/** What the handlers need from the runtime: a system context of a tenant. */
export interface WorkflowHost {
  context(tenant: string, opts: { user: null; channel: 'workflow' }): Promise<RecordContext>;
}

const PAGE = 500;
/** Records a schedule workflow considers per firing; the run says when it stopped short. */
export const SCHEDULE_RECORD_LIMIT = 10_000;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

async function setting(host: WorkflowHost, job: Job, now: () => Date) {
  const ctx = await host.context(job.tenant, { user: null, channel: 'workflow' });
  const base: RecordContext = { ...ctx, now };
  const index = workflowIndex(ctx.app);
  const workflow = index.byName.get(str(job.payload.workflow));
  const entity = workflow ? ctx.app.entities.get(workflow.entity) : undefined;
  return { base, index, workflow: workflow?.active === false ? undefined : workflow, entity };
}

async function recordOf(base: RecordContext, entity: CompiledEntity, id: string): Promise<Doc | null> {
  return base.store.collection(entity.collection).findOne({ _id: id });
}

export function workflowJobHandlers(host: WorkflowHost): Record<string, JobHandler> {
  const dateRelative: JobHandler = async (job, jc) => {
    const { base, index, workflow, entity } = await setting(host, job, jc.now);
    if (!workflow || !entity || workflow.trigger.type !== 'dateRelative') return;
    const doc = await recordOf(base, entity, str(job.payload.recordId));
    if (!doc) return;
    // The date moved since this job was scheduled: the job for the new date is the one that counts.
    const due = dateTriggerDue(entity, workflow.trigger, doc[workflow.trigger.field], base.tenant.timeZone);
    if (!due || Math.abs(due.getTime() - job.dueAt.getTime()) > 1000) return;
    await executeRun({ base, workflow, version: index.version, entity, doc, previous: null, by: null, depth: 0, dryRun: false, trigger: { type: 'dateRelative', detail: { field: workflow.trigger.field, value: job.payload.value, dueAt: job.dueAt.toISOString() } } });
  };

  const idle: JobHandler = async (job, jc) => {
    const { base, index, workflow, entity } = await setting(host, job, jc.now);
    if (!workflow || !entity || workflow.trigger.type !== 'idle') return;
    const doc = await recordOf(base, entity, str(job.payload.recordId));
    if (!doc) return;
    // Touched since (an update not seen by this job, e.g. one written before the workflow existed): wait again from then.
    const last = doc.updatedAt instanceof Date ? doc.updatedAt : new Date(0);
    const idleSince = new Date(job.dueAt.getTime() - workflow.trigger.days * 86_400_000);
    if (last.getTime() > idleSince.getTime() + 1000) {
      await scheduleIdleJob(base.store, entity.name, workflow, String(doc._id), last, jc.now());
      return;
    }
    await executeRun({ base, workflow, version: index.version, entity, doc, previous: null, by: null, depth: 0, dryRun: false, trigger: { type: 'idle', detail: { days: workflow.trigger.days, lastUpdate: last.toISOString() } } });
  };

  const resume: JobHandler = async (job, jc) => {
    const ctx = await host.context(job.tenant, { user: null, channel: 'workflow' });
    const base: RecordContext = { ...ctx, now: jc.now };
    const runDoc = await base.store.collection(WORKFLOW_RUNS).findOne({ _id: str(job.payload.runId), status: 'waiting' });
    if (!runDoc) return;
    const run = fromRunDoc(runDoc);
    // The run goes on with the definition it started with, even if a newer version was published meanwhile.
    const workflow = (runDoc.definition as WorkflowDefinition | undefined) ?? workflowIndex(ctx.app).byName.get(run.workflow);
    const entity = ctx.app.entities.get(run.entity);
    if (!workflow || !entity) return;
    const doc = run.recordId ? await recordOf(base, entity, run.recordId) : null;
    if (run.recordId && !doc) {
      await base.store.collection(WORKFLOW_RUNS).updateOne({ _id: run.id }, { $set: { status: 'failed', message: 'the record was deleted while the run waited', finishedAt: jc.now() } });
      return;
    }
    await executeRun({ base, workflow, version: run.definitionVersion, entity, doc, previous: null, by: run.by, depth: run.depth, dryRun: false, trigger: run.trigger, resume: { run, from: Number(job.payload.from) } });
  };

  const scheduled: JobHandler = async (job, jc) => {
    const { base, index, workflow, entity } = await setting(host, job, jc.now);
    if (!workflow || !entity || workflow.trigger.type !== 'schedule') return;
    const trigger = { type: 'schedule', detail: { cron: workflow.trigger.cron, firedAt: job.dueAt.toISOString() } };
    const records = base.store.collection(entity.collection);
    let seen = 0;
    for (let skip = 0; seen < SCHEDULE_RECORD_LIMIT; skip += PAGE) {
      const page = await records.find({}, { sort: { _id: 1 }, skip, limit: PAGE });
      for (const doc of page) {
        if (jc.signal.aborted) return;
        seen++;
        // Only the records it acted on leave a run: a daily sweep over every deal would bury the log.
        await executeRun({ base, workflow, version: index.version, entity, doc, previous: null, by: null, depth: 0, dryRun: false, trigger, keepUnmatched: false });
      }
      if (page.length < PAGE) break;
    }
    await scheduleNextCron(base.store, workflow, base.tenant.timeZone, jc.now());
  };

  const backfill: JobHandler = async (job, jc) => {
    const { base, workflow, entity } = await setting(host, job, jc.now);
    if (!workflow || !entity || (workflow.trigger.type !== 'dateRelative' && workflow.trigger.type !== 'idle')) return;
    const records = base.store.collection(entity.collection);
    let after: unknown = null;
    for (;;) {
      const page = await records.find(after === null ? {} : { _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE });
      if (page.length === 0 || jc.signal.aborted) return;
      const now = jc.now();
      const jobs = page.flatMap((doc) => {
        if (workflow.trigger.type === 'dateRelative') return dateJob(entity, workflow, doc, base.tenant.timeZone, now) ?? [];
        return [idleJob(entity.name, workflow, String(doc._id), doc.updatedAt instanceof Date ? doc.updatedAt : now)];
      });
      // One write per page: a template's hundreds of records get their timers in a few commits.
      await scheduleMany(base.store, jobs, now);
      after = page.at(-1)!._id;
    }
  };

  return { [DATE_JOB]: dateRelative, [IDLE_JOB]: idle, [RESUME_JOB]: resume, [SCHEDULE_JOB]: scheduled, [BACKFILL_JOB]: backfill };
}
