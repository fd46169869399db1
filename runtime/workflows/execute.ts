/**
 * One workflow run: loop guard → facts → conditions (json-rules-engine, with
 * a trace) → actions in order → the run record. Actions act as the system
 * (channel 'workflow') one level deeper than the save that fired them, so a
 * workflow that keeps triggering itself meets the depth limit and stops. An
 * action that fails ends the run as `failed` (later actions skipped); the save
 * that fired it stands. A delay ends the run as `waiting` until its job resumes it.
 */
import type { RuleResult } from 'json-rules-engine';
import type { WorkflowDefinition } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import type { RecordContext } from '../records/context.js';
import type { BatchOp, Doc } from '../store/port.js';
import { newId } from '../store/ids.js';
import { RuntimeError } from '../errors.js';
import { runAction, type ActionContext } from './actions/index.js';
import { workflowIndex } from './compile.js';
import { EnginePool } from './engines.js';
import { UserCache } from './userCache.js';
import { recordFacts, relatedFacts, relatedFieldsOf, userFacts } from './facts.js';
import { toRunDoc, WORKFLOW_RUNS, type ActionTrace, type RunStatus, type TriggerInfo, type WorkflowRun } from './runs.js';
import { conditionTrace, type ConditionTrace } from './trace.js';

export const DEFAULT_MAX_DEPTH = 5;

export interface RunRequest {
  /** The context of the save (or job) that fired the run: store, app, tenant, automation, clock. */
  base: RecordContext;
  workflow: WorkflowDefinition;
  version: number;
  entity: CompiledEntity;
  /** The record as the trigger saw it; null for a schedule trigger without a record. */
  doc: Doc | null;
  previous: Doc | null;
  trigger: TriggerInfo;
  by: string | null;
  depth: number;
  dryRun: boolean;
  /** Conditions already evaluated for several workflows at once (one engine run per event), with their facts. */
  ruleResult?: RuleResult;
  facts?: Record<string, unknown>;
  /** Collects the run record (and deferrable writes such as notifications) instead of writing them, so one save's runs are one batch. */
  collect?: BatchOp[];
  /** Store a run whose conditions were false (default true: "why didn't it fire" needs it). */
  keepUnmatched?: boolean;
  /** Users already read for this event; a run of its own reads them afresh. */
  users?: UserCache;
  /** Resume or retry: start at this action, keeping the earlier trace. */
  resume?: { run: WorkflowRun; from: number };
}

/** Facts for conditions; the same object (plus `$owner`) is the template data. */
export async function buildFacts(
  req: Pick<RunRequest, 'base' | 'entity' | 'doc' | 'previous' | 'by' | 'trigger'>,
  workflows: readonly WorkflowDefinition[],
  users: UserCache,
): Promise<Record<string, unknown>> {
  const { base, entity } = req;
  const record = req.doc ? recordFacts(entity, req.doc) : {};
  const related = new Set<string>();
  for (const w of workflows) relatedFieldsOf(w.conditions, related);
  return {
    ...record,
    $previous: req.previous ? recordFacts(entity, req.previous) : null,
    $user: await userFacts(users, req.by),
    $related: related.size ? await relatedFacts(base.app, base.store, entity, record, related) : {},
    $trigger: req.trigger,
  };
}

async function evaluate(req: RunRequest, facts: Record<string, unknown>): Promise<{ matched: boolean; trace: ConditionTrace | null }> {
  const result = req.ruleResult ?? (await workflowIndex(req.base.app).engines(req.entity.name, req.workflow.trigger.type as never).evaluate(facts)).get(req.workflow.name)
    // A workflow evaluated outside its index (an inactive one on a dry run) gets an engine of its own.
    ?? (await new EnginePool([req.workflow]).evaluate(facts)).get(req.workflow.name);
  if (!result) return { matched: false, trace: null };
  return { matched: result.result === true, trace: req.workflow.conditions ? conditionTrace(result, 'fact' in req.workflow.conditions) : null };
}

/** An action's failure as an admin reads it: the message plus each detail's path. */
function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const details = e instanceof RuntimeError ? e.details.map((d) => `${d.path} ${d.message}`) : [];
  return details.length ? `${message}: ${details.join('; ')}` : message;
}

export async function executeRun(req: RunRequest): Promise<WorkflowRun> {
  const { base, workflow, entity } = req;
  const now = base.now?.() ?? new Date();
  const clock = { now, timeZone: base.tenant.timeZone };
  const maxDepth = workflow.maxDepth ?? DEFAULT_MAX_DEPTH;
  const recordId = req.doc ? String(req.doc._id) : null;
  const run: WorkflowRun = req.resume
    ? { ...req.resume.run, actions: req.resume.run.actions.slice(0, req.resume.from), status: 'done', finishedAt: null }
    : {
        id: newId(), workflow: workflow.name, definitionVersion: req.version, entity: entity.name, recordId,
        trigger: req.trigger, depth: req.depth, by: req.by, matched: false, conditions: null, actions: [],
        status: 'done', dryRun: req.dryRun, startedAt: now.toISOString(), finishedAt: null,
      };
  const finish = async (status: RunStatus, message?: string): Promise<WorkflowRun> => {
    run.status = status;
    if (message) run.message = message;
    run.finishedAt = status === 'waiting' ? null : (base.now?.() ?? new Date()).toISOString();
    if (!req.dryRun && (status !== 'conditionsNotMet' || req.keepUnmatched !== false)) {
      // A waiting run keeps the definition it started with, so its resumption runs that version.
      const doc = { ...toRunDoc(run), ...(status === 'waiting' ? { definition: workflow } : {}) };
      if (req.collect && !req.resume) req.collect.push({ op: 'insert', collection: WORKFLOW_RUNS, doc });
      else await base.store.collection(WORKFLOW_RUNS).updateOne({ _id: run.id }, doc, { upsert: true });
    }
    return run;
  };

  if (req.depth >= maxDepth) {
    return finish('loopStopped', `stopped: this save is ${req.depth} workflow steps deep (limit ${maxDepth}); workflows are probably triggering each other`);
  }
  const users = req.users ?? new UserCache(base.store);
  const facts = req.facts ?? (await buildFacts(req, [workflow], users));
  if (!req.resume) {
    const { matched, trace } = await evaluate(req, facts);
    run.matched = matched;
    run.conditions = trace;
    if (!matched) return finish('conditionsNotMet');
  }

  const owner = typeof facts.owner === 'string' ? await userFacts(users, facts.owner) : null;
  const system: RecordContext = { ...base, user: null, access: null, channel: 'workflow', depth: req.depth + 1 };
  let record = facts;
  const ac = (index: number): ActionContext => ({
    ctx: system, entity, recordId, record, data: { ...record, $owner: owner }, clock, workflow, version: req.version,
    runId: run.id, index, dryRun: req.dryRun, by: req.by, users, ...(req.collect && !req.resume ? { deferred: req.collect } : {}),
  });
  const from = req.resume?.from ?? 0;
  for (let i = from; i < workflow.actions.length; i++) {
    const action = workflow.actions[i]!;
    const trace: ActionTrace = { index: i, type: action.type, status: 'done', at: (base.now?.() ?? new Date()).toISOString() };
    run.actions.push(trace);
    try {
      const outcome = await runAction(action, ac(i));
      trace.status = outcome.status;
      trace.detail = outcome.detail;
      if (outcome.recordChanged && recordId && !req.dryRun) {
        const fresh = await base.store.collection(entity.collection).findOne({ _id: recordId });
        if (fresh) record = { ...facts, ...recordFacts(entity, fresh) };
      }
      if (outcome.status === 'waiting') return finish('waiting');
    } catch (e) {
      trace.status = 'failed';
      trace.error = errorText(e);
      for (let j = i + 1; j < workflow.actions.length; j++) run.actions.push({ index: j, type: workflow.actions[j]!.type, status: 'skipped' });
      return finish('failed', `action ${i + 1} (${action.type}) failed: ${trace.error}`);
    }
  }
  return finish('done');
}
