/**
 * The actions that reach beyond the record: e-mail (held in the outbox without
 * SMTP, delivered by the scheduler), a signed outbound webhook to a local
 * receiver, starting an approval; and the inbound webhook trigger with its
 * signature check.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../runtime/messaging/mailer.js';
import { messagingJobHandlers } from '../../runtime/messaging/jobs.js';
import { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../runtime/messaging/signature.js';
import type { Harness } from '../helpers/apiHarness.js';
import { createDeal, patch, publishWith, runsOf, startWorkflowHarness, TENANT, workflow } from './harness.js';

const SECRET = 'a-long-enough-webhook-secret';
let h: Harness;
let receiver: Server;
let received: { headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  h = await startWorkflowHarness();
  const put = await h.inject({ method: 'PUT', url: `/api/t/${TENANT}/secrets/erp`, payload: { value: SECRET } });
  expect(put.statusCode, put.body).toBeLessThan(300);
  await publishWith(h, [
    {
      kind: 'approval', name: 'dealReview', label: { 'zh-CN': '交易审核', en: 'Deal review' }, schemaVersion: 1, entity: 'deal',
      steps: [{ name: 'manager', label: { 'zh-CN': '经理', en: 'Manager' }, approver: { type: 'ownerManager' }, mode: 'firstResponse', onReject: 'final' }],
      lockRecord: true, allowRecall: true,
    },
    workflow('mailAndHook', {
      trigger: { type: 'fieldChanged', field: 'nextStep', to: 'contact' },
      actions: [
        { type: 'sendEmail', to: [{ type: 'owner' }, { type: 'address', value: 'buyer@example.com' }], subject: 'Deal {{title}}', body: 'Hello {{$owner.name}}, next step: {{nextStep}}' },
        { type: 'callWebhook', url, secretRef: 'erp', payloadTemplate: '{"deal": {{{json id}}}, "title": {{{json title}}}, "amount": {{{json amount}}} }' },
      ],
    }),
    workflow('reviewBig', {
      trigger: { type: 'fieldChanged', field: 'nextStep', to: 'review' },
      actions: [{ type: 'startApproval', approval: 'dealReview' }],
    }),
    workflow('fromErp', {
      trigger: { type: 'webhook', secretRef: 'erp' },
      actions: [{ type: 'setFields', values: { nextStep: 'paid in ERP' } }],
    }),
  ]);
});
afterAll(async () => {
  await h.close();
  await new Promise((r) => receiver.close(r));
});

describe('e-mail and outbound webhook actions', () => {
  it('queue an e-mail (held in the outbox without SMTP) and a signed webhook the scheduler delivers', async () => {
    received = [];
    const deal = await createDeal(h, 'rep1', { title: 'Mail deal', amount: 1234 });
    await patch(h, 'rep1', 'deal', deal, { nextStep: 'contact' });
    const [run] = await runsOf(h, { workflow: 'mailAndHook', recordId: String(deal.id) });
    expect(run!.actions.map((a) => a.status)).toEqual(['done', 'done']);

    const at = new Date(Date.now() + 1000);
    const handlers = messagingJobHandlers({ mailer: createMailer({}) });
    await h.runtime.scheduler(handlers, { clock: () => at }).runDue(at);

    const outbox = await h.inject({ method: 'GET', url: `/api/t/${TENANT}/outbox` });
    const mail = outbox.json().items.find((m: { subject: string }) => m.subject === 'Deal Mail deal');
    expect(mail).toMatchObject({ to: ['rep1@acme.test', 'buyer@example.com'], text: 'Hello REP1, next step: contact', state: 'outbox' });

    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(JSON.parse(body)).toEqual({ deal: deal.id, title: 'Mail deal', amount: 1234 });
    expect(verifySignature(SECRET, { timestamp: headers[TIMESTAMP_HEADER.toLowerCase()], signature: headers[SIGNATURE_HEADER.toLowerCase()] }, body)).toBe(true);
  });
});

describe('start approval action', () => {
  it('submits the record as the user whose save fired it and locks it', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Review me' });
    const saved = await patch(h, 'rep1', 'deal', deal, { nextStep: 'review' });
    const approvals = await h.inject({ method: 'GET', url: `/api/t/${TENANT}/records/deal/${String(deal.id)}/approvals` }, 'rep1');
    expect(approvals.json().items[0]).toMatchObject({ approval: 'dealReview', state: 'pending', submittedBy: 'rep1', steps: [{ approvers: [{ id: 'mgr' }] }] });
    const locked = await h.inject({ method: 'PATCH', url: `/api/t/${TENANT}/records/deal/${String(deal.id)}`, payload: { amount: 1, version: saved.version } }, 'rep1');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('APPROVAL_PENDING');
  });
});

describe('inbound webhook trigger', () => {
  const send = (body: string, headers: Record<string, string>) =>
    h.app.inject({ method: 'POST', url: `/api/t/${TENANT}/hooks/fromErp`, payload: body, headers: { 'content-type': 'application/json', ...headers } });
  const signed = (body: string, secret = SECRET, ts = String(Math.floor(Date.now() / 1000))) => ({ [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: signPayload(secret, ts, body) });

  it('runs the workflow on the named record for a correctly signed request', async () => {
    const deal = await createDeal(h, 'rep2', { title: 'ERP deal' });
    const body = JSON.stringify({ recordId: deal.id, invoice: 'INV-1' });
    const res = await send(body, signed(body));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().run.status).toBe('done');
    const stored = await h.store.tenant(TENANT).collection('records.deal').findOne({ _id: deal.id });
    expect(stored!.nextStep).toBe('paid in ERP');
    const [run] = await runsOf(h, { workflow: 'fromErp', recordId: String(deal.id) });
    expect(run!.trigger).toMatchObject({ type: 'webhook', detail: { body: { invoice: 'INV-1' } } });
  });

  it('refuses unsigned, wrongly signed, stale and malformed requests without running anything', async () => {
    const deal = await createDeal(h, 'rep2', { title: 'Guarded' });
    const body = JSON.stringify({ recordId: deal.id });
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await send(body, {})).statusCode).toBe(401);
    expect((await send(body, signed(body, 'another-secret-of-enough-length'))).statusCode).toBe(401);
    expect((await send(body, signed(body, SECRET, stale))).statusCode).toBe(401);
    expect((await send(`${body} `, signed(body))).statusCode).toBe(401); // body changed after signing
    const bad = '{"recordId": ';
    expect((await send(bad, signed(bad))).statusCode).toBe(400);
    const proto = '{"__proto__": {"x": 1}}';
    expect((await send(proto, signed(proto))).statusCode).toBe(400);
    expect((await h.app.inject({ method: 'POST', url: `/api/t/${TENANT}/hooks/mailAndHook`, payload: body, headers: { 'content-type': 'application/json', ...signed(body) } })).statusCode).toBe(404);
    expect(await runsOf(h, { workflow: 'fromErp', recordId: String(deal.id) })).toEqual([]);
  });
});
