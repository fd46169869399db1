/**
 * Outbound webhooks: a `_webhookDeliveries` document per call, POSTed by a
 * durable `webhook.deliver` job, signed with a tenant secret (signature.ts).
 * States: pending → delivered (2xx) | failed (every attempt failed, or the
 * secret is missing); an admin can retry a failed delivery. Each attempt is
 * logged in the document: `{ at, status, error?, durationMs }`.
 */
import { conflict, notFound, type ErrorDetail } from '../errors.js';
import { schedule, type Job, type JobContext, type JobHandler } from '../scheduler/index.js';
import { newId } from '../store/ids.js';
import type { Doc, TenantStore } from '../store/port.js';
import { errorText } from './errorText.js';
import { ensureLogIndex } from './indexes.js';
import { getSecret, isSecretName } from './secrets.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signPayload } from './signature.js';
import { cleanSource, throwIfInvalid, type MessageSource } from './source.js';

export const WEBHOOK_DELIVERIES = '_webhookDeliveries';
export const WEBHOOK_JOB = 'webhook.deliver';
export const WEBHOOK_MAX_ATTEMPTS = 6;
export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_URL = 2048;
const MAX_BODY = 256 * 1024;

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface NewWebhook {
  url: string;
  /** Name of the tenant secret (secrets.ts) that signs the body. */
  secretRef: string;
  /** JSON text, sent as is. */
  body: string;
  source?: MessageSource;
}

export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or null when no answer came (connection refused, timeout, missing secret). */
  status: number | null;
  error?: string;
  durationMs: number;
}

export interface DeliveryItem {
  id: string;
  url: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  source: MessageSource | null;
}

function checkWebhook(input: NewWebhook): { url: string; secretRef: string; body: string; source: MessageSource | null } {
  const details: ErrorDetail[] = [];
  let url = '';
  if (typeof input.url !== 'string' || input.url.length > MAX_URL) details.push({ path: '/url', message: `must be a URL of at most ${MAX_URL} characters` });
  else {
    const parsed = URL.canParse(input.url) ? new URL(input.url) : null;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) details.push({ path: '/url', message: 'must be an http:// or https:// URL' });
    // Credentials in the URL would end up in every delivery log an admin reads; the signature authenticates us instead.
    else if (parsed.username || parsed.password) details.push({ path: '/url', message: 'may not carry a user name or password' });
    else url = parsed.href;
  }
  if (!isSecretName(input.secretRef)) details.push({ path: '/secretRef', message: 'must name a tenant secret (letters, digits, underscore; starting with a letter)' });
  if (typeof input.body !== 'string') details.push({ path: '/body', message: 'must be a string of JSON' });
  else if (input.body.length > MAX_BODY) details.push({ path: '/body', message: `must be at most ${MAX_BODY} characters` });
  else if (!isJson(input.body)) details.push({ path: '/body', message: 'must be JSON (it is sent as application/json)' });
  const source = cleanSource(input.source, details);
  throwIfInvalid('webhook call', details);
  return { url, secretRef: input.secretRef, body: input.body, source };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Validates and queues a delivery; returns its id. Refused input (422) writes nothing. */
export async function queueWebhook(store: TenantStore, input: NewWebhook, now: Date = new Date()): Promise<string> {
  const call = checkWebhook(input);
  await ensureLogIndex(store, WEBHOOK_DELIVERIES);
  const id = newId();
  const deliveries = store.collection(WEBHOOK_DELIVERIES);
  await deliveries.insertOne({ _id: id, ...call, state: 'pending', attempts: [], lastError: null, createdAt: now, updatedAt: now, deliveredAt: null, retries: 0 });
  try {
    await scheduleDelivery(store, id, now);
  } catch (e) {
    // Without its job the delivery would stay pending forever: take it back.
    await deliveries.deleteOne({ _id: id });
    throw e;
  }
  return id;
}

function scheduleDelivery(store: TenantStore, id: string, now: Date) {
  return schedule(store, { kind: WEBHOOK_JOB, dueAt: now, payload: { deliveryId: id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, now);
}

/** Sends a failed delivery again with a fresh set of attempts; 404 when unknown, 409 unless it failed. */
export async function retryDelivery(store: TenantStore, id: string, now: Date = new Date()): Promise<DeliveryItem> {
  const deliveries = store.collection(WEBHOOK_DELIVERIES);
  // Conditional on `failed`, so two clicks at once start one retry.
  const res = await deliveries.updateOne({ _id: id, state: 'failed' }, { $set: { state: 'pending', updatedAt: now, failedAt: null }, $inc: { retries: 1 } });
  if (res.matchedCount === 0) {
    const doc = await deliveries.findOne({ _id: id }, { projection: { state: 1 } });
    if (!doc) throw notFound(`no webhook delivery "${id}"`);
    throw conflict('DELIVERY_NOT_FAILED', `the delivery is ${String(doc.state)}; only a failed delivery can be retried`);
  }
  try {
    await scheduleDelivery(store, id, now);
  } catch (e) {
    await deliveries.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'failed', updatedAt: now } });
    throw e;
  }
  return toDeliveryItem((await deliveries.findOne({ _id: id }))!);
}

export interface WebhookHandlerOptions {
  /** How long one attempt may wait for the receiver (default 10 s). */
  timeoutMs?: number;
}

/** The `webhook.deliver` job: one POST per run; throws on failure so the scheduler retries with backoff. */
export function webhookDeliverHandler(options: WebhookHandlerOptions = {}): JobHandler {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return async (job: Job, { store, signal, now }: JobContext) => {
    const deliveries = store.collection(WEBHOOK_DELIVERIES);
    const id = String(job.payload.deliveryId);
    const doc = await deliveries.findOne({ _id: id });
    // At-least-once jobs: a delivery already settled is not sent again.
    if (!doc || doc.state !== 'pending') return;
    const at = now();
    const secretRef = String(doc.secretRef);
    const secret = await getSecret(store, secretRef);
    if (secret === null) {
      // Retrying cannot make a secret appear: fail now, and say how to fix it.
      const error = `the secret "${secretRef}" is not set: an administrator sets it (PUT /api/t/${store.tenant}/secrets/${secretRef}) and then retries this delivery`;
      await deliveries.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'failed', lastError: error, failedAt: at, updatedAt: at }, $push: { attempts: { at, status: null, error, durationMs: 0 } } });
      return;
    }
    const { status, error, durationMs } = await post(String(doc.url), String(doc.body), { id, secret, at, timeoutMs, signal });
    const attempt = { at, status, durationMs, ...(error ? { error } : {}) };
    const done = now();
    if (!error) {
      await deliveries.updateOne({ _id: id }, { $set: { state: 'delivered', deliveredAt: done, updatedAt: done }, $push: { attempts: attempt } });
      return;
    }
    const last = job.attempt >= job.maxAttempts;
    await deliveries.updateOne({ _id: id }, { $set: { lastError: error, updatedAt: done, ...(last ? { state: 'failed', failedAt: done } : {}) }, $push: { attempts: attempt } });
    throw new Error(error);
  };
}

async function post(
  url: string,
  body: string,
  o: { id: string; secret: string; at: Date; timeoutMs: number; signal: AbortSignal },
): Promise<{ status: number | null; error?: string; durationMs: number }> {
  const timestamp = String(Math.floor(o.at.getTime() / 1000));
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Stagecraft-Webhooks/1',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signPayload(o.secret, timestamp, body),
        [DELIVERY_HEADER]: o.id,
      },
      body,
      // A redirect could carry the signed body somewhere the admin never configured.
      redirect: 'manual',
      signal: AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)]),
    });
    const snippet = await readSnippet(res, 300);
    const durationMs = duration();
    if (res.status >= 200 && res.status < 300) return { status: res.status, durationMs };
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      return { status: res.status, durationMs, error: `the receiver redirected (${res.status}${location ? ` to ${location}` : ''}); redirects are not followed` };
    }
    return { status: res.status, durationMs, error: `the receiver answered ${res.status}${snippet ? `: ${snippet}` : ''}` };
  } catch (e) {
    return { status: null, durationMs: duration(), error: describeFetchError(e, o.timeoutMs, o.signal) };
  }
}

function describeFetchError(e: unknown, timeoutMs: number, jobSignal: AbortSignal): string {
  if (jobSignal.aborted) return `the attempt was stopped: ${errorText(jobSignal.reason)}`;
  if (e instanceof Error && e.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause) return `could not reach the receiver: ${cause.code ?? cause.message ?? 'network error'}`;
  return errorText(e);
}

/** The start of the receiver's answer, for the log; the rest is dropped so the connection is freed. */
async function readSnippet(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < max) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut short still leaves the status, which is what decides.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

export async function listDeliveries(store: TenantStore, limit: number): Promise<DeliveryItem[]> {
  const docs = await store.collection(WEBHOOK_DELIVERIES).find({}, { sort: { createdAt: -1, _id: -1 }, limit });
  return docs.map(toDeliveryItem);
}

function toDeliveryItem(d: Doc): DeliveryItem {
  const attempts = (d.attempts as { at: Date; status: number | null; error?: string; durationMs: number }[]) ?? [];
  return {
    id: String(d._id),
    url: String(d.url),
    state: d.state as DeliveryState,
    attempts: attempts.map((a) => ({ ...a, at: a.at.toISOString() })),
    lastError: (d.lastError as string | null) ?? null,
    createdAt: (d.createdAt as Date).toISOString(),
    deliveredAt: d.deliveredAt instanceof Date ? d.deliveredAt.toISOString() : null,
    source: (d.source as MessageSource | null) ?? null,
  };
}
