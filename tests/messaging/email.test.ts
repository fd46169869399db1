import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';
import { JOBS_COLLECTION, backoffDelay, type Scheduler } from '../../runtime/scheduler/index.js';
import { EMAIL_MAX_ATTEMPTS, OUTBOX, queueEmail, type OutboxItem } from '../../runtime/messaging/email.js';
import { createMailer, mailerFromEnv, type Mailer } from '../../runtime/messaging/mailer.js';
import { RuntimeError } from '../../runtime/errors.js';
import type { TenantStore } from '../../runtime/store/port.js';
import { FakeClock, T0, closedPort, messagingScheduler, startSmtp, drainAfterEach } from './harness.js';

let h: Harness;
let ts: TenantStore;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const mailers: Mailer[] = [];

beforeAll(async () => {
  h = await startHarness();
  ts = h.store.tenant('acme');
  smtp = await startSmtp();
});
afterAll(async () => {
  for (const m of mailers) m.close();
  await smtp?.close();
  await h?.close();
});

const track = drainAfterEach(() => ts, OUTBOX, 'queued', EMAIL_MAX_ATTEMPTS + 2);

function scheduler(clock: FakeClock, mailer: Mailer): Scheduler {
  mailers.push(mailer);
  const s = messagingScheduler(h.store, 'acme', clock, { mailer });
  track(s, clock);
  return s;
}

async function outboxItem(id: string): Promise<OutboxItem> {
  const res = await h.inject({ method: 'GET', url: '/api/t/acme/outbox?limit=200' });
  expect(res.statusCode).toBe(200);
  const item = (res.json().items as OutboxItem[]).find((m) => m.id === id);
  if (!item) throw new Error(`outbox ${id} not listed`);
  return item;
}

const source = { workflow: 'welcomeContact', runId: 'run-7', entity: 'contact', recordId: 'c-1' };

describe('e-mail', () => {
  it('sends a queued mail through SMTP with its subject, text and recipients', async () => {
    const clock = new FakeClock(T0.getTime());
    const s = scheduler(clock, createMailer({ smtpUrl: smtp.url, from: 'Acme CRM <crm@acme.test>' }));
    const id = await queueEmail(ts, { to: ['Li.Wei@customer.test', 'buyer@customer.test'], subject: 'Welcome\r\nto Acme', text: 'Dear Li Wei,\nthank you for your order.', source }, clock.now());
    expect(await outboxItem(id)).toMatchObject({ state: 'queued', attempts: 0, sentAt: null });
    expect(smtp.mails).toHaveLength(0);

    await s.runDue();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.from).toBe('crm@acme.test');
    expect(mail.to).toEqual(['li.wei@customer.test', 'buyer@customer.test']);
    expect(mail.data).toMatch(/^Subject: Welcome to Acme\r$/m);
    expect(mail.data).toMatch(/^From: Acme CRM <crm@acme\.test>\r$/m);
    expect(mail.data).toContain('Dear Li Wei,\r\nthank you for your order.');

    const item = await outboxItem(id);
    expect(item).toEqual({
      id, to: ['li.wei@customer.test', 'buyer@customer.test'], subject: 'Welcome to Acme', text: 'Dear Li Wei,\nthank you for your order.',
      state: 'sent', attempts: 1, lastError: null, createdAt: T0.toISOString(), sentAt: T0.toISOString(), source,
    });
    const stored = await ts.collection(OUTBOX).findOne({ _id: id });
    expect(mail.data).toContain(`Message-ID: ${stored!.messageId}`);
  });

  it('without SMTP the mail is held in the outbox, readable by administrators only', async () => {
    const clock = new FakeClock(T0.getTime());
    const s = scheduler(clock, mailerFromEnv({}));
    const id = await queueEmail(ts, { to: ['rep1@acme.test'], subject: 'Follow up 云帆 CRM', text: '3 days before close date', source }, clock.now());
    await s.runDue();
    expect(await outboxItem(id)).toMatchObject({ state: 'outbox', to: ['rep1@acme.test'], subject: 'Follow up 云帆 CRM', text: '3 days before close date', attempts: 0, sentAt: null, source });
    expect(await ts.collection(JOBS_COLLECTION).findOne({ 'payload.outboxId': id })).toMatchObject({ state: 'done', attempts: 1 });

    for (const who of ['rep1', 'mgr'] as const) {
      const res = await h.inject({ method: 'GET', url: '/api/t/acme/outbox' }, who);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('ADMIN_ONLY');
    }
    const list = await h.inject({ method: 'GET', url: '/api/t/acme/outbox?limit=1' });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].id).toBe(id); // newest first
    expect((await h.inject({ method: 'GET', url: '/api/t/acme/outbox?limit=201' })).statusCode).toBe(400);
  });

  it('an unreachable SMTP server is retried with backoff, then the mail is failed with the error', async () => {
    const clock = new FakeClock(T0.getTime());
    const s = scheduler(clock, createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` }));
    const id = await queueEmail(ts, { to: ['ops@customer.test'], subject: 'Contract draft', text: '…' }, clock.now());
    await s.runDue();
    expect(await outboxItem(id)).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') });
    expect((await s.runDue()).ran).toBe(0); // waiting out its backoff
    for (let attempt = 1; attempt < EMAIL_MAX_ATTEMPTS; attempt++) {
      clock.advance(backoffDelay(attempt));
      expect((await s.runDue()).ran).toBe(1);
    }
    const item = await outboxItem(id);
    expect(item).toMatchObject({ state: 'failed', attempts: EMAIL_MAX_ATTEMPTS, sentAt: null, lastError: expect.stringContaining('ECONNREFUSED') });
    expect(await ts.collection(JOBS_COLLECTION).findOne({ 'payload.outboxId': id })).toMatchObject({ state: 'failed', attempts: EMAIL_MAX_ATTEMPTS });
    clock.advance(86_400_000);
    expect((await s.runDue()).ran).toBe(0);
  });

  it('a mail that already left the queue is not sent again when its job runs twice', async () => {
    const clock = new FakeClock(T0.getTime());
    const s = scheduler(clock, createMailer({ smtpUrl: smtp.url }));
    const before = smtp.mails.length;
    const id = await queueEmail(ts, { to: ['once@customer.test'], subject: 'Once', text: 'only once' }, clock.now());
    await s.runDue();
    // As after a crash between sending and recording the job done: the same job is claimed again.
    await ts.collection(JOBS_COLLECTION).updateOne({ 'payload.outboxId': id }, { $set: { state: 'pending', dueAt: clock.now() } });
    expect((await s.runDue()).ran).toBe(1);
    expect(smtp.mails.length - before).toBe(1);
  });

  it('refuses bad mail with clear errors (422) and writes nothing', async () => {
    const before = await ts.collection(OUTBOX).count({});
    const jobsBefore = await ts.collection(JOBS_COLLECTION).count({});
    const many = Array.from({ length: 21 }, (_, i) => `r${i}@customer.test`);
    const cases: [Parameters<typeof queueEmail>[1], { path: string; message: string }[]][] = [
      [{ to: [], subject: 's', text: 't' }, [{ path: '/to', message: 'must list at least one recipient' }]],
      [{ to: many, subject: 's', text: 't' }, [{ path: '/to', message: 'has 21 recipients; at most 20 are allowed' }]],
      [{ to: ['ok@customer.test', 'no-at-sign', 'a@b@c.test', 'Li <li@x.test>', 'x@localhost'], subject: 's', text: 't' }, [
        { path: '/to/1', message: '"no-at-sign" is not an e-mail address' },
        { path: '/to/2', message: '"a@b@c.test" is not an e-mail address' },
        { path: '/to/3', message: '"Li <li@x.test>" is not an e-mail address' },
        { path: '/to/4', message: '"x@localhost" is not an e-mail address' },
      ]],
      [{ to: ['a@b.test'], subject: ' \n ', text: 7 as never }, [{ path: '/subject', message: 'must be a non-empty string' }, { path: '/text', message: 'must be a string' }]],
    ];
    for (const [input, details] of cases) {
      const error = await queueEmail(ts, input, T0).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RuntimeError);
      expect((error as RuntimeError).kind).toBe('validation');
      expect((error as RuntimeError).details).toEqual(details);
      expect((error as RuntimeError).message).toContain(details[0].message);
    }
    expect(await ts.collection(OUTBOX).count({})).toBe(before);
    expect(await ts.collection(JOBS_COLLECTION).count({})).toBe(jobsBefore);
  });

  it('a mailer with a URL that is not SMTP is refused at start', () => {
    expect(() => createMailer({ smtpUrl: 'http://mail.example.com' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(mailerFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'CRM <crm@acme.test>' })).toMatchObject({ configured: true, from: 'CRM <crm@acme.test>' });
    expect(mailerFromEnv({ SMTP_URL: '  ' }).configured).toBe(false);
  });
});
