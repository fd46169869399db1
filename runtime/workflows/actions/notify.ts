/** An in-app notification to the recipient(s), in both UI languages. */
import type { WorkflowActionOf } from '../../../schemas/index.js';
import { notify as send, notificationOp } from '../../messaging/notifications.js';
import { recipientUsers } from '../recipients.js';
import { renderTemplate } from '../templates.js';
import type { ActionContext, ActionOutcome } from './types.js';

export async function notify(action: WorkflowActionOf<'notify'>, ac: ActionContext): Promise<ActionOutcome> {
  const users = await recipientUsers(ac.users, action.to, ac.record);
  const message = {
    'zh-CN': renderTemplate(action.message['zh-CN'], ac.data, ac.clock),
    en: renderTemplate(action.message.en, ac.data, ac.clock),
  };
  const detail = { recipients: users.map((u) => u.id), message };
  if (users.length === 0) throw new Error(`nobody to notify (${action.to.type})`);
  if (ac.dryRun) return { status: 'planned', detail };
  for (const u of users) {
    const input = { user: u.id, message, entity: ac.entity.name, ...(ac.recordId ? { recordId: ac.recordId } : {}), source: { workflow: ac.workflow.name, runId: ac.runId } };
    if (ac.deferred) ac.deferred.push(notificationOp(input, ac.clock.now));
    else await send(ac.ctx.store, input, ac.clock.now);
  }
  return { status: 'done', detail };
}
