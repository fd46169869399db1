/** An e-mail from handlebars templates, queued in the outbox and sent by a durable job (runtime/messaging). */
import type { WorkflowActionOf } from '../../../schemas/index.js';
import { queueEmail } from '../../messaging/email.js';
import { recipientAddresses } from '../recipients.js';
import { renderTemplate } from '../templates.js';
import type { ActionContext, ActionOutcome } from './types.js';

export async function sendEmail(action: WorkflowActionOf<'sendEmail'>, ac: ActionContext): Promise<ActionOutcome> {
  const to = new Set<string>();
  for (const r of action.to) for (const address of await recipientAddresses(ac.users, r, ac.record)) to.add(address.toLowerCase());
  if (to.size === 0) throw new Error('no recipient has an e-mail address');
  const mail = { to: [...to], subject: renderTemplate(action.subject, ac.data, ac.clock), text: renderTemplate(action.body, ac.data, ac.clock) };
  if (ac.dryRun) return { status: 'planned', detail: mail };
  const outboxId = await queueEmail(ac.ctx.store, {
    ...mail,
    source: { workflow: ac.workflow.name, runId: ac.runId, entity: ac.entity.name, ...(ac.recordId ? { recordId: ac.recordId } : {}) },
  }, ac.clock.now);
  return { status: 'done', detail: { ...mail, outboxId } };
}
