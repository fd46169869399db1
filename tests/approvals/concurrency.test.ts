/**
 * Answers and submissions that race: every state change of a request is a
 * conditional write on its revision, and a record has at most one pending
 * request (unique key), so of two callers at once exactly one wins.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_COLLECTION } from '../../runtime/records/audit.js';
import { APPROVAL_REQUESTS } from '../../runtime/approvals/index.js';
import { commitChange } from '../../runtime/approvals/commit.js';
import { fromDoc } from '../../runtime/approvals/requestDoc.js';
import { approvalFile, TENANT } from './harness.js';

const t = approvalFile();

describe('two approvers answering at once', () => {
  it('first response: exactly one wins, the outcome is written once', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Race' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    await t.api.acted('mgr', submitted.id, 'approve');
    const answers = await Promise.all([t.api.act('mgr', submitted.id, 'approve'), t.api.act('mgr2', submitted.id, 'approve')]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.statusCode === 409)!;
    expect(['APPROVAL_NOT_PENDING', 'APPROVAL_CHANGED']).toContain(loser.json().error.code);

    const [doc] = await t.api.find(APPROVAL_REQUESTS, { _id: submitted.id });
    const request = fromDoc(doc);
    expect(request.state).toBe('approved');
    expect(request.steps[1].decisions).toHaveLength(1);
    expect(request.history.filter((e) => e.action === 'approved')).toHaveLength(1);
    const audit = await t.api.find(AUDIT_COLLECTION, { entity: 'deal', recordId: deal.id });
    expect(audit.filter((e) => e.action === 'update')).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'approval')).toHaveLength(3);
  });

  it('unanimous: a lost race loses no answer; the loser answers again and the request completes', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Panel race' });
    const submitted = await t.api.submitted('rep1', deal.id, 'panel');
    const answers = await Promise.all([t.api.act('mgr', submitted.id, 'approve'), t.api.act('mgr2', submitted.id, 'approve')]);
    const [doc] = await t.api.find(APPROVAL_REQUESTS, { _id: submitted.id });
    const request = fromDoc(doc);
    const winners = answers.filter((r) => r.statusCode === 200);
    expect(request.steps[0].decisions).toHaveLength(winners.length);
    expect(request.revision).toBe(winners.length);
    for (const [i, res] of answers.entries()) {
      if (res.statusCode === 200) continue;
      expect(res.json().error.code).toBe('APPROVAL_CHANGED');
      await t.api.acted(i === 0 ? 'mgr' : 'mgr2', submitted.id, 'approve');
    }
    expect(fromDoc((await t.api.find(APPROVAL_REQUESTS, { _id: submitted.id }))[0]).state).toBe('approved');
  });

  it('a change computed from a stale revision is refused with 409 and writes nothing', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Stale' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    const stale = fromDoc((await t.api.find(APPROVAL_REQUESTS, { _id: submitted.id }))[0]);
    await t.api.acted('mgr', submitted.id, 'approve');
    const ctx = await t.h.runtime.context(TENANT, { user: null, channel: 'api' });
    const forged = { ...stale, state: 'approved' as const, finishedAt: new Date() };
    await expect(commitChange(ctx, stale, forged)).rejects.toMatchObject({ kind: 'conflict', code: 'APPROVAL_CHANGED' });
    const now = fromDoc((await t.api.find(APPROVAL_REQUESTS, { _id: submitted.id }))[0]);
    expect(now).toMatchObject({ state: 'pending', currentStep: 1, revision: 1 });
  });
});

describe('two submissions at once', () => {
  it('exactly one request is created for the record', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Double submit' });
    const results = await Promise.all([
      t.api.submit('rep1', deal.id, { approval: 'bigDeal' }),
      t.api.submit('rep1', deal.id, { approval: 'panel' }),
      t.api.submit('mgr', deal.id, { approval: 'bigDeal' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('APPROVAL_ALREADY_PENDING');
    expect(await t.api.count(APPROVAL_REQUESTS, { recordId: deal.id })).toBe(1);
    expect(await t.api.count(AUDIT_COLLECTION, { recordId: deal.id, action: 'approval' })).toBe(1);
  });
});
