/**
 * POSTs JSON to an endpoint, HMAC-signed with a tenant secret, delivered and
 * retried by a durable job with a delivery log (runtime/messaging). The body is
 * the payload template's output, which must be JSON, or the record itself.
 */
import type { WorkflowActionOf } from '../../../schemas/index.js';
import { queueWebhook } from '../../messaging/webhooks.js';
import { renderTemplate } from '../templates.js';
import type { ActionContext, ActionOutcome } from './types.js';

export async function callWebhook(action: WorkflowActionOf<'callWebhook'>, ac: ActionContext): Promise<ActionOutcome> {
  let body: string;
  if (action.payloadTemplate) {
    body = renderTemplate(action.payloadTemplate, ac.data, ac.clock);
    try {
      JSON.parse(body);
    } catch (e) {
      throw new Error(`the payload template did not produce JSON: ${(e as Error).message}`);
    }
  } else {
    body = JSON.stringify({ workflow: ac.workflow.name, entity: ac.entity.name, record: ac.record, at: ac.clock.now.toISOString() });
  }
  const detail = { url: action.url, body };
  if (ac.dryRun) return { status: 'planned', detail };
  const deliveryId = await queueWebhook(ac.ctx.store, {
    url: action.url, secretRef: action.secretRef, body,
    source: { workflow: ac.workflow.name, runId: ac.runId, entity: ac.entity.name, ...(ac.recordId ? { recordId: ac.recordId } : {}) },
  }, ac.clock.now);
  return { status: 'done', detail: { url: action.url, deliveryId } };
}
