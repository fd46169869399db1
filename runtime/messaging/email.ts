/**
 * E-mail from workflows: queued in `_outbox`, sent by a durable `email.send` job.
 * States: queued → sent | outbox (held: no SMTP server configured; an admin reads
 * it at GET /outbox) | failed (SMTP kept failing for every attempt).
 */
import type { Job, JobContext, JobHandler } from '../scheduler/index.js';
import { schedule } from '../scheduler/index.js';
import type { ErrorDetail } from '../errors.js';
import { newId } from '../store/ids.js';
import type { Doc, TenantStore } from '../store/port.js';
import { errorText } from './errorText.js';
import { ensureLogIndex } from './indexes.js';
import type { Mailer } from './mailer.js';
import { cleanSource, throwIfInvalid, type MessageSource } from './source.js';

export const OUTBOX = '_outbox';
export const EMAIL_JOB = 'email.send';
export const EMAIL_MAX_ATTEMPTS = 5;
export const MAX_RECIPIENTS = 20;
const MAX_SUBJECT = 998; // RFC 5322 line limit
const MAX_TEXT = 100_000;
// Deliberately plain: one @, no spaces, quotes, angle brackets or commas (they would split or forge headers), a dot in the domain.
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\.]+$/;

export type OutboxState = 'queued' | 'sent' | 'outbox' | 'failed';

export interface NewEmail {
  to: string[];
  subject: string;
  text: string;
  source?: MessageSource;
}

export interface OutboxItem {
  id: string;
  to: string[];
  subject: string;
  text: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  source: MessageSource | null;
}

function checkEmail(input: NewEmail): { to: string[]; subject: string; text: string; source: MessageSource | null } {
  const details: ErrorDetail[] = [];
  const to: string[] = [];
  if (!Array.isArray(input.to) || input.to.length === 0) details.push({ path: '/to', message: 'must list at least one recipient' });
  else if (input.to.length > MAX_RECIPIENTS) details.push({ path: '/to', message: `has ${input.to.length} recipients; at most ${MAX_RECIPIENTS} are allowed` });
  else {
    input.to.forEach((a, i) => {
      if (typeof a !== 'string' || a.length > 254 || !ADDRESS.test(a.trim())) details.push({ path: `/to/${i}`, message: `${JSON.stringify(a)} is not an e-mail address` });
      else if (!to.includes(a.trim().toLowerCase())) to.push(a.trim().toLowerCase());
    });
  }
  // A rendered subject may carry a line break from a record value; one header line is what mail allows.
  const subject = typeof input.subject === 'string' ? input.subject.replace(/[\r\n\t]+/g, ' ').trim() : '';
  if (typeof input.subject !== 'string' || subject.length === 0) details.push({ path: '/subject', message: 'must be a non-empty string' });
  else if (subject.length > MAX_SUBJECT) details.push({ path: '/subject', message: `must be at most ${MAX_SUBJECT} characters` });
  if (typeof input.text !== 'string') details.push({ path: '/text', message: 'must be a string' });
  else if (input.text.length > MAX_TEXT) details.push({ path: '/text', message: `must be at most ${MAX_TEXT} characters` });
  const source = cleanSource(input.source, details);
  throwIfInvalid('e-mail', details);
  return { to, subject, text: input.text, source };
}

/** Validates and queues a message; returns its outbox id. Refused input (422) writes nothing. */
export async function queueEmail(store: TenantStore, input: NewEmail, now: Date = new Date()): Promise<string> {
  const mail = checkEmail(input);
  await ensureLogIndex(store, OUTBOX);
  const id = newId();
  const outbox = store.collection(OUTBOX);
  await outbox.insertOne({ _id: id, ...mail, state: 'queued', attempts: 0, lastError: null, createdAt: now, updatedAt: now, sentAt: null, messageId: null });
  try {
    await schedule(store, { kind: EMAIL_JOB, dueAt: now, payload: { outboxId: id }, maxAttempts: EMAIL_MAX_ATTEMPTS }, now);
  } catch (e) {
    // Without its job the message would sit in "queued" forever: take it back.
    await outbox.deleteOne({ _id: id });
    throw e;
  }
  return id;
}

/** The `email.send` job: one SMTP attempt per run; at-least-once, so it never sends a message that left `queued`. */
export function emailSendHandler(mailer: Mailer): JobHandler {
  return async (job: Job, { store, now }: JobContext) => {
    const outbox = store.collection(OUTBOX);
    const id = String(job.payload.outboxId);
    const doc = await outbox.findOne({ _id: id });
    if (!doc || doc.state !== 'queued') return;
    if (!mailer.configured) {
      await outbox.updateOne({ _id: id, state: 'queued' }, { $set: { state: 'outbox', updatedAt: now() } });
      return;
    }
    try {
      const { messageId, rejected } = await mailer.send({ to: doc.to as string[], subject: String(doc.subject), text: String(doc.text) });
      const at = now();
      const partial = rejected.length ? { lastError: `the SMTP server refused ${rejected.join(', ')}` } : {};
      await outbox.updateOne({ _id: id }, { $set: { state: 'sent', sentAt: at, messageId, updatedAt: at, ...partial }, $inc: { attempts: 1 } });
    } catch (e) {
      const last = job.attempt >= job.maxAttempts;
      const at = now();
      await outbox.updateOne({ _id: id }, { $set: { lastError: errorText(e), updatedAt: at, ...(last ? { state: 'failed', failedAt: at } : {}) }, $inc: { attempts: 1 } });
      throw e; // the scheduler retries with backoff, or records the job failed after the last attempt
    }
  };
}

export async function listOutbox(store: TenantStore, limit: number): Promise<OutboxItem[]> {
  const docs = await store.collection(OUTBOX).find({}, { sort: { createdAt: -1, _id: -1 }, limit });
  return docs.map(toOutboxItem);
}

function toOutboxItem(d: Doc): OutboxItem {
  return {
    id: String(d._id),
    to: d.to as string[],
    subject: String(d.subject),
    text: String(d.text),
    state: d.state as OutboxState,
    attempts: Number(d.attempts ?? 0),
    lastError: (d.lastError as string | null) ?? null,
    createdAt: (d.createdAt as Date).toISOString(),
    sentAt: d.sentAt instanceof Date ? d.sentAt.toISOString() : null,
    source: (d.source as MessageSource | null) ?? null,
  };
}
