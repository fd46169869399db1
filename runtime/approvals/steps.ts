/**
 * The step machine of a request: starting a step (skipping steps whose `when`
 * does not hold, resolving approvers, refusing a step nobody can approve),
 * going back one step, and what the answers so far mean for the current step.
 */
import type { ApprovalDefinition, ApprovalStep } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { RuntimeError } from '../errors.js';
import { evaluateCondition } from '../rules/conditions.js';
import type { Doc, TenantStore } from '../store/port.js';
import { describeApprover, resolveApprovers } from './approvers.js';
import { recordFacts } from './record.js';
import type { StepState } from './requestDoc.js';

export function noApprover(def: ApprovalDefinition, index: number, why: string): RuntimeError {
  const step = def.steps[index];
  return new RuntimeError('validation', 'NO_APPROVER', `nobody can approve step "${step.name}" of approval ${def.name}: ${why}`, [
    { path: `/steps/${index}/approver`, message: why },
  ]);
}

/** Every step unstarted: approvers are only known once a step starts. */
export const initialSteps = (def: ApprovalDefinition): StepState[] =>
  def.steps.map((s) => ({ name: s.name, approvers: [], decisions: [], skipped: false }));

async function startStep(store: TenantStore, entity: CompiledEntity, record: Doc, def: ApprovalDefinition, index: number): Promise<StepState> {
  const step: ApprovalStep = def.steps[index];
  const approvers = await resolveApprovers(store, entity, record, step.approver);
  if (approvers.length === 0) throw noApprover(def, index, describeApprover(step.approver));
  return { name: step.name, approvers, decisions: [], skipped: false };
}

/**
 * Starts the first step at or after `from` that applies to the record, marking
 * the ones skipped on the way, into `steps`. Null when no step is left. The
 * record is read only when there is a step to start, so the last answer ends a
 * request even if its record has gone meanwhile.
 */
export async function startStepFrom(
  store: TenantStore, entity: CompiledEntity, record: Doc | (() => Promise<Doc>), def: ApprovalDefinition, steps: StepState[], from: number,
): Promise<number | null> {
  if (from >= def.steps.length) return null;
  const doc = typeof record === 'function' ? await record() : record;
  const facts = recordFacts(entity, doc);
  for (let i = from; i < def.steps.length; i++) {
    const when = def.steps[i].when;
    if (when && !evaluateCondition(when, facts)) {
      steps[i] = { name: def.steps[i].name, approvers: [], decisions: [], skipped: true };
      continue;
    }
    steps[i] = await startStep(store, entity, doc, def, i);
    return i;
  }
  return null;
}

/** Starts step `index` again (after a rejection one step further on): approvers resolved anew, earlier answers cleared. */
export async function restartStep(store: TenantStore, entity: CompiledEntity, record: Doc, def: ApprovalDefinition, steps: StepState[], index: number): Promise<void> {
  steps[index] = await startStep(store, entity, record, def, index);
}

/** The nearest earlier step that was not skipped, or null on the first one. */
export function previousStep(steps: readonly StepState[], current: number): number | null {
  for (let i = current - 1; i >= 0; i--) if (!steps[i].skipped) return i;
  return null;
}

/**
 * firstResponse: the first answer decides. unanimous: every approver must
 * approve; any rejection rejects the step.
 */
export function stepOutcome(mode: ApprovalStep['mode'], step: StepState): 'waiting' | 'approved' | 'rejected' {
  if (step.decisions.some((d) => d.decision === 'reject')) return 'rejected';
  if (mode === 'firstResponse') return step.decisions.length > 0 ? 'approved' : 'waiting';
  return step.approvers.every((a) => step.decisions.some((d) => d.user === a && d.decision === 'approve')) ? 'approved' : 'waiting';
}

export const undecided = (step: StepState): string[] => step.approvers.filter((a) => !step.decisions.some((d) => d.user === a));
