/**
 * An approval request as the runtime works with it, and as `_approvalRequests`
 * stores it. The request carries a snapshot of its approval definition and the
 * published version it started on, so republishing never changes a running
 * request. `revision` makes every state change a conditional update; `openKey`
 * (unique) lets only one request per record be pending at a time.
 */
import type { ApprovalDefinition } from '../../schemas/index.js';
import type { Doc } from '../store/port.js';

export type RequestState = 'pending' | 'approved' | 'rejected' | 'recalled';
export type Decision = 'approve' | 'reject';
export type HistoryAction = 'submit' | 'approve' | 'reject' | 'backOneStep' | 'advance' | 'approved' | 'rejected' | 'recall';

export interface StepDecision {
  user: string;
  decision: Decision;
  comment: string | null;
  at: Date;
}

/** A step's approvers are resolved when the step starts; a step whose `when` does not hold is skipped. */
export interface StepState {
  name: string;
  approvers: string[];
  decisions: StepDecision[];
  skipped: boolean;
}

export interface HistoryEntry {
  action: HistoryAction;
  user: string | null;
  step: string | null;
  comment: string | null;
  at: Date;
}

export interface ApprovalRequest {
  id: string;
  approval: string;
  entity: string;
  recordId: string;
  state: RequestState;
  /** Copied from the definition: the save pipeline's lock check reads it (approvals/lock.ts). */
  lockRecord: boolean;
  definitionVersion: number;
  definition: ApprovalDefinition;
  currentStep: number;
  steps: StepState[];
  history: HistoryEntry[];
  submittedBy: string | null;
  submittedAt: Date;
  comment: string | null;
  finishedAt: Date | null;
  /** Approvers of the current step who have not answered yet: the inbox query. */
  waitingOn: string[];
  revision: number;
  /** Why the outcome's field values could not be written, if they could not. */
  outcomeError: string | null;
}

/** Unique per pending record; a finished request gets a key of its own, so the unique index only ever bites on pending ones. */
export const openKey = (request: Pick<ApprovalRequest, 'id' | 'entity' | 'recordId' | 'state'>): string =>
  request.state === 'pending' ? `pending:${request.entity}:${request.recordId}` : `done:${request.id}`;

/*
 * The definition is kept as JSON text, as the definition repository keeps
 * snapshots: it is only ever read whole, and a condition's free-form `params`
 * must not become field names in the store.
 */
export function toDoc(request: ApprovalRequest): Doc {
  const { id, definition, ...rest } = request;
  return { _id: id, ...rest, definitionJson: JSON.stringify(definition), openKey: openKey(request) };
}

export function fromDoc(doc: Doc): ApprovalRequest {
  const { _id, definitionJson, openKey: _key, ...rest } = doc;
  const request = rest as unknown as Omit<ApprovalRequest, 'id' | 'definition'>;
  return { ...request, id: String(_id), definition: JSON.parse(definitionJson as string) as ApprovalDefinition, outcomeError: request.outcomeError ?? null };
}

/** The fields a state change rewrites (everything but the identity, the snapshot and the submission). */
export function changeSet(request: ApprovalRequest): Doc {
  return {
    state: request.state,
    currentStep: request.currentStep,
    steps: request.steps,
    history: request.history,
    finishedAt: request.finishedAt,
    waitingOn: request.waitingOn,
    openKey: openKey(request),
  };
}
