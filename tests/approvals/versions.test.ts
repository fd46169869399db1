/**
 * Running approvals keep the version they started on: a request snapshots its
 * approval definition and the published version, so republishing the approval
 * changes new requests only. Also submitting as the platform (a workflow's
 * startApproval), on behalf of the record owner or a given submitter.
 */
import { describe, expect, it } from 'vitest';
import { submitApproval } from '../../runtime/approvals/index.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { approvalFile, APPROVAL_FIXTURE, base, TENANT } from './harness.js';

const t = approvalFile();

async function publishBigDeal(change: (def: Record<string, any>) => void): Promise<number> {
  const def = JSON.parse(await readFile(resolve(APPROVAL_FIXTURE, 'definitions/approvalBigDeal.json'), 'utf8'));
  change(def);
  const put = await t.h.inject({ method: 'PUT', url: `${base}/definitions/approval/bigDeal`, payload: def });
  expect(put.statusCode, put.body).toBe(200);
  const published = await t.h.inject({ method: 'POST', url: `${base}/definitions/publish`, payload: {} });
  expect(published.statusCode, published.body).toBe(201);
  return published.json().version;
}

describe('republishing an approval', () => {
  it('leaves a running request on its own version and steps; new requests use the new one', async () => {
    const old = await t.api.createDeal('rep1', { title: 'Started on v1' });
    const running = await t.api.submitted('rep1', old.id, 'bigDeal');
    expect(running.definitionVersion).toBe(1);

    const version = await publishBigDeal((def) => {
      def.label = { 'zh-CN': '大额交易审批（新）', en: 'Big deal approval (new)' };
      def.steps = [def.steps[0]];
      def.onApprove = { setFields: { nextStep: 'approved under v2' } };
    });
    expect(version).toBe(2);

    const next = await t.api.acted('mgr', running.id, 'approve');
    expect(next).toMatchObject({ definitionVersion: 1, state: 'pending', currentStep: 1, label: { en: 'Big deal approval' } });
    expect(next.steps.map((s: { name: string }) => s.name)).toEqual(['manager', 'managers']);
    expect((await t.api.acted('mgr2', next.id, 'approve')).state).toBe('approved');
    const approvedOld = await t.api.readDeal(old.id);
    expect(approvedOld.status).toBe('approved');
    expect(approvedOld.nextStep ?? null).toBeNull();

    const fresh = await t.api.createDeal('rep1', { title: 'Started on v2' });
    const started = await t.api.submitted('rep1', fresh.id, 'bigDeal');
    expect(started).toMatchObject({ definitionVersion: 2, label: { en: 'Big deal approval (new)' } });
    expect(started.steps).toHaveLength(1);
    expect((await t.api.acted('mgr', started.id, 'approve')).state).toBe('approved');
    expect(await t.api.readDeal(fresh.id)).toMatchObject({ status: 'draft', nextStep: 'approved under v2' });
  });
});

describe('submitting as the platform (a workflow)', () => {
  it('submits on behalf of the record owner, or of the given submitter, who may then recall', async () => {
    const ctx = { ...(await t.h.runtime.context(TENANT, { user: null, channel: 'workflow' })), depth: 1 };
    const deal = await t.api.createDeal('rep1', { title: 'Started by a workflow' });
    const view = await submitApproval(ctx, { approval: 'bigDeal', entity: 'deal', recordId: deal.id });
    expect(view).toMatchObject({ state: 'pending', submittedBy: 'rep1', submittedByName: 'REP1' });
    expect((await t.api.inbox('mgr')).map((i) => i.id)).toContain(view.id);
    expect((await t.api.acted('rep1', view.id, 'recall')).state).toBe('recalled');

    const other = await t.api.createDeal('rep1', { title: 'On behalf of rep2' });
    const onBehalf = await submitApproval(ctx, { approval: 'panel', entity: 'deal', recordId: other.id, comment: 'auto' }, { submitter: 'rep2' });
    expect(onBehalf).toMatchObject({ submittedBy: 'rep2', history: [{ action: 'submit', user: 'rep2', comment: 'auto' }] });
  });

  it('still checks the entry criteria and the one-pending rule', async () => {
    const ctx = await t.h.runtime.context(TENANT, { user: null, channel: 'workflow' });
    const small = await t.api.createDeal('rep1', { title: 'Small', amount: 10 });
    await expect(submitApproval(ctx, { approval: 'bigDeal', entity: 'deal', recordId: small.id })).rejects.toMatchObject({ code: 'ENTRY_CRITERIA' });
    const deal = await t.api.createDeal('rep1', { title: 'Twice by workflow' });
    await submitApproval(ctx, { approval: 'bigDeal', entity: 'deal', recordId: deal.id });
    await expect(submitApproval(ctx, { approval: 'bigDeal', entity: 'deal', recordId: deal.id })).rejects.toMatchObject({ code: 'APPROVAL_ALREADY_PENDING' });
    await expect(submitApproval(ctx, { approval: 'bigDeal', entity: 'deal', recordId: 'missing' })).rejects.toMatchObject({ kind: 'notFound' });
  });
});
