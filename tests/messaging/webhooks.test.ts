import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';
import { DEFAULT_BACKOFF, JOBS_COLLECTION, backoffDelay, type Scheduler } from '../../runtime/scheduler/index.js';
import { createMailer } from '../../runtime/messaging/mailer.js';
import { setSecret } from '../../runtime/messaging/secrets.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../runtime/messaging/signature.js';
import { WEBHOOK_DELIVERIES, WEBHOOK_MAX_ATTEMPTS, queueWebhook, type DeliveryItem } from '../../runtime/messaging/webhooks.js';
import { RuntimeError } from '../../runtime/errors.js';
import type { TenantStore } from '../../runtime/store/port.js';
import { FakeClock, T0, closedPort, messagingScheduler, startReceiver, type Received, type Receiver, drainAfterEach } from './harness.js';

const SECRET = 'whsec_erp_0123456789abcdef';
let h: Harness;
let ts: TenantStore;
const receivers: Receiver[] = [];

beforeAll(async () => {
  h = await startHarness();
  ts = h.store.tenant('acme');
  await setSecret(ts, 'erp', SECRET, 'admin', T0);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await h?.close();
});

const track = drainAfterEach(() => ts, WEBHOOK_DELIVERIES, 'pending', WEBHOOK_MAX_ATTEMPTS + 2);

function scheduler(clock: FakeClock, webhookTimeoutMs?: number): Scheduler {
  const s = messagingScheduler(h.store, 'acme', clock, { mailer: createMailer(), webhookTimeoutMs });
  track(s, clock);
  return s;
}

/** Jobs the API schedules are due at the wall-clock time: bring the test clock up to it. */
function catchUp(clock: FakeClock): void {
  if (clock.now().getTime() < Date.now()) clock.set(new Date());
}

/** A receiver that checks the signature the way an integrator would, against the test's clock. */
async function receiver(clock: FakeClock, answer: (n: number) => number | 'hang', secret = SECRET) {
  const rx = await startReceiver((req: Received, n) => {
    const ok = verifySignature(secret, { timestamp: req.headers[TIMESTAMP_HEADER.toLowerCase()], signature: req.headers[SIGNATURE_HEADER.toLowerCase()] }, req.body, clock.now());
    if (!ok) return { status: 401, body: 'bad signature' };
    const a = answer(n);
    return a === 'hang' ? 'hang' : { status: a, body: a >= 300 ? 'upstream ERP is down' : 'ok' };
  });
  receivers.push(rx);
  return rx;
}

async function delivery(id: string): Promise<DeliveryItem> {
  const res = await h.inject({ method: 'GET', url: '/api/t/acme/webhooks/deliveries?limit=200' });
  expect(res.statusCode).toBe(200);
  const item = (res.json().items as DeliveryItem[]).find((d) => d.id === id);
  if (!item) throw new Error(`delivery ${id} not listed`);
  return item;
}

const source = { workflow: 'wonToErp', runId: 'run-1', entity: 'deal', recordId: 'd-1' };
const body = JSON.stringify({ event: 'deal.won', deal: { id: 'd-1', amount: 120000, title: '云帆 CRM 二期' } });

describe('outbound webhooks', () => {
  it('retries a 500 with backoff and is delivered on attempt 3; every attempt is signed and logged', async () => {
    const clock = new FakeClock(T0.getTime());
    const rx = await receiver(clock, (n) => (n <= 2 ? 500 : 200));
    const s = scheduler(clock);
    const id = await queueWebhook(ts, { url: `${rx.url}/hooks/crm`, secretRef: 'erp', body, source }, clock.now());

    await s.runDue();
    expect(await delivery(id)).toMatchObject({ state: 'pending', attempts: [{ status: 500, error: 'the receiver answered 500: upstream ERP is down' }] });
    // Not due again until the backoff has passed.
    clock.advance(backoffDelay(1) - 1);
    expect((await s.runDue()).ran).toBe(0);
    clock.advance(1);
    await s.runDue();
    clock.advance(backoffDelay(2));
    await s.runDue();

    const d = await delivery(id);
    expect(d).toMatchObject({ url: `${rx.url}/hooks/crm`, state: 'delivered', source, deliveredAt: clock.now().toISOString() });
    expect(d.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(d.attempts.map((a) => a.at)).toEqual([T0, new Date(T0.getTime() + 2_000), new Date(T0.getTime() + 6_000)].map((t) => t.toISOString()));
    expect(d.attempts[2].error).toBeUndefined();
    for (const a of d.attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);

    expect(rx.requests).toHaveLength(3);
    for (const req of rx.requests) {
      expect(req.path).toBe('/hooks/crm');
      expect(req.body).toBe(body);
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers[DELIVERY_HEADER.toLowerCase()]).toBe(id);
    }
    expect(rx.requests.map((r) => Number(r.headers['x-stagecraft-timestamp']))).toEqual([0, 2, 6].map((s) => T0.getTime() / 1000 + s));
    // Settled: nothing more to run, and the job is done.
    clock.advance(3_600_000);
    expect((await s.runDue()).ran).toBe(0);
    expect(await ts.collection(JOBS_COLLECTION).count({ 'payload.deliveryId': id, state: 'done' })).toBe(1);
  });

  it('fails after the last attempt; an admin retries it and it is delivered; only a failed delivery can be retried, only by an admin', async () => {
    const clock = new FakeClock(T0.getTime());
    let up = false;
    const rx = await receiver(clock, () => (up ? 204 : 503));
    const s = scheduler(clock);
    const id = await queueWebhook(ts, { url: rx.url, secretRef: 'erp', body }, clock.now());
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      expect((await s.runDue()).ran).toBe(1);
      clock.advance(backoffDelay(attempt, DEFAULT_BACKOFF));
    }
    const failed = await delivery(id);
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(failed.lastError).toBe('the receiver answered 503: upstream ERP is down');
    expect(await ts.collection(JOBS_COLLECTION).findOne({ 'payload.deliveryId': id })).toMatchObject({ state: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS });
    expect((await s.runDue()).ran).toBe(0);

    const url = `/api/t/acme/webhooks/deliveries/${id}/retry`;
    expect((await h.inject({ method: 'POST', url }, 'rep1')).statusCode).toBe(403);
    expect((await h.inject({ method: 'POST', url }, 'mgr')).statusCode).toBe(403);
    expect((await h.inject({ method: 'POST', url: '/api/t/acme/webhooks/deliveries/nope/retry' })).statusCode).toBe(404);
    up = true;
    const retried = await h.inject({ method: 'POST', url });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, state: 'pending' });
    const again = await h.inject({ method: 'POST', url });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DELIVERY_NOT_FAILED');

    catchUp(clock);
    await s.runDue();
    const d = await delivery(id);
    expect(d.state).toBe('delivered');
    expect(d.attempts.map((a) => a.status)).toEqual([...Array(WEBHOOK_MAX_ATTEMPTS).fill(503), 204]);
    expect((await h.inject({ method: 'POST', url })).statusCode).toBe(409);
  });

  it('a receiver holding another secret refuses the signature; the attempt is logged as its 401', async () => {
    const clock = new FakeClock(T0.getTime());
    const rx = await receiver(clock, () => 200, 'whsec_not_the_tenants_secret');
    const s = scheduler(clock);
    const id = await queueWebhook(ts, { url: rx.url, secretRef: 'erp', body }, clock.now());
    await s.runDue();
    const d = await delivery(id);
    expect(d).toMatchObject({ state: 'pending', lastError: 'the receiver answered 401: bad signature', attempts: [{ status: 401 }] });
    // The same request does verify with the tenant's secret: it was the secret that differed.
    const req = rx.requests[0];
    expect(verifySignature(SECRET, { timestamp: req.headers['x-stagecraft-timestamp'], signature: req.headers['x-stagecraft-signature'] }, req.body, clock.now())).toBe(true);
  });

  it('a missing secret fails the delivery at once, without retries and without calling the receiver', async () => {
    const clock = new FakeClock(T0.getTime());
    const rx = await receiver(clock, () => 200);
    const s = scheduler(clock);
    const id = await queueWebhook(ts, { url: rx.url, secretRef: 'finance', body }, clock.now());
    await s.runDue();
    const d = await delivery(id);
    expect(d.state).toBe('failed');
    expect(d.lastError).toContain('the secret "finance" is not set');
    expect(d.attempts).toEqual([{ at: T0.toISOString(), status: null, error: d.lastError, durationMs: 0 }]);
    clock.advance(3_600_000);
    expect((await s.runDue()).ran).toBe(0);
    expect(rx.requests).toHaveLength(0);

    // Once the admin sets the secret, a retry goes through.
    expect((await h.inject({ method: 'PUT', url: '/api/t/acme/secrets/finance', payload: { value: SECRET } })).statusCode).toBe(201);
    expect((await h.inject({ method: 'POST', url: `/api/t/acme/webhooks/deliveries/${id}/retry` })).statusCode).toBe(200);
    catchUp(clock);
    await s.runDue();
    expect((await delivery(id)).state).toBe('delivered');
    expect(rx.requests).toHaveLength(1);
  });

  it('an attempt that gets no answer in time is logged as a timeout and retried', async () => {
    const clock = new FakeClock(T0.getTime());
    const rx = await receiver(clock, (n) => (n === 1 ? 'hang' : 200));
    const s = scheduler(clock, 300);
    const id = await queueWebhook(ts, { url: rx.url, secretRef: 'erp', body }, clock.now());
    const started = Date.now();
    await s.runDue();
    expect(Date.now() - started).toBeLessThan(5_000);
    let d = await delivery(id);
    expect(d).toMatchObject({ state: 'pending', lastError: 'no answer within 0.3 s', attempts: [{ status: null, error: 'no answer within 0.3 s' }] });
    expect(d.attempts[0].durationMs).toBeGreaterThanOrEqual(250);
    clock.advance(backoffDelay(1));
    await s.runDue();
    d = await delivery(id);
    expect(d.state).toBe('delivered');
    expect(d.attempts.map((a) => a.status)).toEqual([null, 200]);
  });

  it('does not follow redirects, and logs a refused connection', async () => {
    const clock = new FakeClock(T0.getTime());
    const rx = await startReceiver((req) => (req.path === '/moved' ? { status: 307, headers: { location: '/elsewhere' } } : { status: 200 }));
    receivers.push(rx);
    const s = scheduler(clock);
    const redirected = await queueWebhook(ts, { url: `${rx.url}/moved`, secretRef: 'erp', body }, clock.now());
    const refused = await queueWebhook(ts, { url: `http://127.0.0.1:${await closedPort()}/hook`, secretRef: 'erp', body }, clock.now());
    await s.runDue();
    expect(rx.requests.map((r) => r.path)).toEqual(['/moved']);
    expect(await delivery(redirected)).toMatchObject({ state: 'pending', attempts: [{ status: 307, error: 'the receiver redirected (307 to /elsewhere); redirects are not followed' }] });
    expect(await delivery(refused)).toMatchObject({ state: 'pending', attempts: [{ status: null, error: 'could not reach the receiver: ECONNREFUSED' }] });
  });

  it('refuses a bad call with every problem listed (422) and writes nothing', async () => {
    const before = await ts.collection(WEBHOOK_DELIVERIES).count({});
    const jobsBefore = await ts.collection(JOBS_COLLECTION).count({});
    const cases: [Parameters<typeof queueWebhook>[1], string[]][] = [
      [{ url: 'ftp://erp.example.com/in', secretRef: 'erp', body }, ['/url']],
      [{ url: 'https://user:pw@erp.example.com/in', secretRef: 'erp', body }, ['/url']],
      [{ url: 'not a url', secretRef: '__proto__', body: '{oops' }, ['/url', '/secretRef', '/body']],
      [{ url: 'https://erp.example.com/in', secretRef: '$where', body }, ['/secretRef']],
      [{ url: 'https://erp.example.com/in', secretRef: 'erp', body, source: { workflow: 'w', $set: 'x' } as never }, ['/source/$set']],
    ];
    for (const [input, paths] of cases) {
      const error = await queueWebhook(ts, input, T0).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RuntimeError);
      expect((error as RuntimeError).kind).toBe('validation');
      expect((error as RuntimeError).details.map((d) => d.path)).toEqual(paths);
    }
    expect(await ts.collection(WEBHOOK_DELIVERIES).count({})).toBe(before);
    expect(await ts.collection(JOBS_COLLECTION).count({})).toBe(jobsBefore);
  });

  it('the delivery log is for administrators only, newest first, limit ≤ 200', async () => {
    expect((await h.inject({ method: 'GET', url: '/api/t/acme/webhooks/deliveries' }, 'rep1')).statusCode).toBe(403);
    const res = await h.inject({ method: 'GET', url: '/api/t/acme/webhooks/deliveries?limit=2' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as DeliveryItem[];
    expect(items).toHaveLength(2);
    expect(items[0].createdAt >= items[1].createdAt).toBe(true);
    expect(Object.keys(items[0]).sort()).toEqual(['attempts', 'createdAt', 'deliveredAt', 'id', 'lastError', 'source', 'state', 'url']);
    expect(JSON.stringify(res.json())).not.toContain(SECRET);
    for (const limit of ['0', '201', 'x', '-1']) {
      expect((await h.inject({ method: 'GET', url: `/api/t/acme/webhooks/deliveries?limit=${limit}` })).statusCode).toBe(400);
    }
  });
});
