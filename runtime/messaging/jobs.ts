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

/**
 * Retry spacing for deliveries: a receiver or mail server that is down for a
 * few minutes should not exhaust every attempt within seconds. Webhooks: 30 s,
 * 1, 2, 4, 8 min (6 attempts over ~15 min); e-mail: 1, 2, 4, 8 min.
 */
export const MESSAGING_BACKOFF = {
  [WEBHOOK_JOB]: { baseMs: 30_000, maxMs: 3_600_000 },
  [EMAIL_JOB]: { baseMs: 60_000, maxMs: 3_600_000 },
};
