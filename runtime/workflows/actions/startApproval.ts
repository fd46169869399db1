/** Submits the record for approval, as the person whose change fired the run (or the owner). */
import type { WorkflowActionOf } from '../../../schemas/index.js';
import { submitApproval } from '../../approvals/index.js';
import type { ActionContext, ActionOutcome } from './types.js';

export async function startApproval(action: WorkflowActionOf<'startApproval'>, ac: ActionContext): Promise<ActionOutcome> {
  if (!ac.recordId) throw new Error('this workflow has no record to submit');
  const submitter = ac.by ?? (typeof ac.record.owner === 'string' ? ac.record.owner : undefined);
  if (ac.dryRun) return { status: 'planned', detail: { approval: action.approval, submitter: submitter ?? null } };
  const request = await submitApproval(ac.ctx, { approval: action.approval, entity: ac.entity.name, recordId: ac.recordId }, { submitter });
  return { status: 'done', detail: { approval: action.approval, requestId: request.id }, recordChanged: true };
}
