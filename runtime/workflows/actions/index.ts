/** Runs one action; a switch on the action type, so a new type fails to compile until it is handled here. */
import type { WorkflowAction } from '../../../schemas/index.js';
import { assignOwner } from './assignOwner.js';
import { callWebhook } from './callWebhook.js';
import { createRecord } from './createRecord.js';
import { delay } from './delay.js';
import { notify } from './notify.js';
import { sendEmail } from './sendEmail.js';
import { setFields } from './setFields.js';
import { startApproval } from './startApproval.js';
import type { ActionContext, ActionOutcome } from './types.js';

export type { ActionContext, ActionOutcome } from './types.js';
export { RESUME_JOB } from './delay.js';

export function runAction(action: WorkflowAction, ac: ActionContext): Promise<ActionOutcome> {
  switch (action.type) {
    case 'setFields': return setFields(action, ac);
    case 'createRecord': return createRecord(action, ac);
    case 'assignOwner': return assignOwner(action, ac);
    case 'notify': return notify(action, ac);
    case 'sendEmail': return sendEmail(action, ac);
    case 'callWebhook': return callWebhook(action, ac);
    case 'startApproval': return startApproval(action, ac);
    case 'delay': return delay(action, ac);
    default: {
      const unhandled: never = action;
      throw new Error(`unknown action ${JSON.stringify(unhandled)}`);
    }
  }
}
