/**
 * Run records (`_workflowRuns`): every time a workflow's trigger fires, one
 * document says which trigger, which definition version, how each condition
 * evaluated and what each action did — so an admin can answer "why did or
 * didn't this fire". Dry runs return the same shape without storing it.
 */
import type { TenantStore, Doc } from '../store/port.js';
import type { ConditionTrace } from './trace.js';

export const WORKFLOW_RUNS = '_workflowRuns';

export type RunStatus =
  /** Conditions false: nothing ran. */
  | 'conditionsNotMet'
  | 'done'
  /** An action failed; later actions were skipped. Retryable. */
  | 'failed'
  /** Paused at a delay; a scheduler job resumes it. */
  | 'waiting'
  /** The chain of workflows triggering each other reached the depth limit. */
  | 'loopStopped'
  /** A later run took over (a retry of this one). */
  | 'retried';

export type ActionStatus = 'done' | 'failed' | 'skipped' | 'waiting' | 'planned';

export interface ActionTrace {
  index: number;
  type: string;
  status: ActionStatus;
  /** What the action did or, in a dry run, would do: created ids, rendered texts, chosen owner… */
  detail?: Record<string, unknown>;
  error?: string;
  at?: string;
}

export interface TriggerInfo {
  type: string;
  /** e.g. `{ field, from, to }` for fieldChanged, the due time of a date-relative job. */
  detail?: Record<string, unknown>;
}

export interface WorkflowRun {
  id: string;
  workflow: string;
  definitionVersion: number;
  entity: string;
  recordId: string | null;
  trigger: TriggerInfo;
  depth: number;
  /** Who made the change that fired it (null: the system, e.g. a scheduled trigger). */
  by: string | null;
  matched: boolean;
  conditions: ConditionTrace | null;
  actions: ActionTrace[];
  status: RunStatus;
  message?: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
  retryOf?: string;
  retriedBy?: string;
}

export function toRunDoc(run: WorkflowRun): Doc {
  const { id, ...rest } = run;
  return { _id: id, ...rest, startedAt: new Date(run.startedAt), finishedAt: run.finishedAt ? new Date(run.finishedAt) : null };
}

export function fromRunDoc(doc: Doc): WorkflowRun {
  const { _id, startedAt, finishedAt, definition: _snapshot, ...rest } = doc;
  return {
    ...(rest as unknown as Omit<WorkflowRun, 'id' | 'startedAt' | 'finishedAt'>),
    id: String(_id),
    startedAt: (startedAt as Date).toISOString(),
    finishedAt: finishedAt instanceof Date ? finishedAt.toISOString() : null,
  };
}

export async function listRuns(
  store: TenantStore,
  query: { workflow?: string; entity?: string; recordId?: string; status?: string; limit?: number },
): Promise<WorkflowRun[]> {
  const filter: Doc = {};
  for (const key of ['workflow', 'entity', 'recordId', 'status'] as const) if (query[key] !== undefined) filter[key] = query[key];
  const docs = await store.collection(WORKFLOW_RUNS).find(filter, { sort: { startedAt: -1 }, limit: Math.min(query.limit ?? 50, 500) });
  return docs.map(fromRunDoc);
}

export async function getRun(store: TenantStore, id: string): Promise<WorkflowRun | null> {
  const doc = await store.collection(WORKFLOW_RUNS).findOne({ _id: id });
  return doc ? fromRunDoc(doc) : null;
}
