/**
 * Runs started by a person or a system rather than a save: a manual button on
 * a record, an inbound webhook, a dry run (the trace without side effects) and
 * the retry of a failed run (from the action that failed, on the record as it is now).
 */
import type { WorkflowDefinition } from '../../schemas/index.js';
import { badRequest, conflict, invalid, notFound } from '../errors.js';
import { validateDefinition } from '../../schemas/validator.js';
import { findForAction } from '../records/access.js';
import type { RecordContext } from '../records/context.js';
import type { Doc } from '../store/port.js';
import { newId } from '../store/ids.js';
import { workflowIndex } from './compile.js';
import { executeRun } from './execute.js';
import { getRun, WORKFLOW_RUNS, type TriggerInfo, type WorkflowRun } from './runs.js';

function requireWorkflow(ctx: RecordContext, name: string): WorkflowDefinition {
  const workflow = workflowIndex(ctx.app).byName.get(name);
  if (!workflow) throw notFound(`no workflow "${name}"`);
  return workflow;
}

function entityOf(ctx: RecordContext, workflow: WorkflowDefinition) {
  const entity = ctx.app.entities.get(workflow.entity);
  if (!entity) throw notFound(`no entity "${workflow.entity}"`);
  return entity;
}

/** A manual button: the user must be able to update the record; the run's changes are the workflow's. */
export async function runManual(ctx: RecordContext, entityName: string, recordId: string, name: string): Promise<WorkflowRun> {
  const workflow = requireWorkflow(ctx, name);
  if (workflow.entity !== entityName || workflow.trigger.type !== 'manual') throw notFound(`no manual workflow "${name}" on ${entityName}`);
  if (workflow.active === false) throw conflict('WORKFLOW_INACTIVE', `the workflow "${name}" is not active`);
  const entity = entityOf(ctx, workflow);
  const doc = await findForAction(ctx, entity, 'update', recordId);
  if (!doc) throw notFound(`no ${entityName} with id "${recordId}"`);
  return executeRun({ base: ctx, workflow, version: ctx.app.version, entity, doc, previous: null, by: ctx.user, depth: ctx.depth ?? 0, dryRun: false, trigger: { type: 'manual' } });
}

/**
 * An inbound webhook (the caller has checked its signature): the JSON body reaches the run as
 * `$trigger.detail.body`; a `recordId` in it names the record the run acts on.
 */
export async function runInbound(ctx: RecordContext, name: string, body: Record<string, unknown>): Promise<WorkflowRun> {
  const workflow = requireWorkflow(ctx, name);
  if (workflow.trigger.type !== 'webhook') throw notFound(`no webhook workflow "${name}"`);
  if (workflow.active === false) throw conflict('WORKFLOW_INACTIVE', `the workflow "${name}" is not active`);
  const entity = entityOf(ctx, workflow);
  let doc: Doc | null = null;
  if (body.recordId !== undefined) {
    if (typeof body.recordId !== 'string') throw badRequest('INVALID_BODY', 'recordId must be a string', [{ path: '/recordId', message: 'must be a record id' }]);
    doc = await ctx.store.collection(entity.collection).findOne({ _id: body.recordId });
    if (!doc) throw notFound(`no ${entity.name} with id "${body.recordId}"`);
  }
  const trigger: TriggerInfo = { type: 'webhook', detail: { body } };
  return executeRun({ base: ctx, workflow, version: ctx.app.version, entity, doc, previous: null, by: null, depth: 0, dryRun: false, trigger });
}

/** A workflow as the builder holds it (not yet published): checked against the definition language first. */
function draftWorkflow(ctx: RecordContext, name: string, raw: unknown): WorkflowDefinition {
  const issues = validateDefinition(raw);
  if (issues.length) throw invalid('the workflow is not valid', issues.map((i) => ({ path: `/definition${i.path === '/' ? '' : i.path}`, message: i.message })));
  const def = raw as WorkflowDefinition;
  if (def.kind !== 'workflow' || def.name !== name) throw badRequest('NAME_MISMATCH', `the definition must be the workflow "${name}"`, [{ path: '/definition/name', message: `must be "${name}"` }]);
  return def;
}

/**
 * Runs the workflow against a record without side effects: conditions with
 * their values, and what each action would do. `previous` stands in for the
 * values before a save, to test field-changed conditions; `definition` tests
 * the builder's unpublished version instead of the published one.
 */
export async function dryRun(ctx: RecordContext, name: string, input: { recordId?: unknown; previous?: unknown; definition?: unknown }): Promise<WorkflowRun> {
  const workflow = input.definition === undefined ? requireWorkflow(ctx, name) : draftWorkflow(ctx, name, input.definition);
  const entity = entityOf(ctx, workflow);
  let doc: Doc | null = null;
  if (input.recordId !== undefined) {
    if (typeof input.recordId !== 'string') throw badRequest('INVALID_BODY', 'recordId must be a string', [{ path: '/recordId', message: 'must be a record id' }]);
    doc = await findForAction(ctx, entity, 'read', input.recordId);
    if (!doc) throw notFound(`no ${entity.name} with id "${input.recordId}"`);
  }
  let previous: Doc | null = null;
  if (input.previous !== undefined) {
    if (input.previous === null || typeof input.previous !== 'object' || Array.isArray(input.previous)) {
      throw badRequest('INVALID_BODY', 'previous must be an object of field values', [{ path: '/previous', message: 'must be an object' }]);
    }
    previous = { ...(doc ?? {}), ...(input.previous as Doc) };
  }
  return executeRun({ base: ctx, workflow, version: input.definition === undefined ? ctx.app.version : 0, entity, doc, previous, by: ctx.user, depth: 0, dryRun: true, trigger: { type: workflow.trigger.type, detail: { dryRun: true } } });
}

/** Runs a failed run again from the action that failed; the old run points at the new one. */
export async function retryRun(ctx: RecordContext, runId: string): Promise<WorkflowRun> {
  const run = await getRun(ctx.store, runId);
  if (!run) throw notFound(`no workflow run "${runId}"`);
  if (run.status !== 'failed') throw conflict('RUN_NOT_FAILED', `only a failed run can be retried (this one is ${run.status})`);
  const workflow = requireWorkflow(ctx, run.workflow);
  const entity = entityOf(ctx, workflow);
  const doc = run.recordId ? await ctx.store.collection(entity.collection).findOne({ _id: run.recordId }) : null;
  if (run.recordId && !doc) throw conflict('RECORD_GONE', `the ${entity.name} of this run no longer exists`);
  const failedAt = run.actions.findIndex((a) => a.status === 'failed');
  const fresh: WorkflowRun = { ...run, id: newId(), retryOf: run.id, startedAt: new Date().toISOString(), by: ctx.user };
  delete fresh.message;
  const result = await executeRun({ base: ctx, workflow, version: ctx.app.version, entity, doc, previous: null, by: ctx.user, depth: run.depth, dryRun: false, trigger: run.trigger, resume: { run: fresh, from: Math.max(0, failedAt) } });
  await ctx.store.collection(WORKFLOW_RUNS).updateOne({ _id: run.id, status: 'failed' }, { $set: { status: 'retried', retriedBy: result.id } });
  return result;
}
