/** The job handlers of messaging, for the server's Scheduler (`handlers: { ...messagingJobHandlers({ mailer }) }`). */
import type { JobHandler } from '../scheduler/index.js';
import { EMAIL_JOB, emailSendHandler } from './email.js';
import type { Mailer } from './mailer.js';
import { WEBHOOK_JOB, webhookDeliverHandler } from './webhooks.js';

export function messagingJobHandlers(options: { mailer: Mailer; webhookTimeoutMs?: number }): Record<string, JobHandler> {
  return {
    [EMAIL_JOB]: emailSendHandler(options.mailer),
    [WEBHOOK_JOB]: webhookDeliverHandler({ timeoutMs: options.webhookTimeoutMs }),
  };
}
