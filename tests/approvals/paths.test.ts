/**
 * Approval paths over the API on the approval-crm fixture (see harness.ts):
 * the record lock, two steps through the owner's manager and a role, first
 * response versus unanimous, reject final and back one step, recall, skipped
 * steps, outcomes written and audited, inbox and notifications.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_COLLECTION } from '../../runtime/records/audit.js';
import { NOTIFICATIONS } from '../../runtime/messaging/notifications.js';
import { approvalFile, base } from './harness.js';

const t = approvalFile();

const actions = (view: { history: { action: string }[] }) => view.history.map((e) => e.action);

describe('submitting locks the record', () => {
  it('creates a pending request at the first step, asking the owner\'s manager', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Locked deal' });
    const view = await t.api.submitted('rep1', deal.id, 'bigDeal', 'please look');
    expect(view).toMatchObject({
      approval: 'bigDeal',
      label: { 'zh-CN': '大额交易审批', en: 'Big deal approval' },
      entity: 'deal',
      recordId: deal.id,
      recordTitle: 'Locked deal',
      state: 'pending',
      definitionVersion: 1,
      currentStep: 0,
      submittedBy: 'rep1',
      submittedByName: 'REP1',
      finishedAt: null,
      lockRecord: true,
    });
    expect(view.steps).toEqual([
      { name: 'manager', label: { 'zh-CN': '直属经理', en: "Owner's manager" }, mode: 'firstResponse', approvers: [{ id: 'mgr', name: 'MGR' }], decisions: [], skipped: false },
      { name: 'managers', label: { 'zh-CN': '经理组', en: 'Managers' }, mode: 'firstResponse', approvers: [], decisions: [], skipped: false },
    ]);
    expect(view.history).toEqual([{ action: 'submit', user: 'rep1', userName: 'REP1', step: 'manager', comment: 'please look', at: view.submittedAt }]);
  });

  it('refuses edits, deletes and transitions of the record while pending, for everyone', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Frozen' });
    await t.api.submitted('rep1', deal.id, 'bigDeal');
    for (const as of ['rep1', 'mgr', 'admin'] as const) {
      const patch = await t.h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: deal.version, title: 'changed' } }, as);
      expect(patch.statusCode, patch.body).toBe(409);
      expect(patch.json().error.code).toBe('APPROVAL_PENDING');
    }
    const del = await t.h.inject({ method: 'DELETE', url: `${base}/records/deal/${deal.id}` }, 'rep1');
    expect(del.statusCode, del.body).toBe(409);
    expect(del.json().error.code).toBe('APPROVAL_PENDING');
    const move = await t.h.inject({ method: 'POST', url: `${base}/records/deal/${deal.id}/transition`, payload: { to: 'qualified', version: deal.version, checklist: ['intro'] } }, 'rep1');
    expect(move.statusCode, move.body).toBe(409);
    expect(move.json().error.code).toBe('APPROVAL_PENDING');
    expect(await t.api.readDeal(deal.id)).toMatchObject({ title: 'Frozen', stage: 'new', version: deal.version });
  });
});

describe('approving over two steps', () => {
  it('goes from the owner\'s manager to the managers\' role, then writes onApprove and unlocks', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Two steps' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');

    const first = await t.api.acted('mgr', submitted.id, 'approve', 'fine by me');
    expect(first).toMatchObject({ state: 'pending', currentStep: 1 });
    expect(first.steps[0].decisions).toEqual([{ user: 'mgr', userName: 'MGR', decision: 'approve', comment: 'fine by me', at: expect.any(String) }]);
    expect(first.steps[1].approvers).toEqual([{ id: 'mgr', name: 'MGR' }, { id: 'mgr2', name: 'MGR2' }]);
    expect(actions(first)).toEqual(['submit', 'approve', 'advance']);
    expect(first.history[2]).toMatchObject({ action: 'advance', user: 'mgr', step: 'managers' });
    expect((await t.api.inbox('mgr2')).map((i) => i.id)).toContain(submitted.id);

    const done = await t.api.acted('mgr2', submitted.id, 'approve');
    expect(done).toMatchObject({ state: 'approved', currentStep: 1, finishedAt: expect.any(String) });
    expect(actions(done)).toEqual(['submit', 'approve', 'advance', 'approve', 'approved']);
    const after = await t.api.readDeal(deal.id);
    expect(after).toMatchObject({ status: 'approved', version: deal.version + 1, updatedBy: null });

    // Unlocked: the owner edits again.
    const patch = await t.h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: after.version, title: 'Two steps, approved' } }, 'rep1');
    expect(patch.statusCode, patch.body).toBe(200);
  });

  it('audits the submit and every decision, and the outcome as an update through the approval channel', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Audited' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal', 'go');
    await t.api.acted('mgr', submitted.id, 'approve');
    await t.api.acted('mgr2', submitted.id, 'approve', 'ok');
    const entries = await t.api.find(AUDIT_COLLECTION, { entity: 'deal', recordId: deal.id });
    const approvalEntries = entries.filter((e) => e.action === 'approval');
    const change = (e: Record<string, unknown>, field: string) => (e.changes as { field: string; from: unknown; to: unknown }[]).find((c) => c.field === field);
    expect(approvalEntries.map((e) => [e.user, change(e, 'approvalAction')?.to, change(e, 'approvalState')?.from, change(e, 'approvalState')?.to, change(e, 'approvalStep')?.from, change(e, 'approvalStep')?.to])).toEqual([
      ['rep1', 'submit', null, 'pending', null, 'manager'],
      ['mgr', 'approve', 'pending', 'pending', 'manager', 'managers'],
      ['mgr2', 'approve', 'pending', 'approved', 'managers', null],
    ]);
    expect(change(approvalEntries[0], 'approvalComment')?.to).toBe('go');
    expect(change(approvalEntries[0], 'approvalRequest')?.to).toBe(submitted.id);
    const outcome = entries.filter((e) => e.action === 'update');
    expect(outcome).toHaveLength(1);
    expect(outcome[0]).toMatchObject({ channel: 'approval', user: null, changes: [{ field: 'status', from: 'draft', to: 'approved' }] });
  });

  it('firstResponse: the first answer of a role decides the step, and the others are no longer asked', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'First response' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    await t.api.acted('mgr', submitted.id, 'approve');
    const done = await t.api.acted('mgr', submitted.id, 'approve');
    expect(done.state).toBe('approved');
    expect(done.steps[1].decisions).toHaveLength(1);
    expect((await t.api.inbox('mgr2')).map((i) => i.id)).not.toContain(submitted.id);
    const late = await t.api.act('mgr2', submitted.id, 'approve');
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().error.code).toBe('APPROVAL_NOT_PENDING');
  });

  it('unanimous: waits for every approver of the role, then approves', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Panel yes' });
    const submitted = await t.api.submitted('rep1', deal.id, 'panel');
    expect(submitted.steps[0].approvers.map((a: { id: string }) => a.id)).toEqual(['mgr', 'mgr2']);
    const one = await t.api.acted('mgr', submitted.id, 'approve');
    expect(one).toMatchObject({ state: 'pending', currentStep: 0 });
    expect((await t.api.inbox('mgr')).map((i) => i.id)).not.toContain(submitted.id);
    expect((await t.api.inbox('mgr2')).map((i) => i.id)).toContain(submitted.id);
    const again = await t.api.act('mgr', submitted.id, 'approve');
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('NOT_APPROVER');
    const done = await t.api.acted('mgr2', submitted.id, 'approve');
    expect(done.state).toBe('approved');
    expect(await t.api.readDeal(deal.id)).toMatchObject({ nextStep: 'panel approved' });
  });

  it('unanimous: one rejection rejects the step even after others approved', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Panel no' });
    const submitted = await t.api.submitted('rep1', deal.id, 'panel');
    await t.api.acted('mgr', submitted.id, 'approve');
    const done = await t.api.acted('mgr2', submitted.id, 'reject', 'too risky');
    expect(done.state).toBe('rejected');
    expect(actions(done)).toEqual(['submit', 'approve', 'reject', 'rejected']);
    expect(await t.api.readDeal(deal.id)).toMatchObject({ nextStep: 'panel rejected' });
  });

  it('a record deleted while a non-locking request is pending: the last answer ends it and the failed outcome is kept', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Gone' });
    const submitted = await t.api.submitted('rep1', deal.id, 'panel');
    const del = await t.h.inject({ method: 'DELETE', url: `${base}/records/deal/${deal.id}` }, 'rep1');
    expect(del.statusCode, del.body).toBe(204);
    await t.api.acted('mgr', submitted.id, 'approve');
    const done = await t.api.acted('mgr2', submitted.id, 'approve');
    expect(done).toMatchObject({ state: 'approved', recordTitle: null, outcomeError: `no deal with id "${deal.id}"` });
  });

  it('an approval that does not lock the record leaves it editable while pending', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Open panel' });
    const submitted = await t.api.submitted('rep1', deal.id, 'panel');
    expect(submitted.lockRecord).toBe(false);
    const patch = await t.h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: deal.version, title: 'Still editable' } }, 'rep1');
    expect(patch.statusCode, patch.body).toBe(200);
  });
});

describe('rejecting', () => {
  it('final: ends the request rejected, writes onReject, and the record can be submitted again', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Reject me' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    const done = await t.api.acted('mgr', submitted.id, 'reject', 'discount too deep');
    expect(done).toMatchObject({ state: 'rejected', finishedAt: expect.any(String) });
    expect(actions(done)).toEqual(['submit', 'reject', 'rejected']);
    expect(await t.api.readDeal(deal.id)).toMatchObject({ status: 'rejected' });

    const again = await t.api.submitted('rep1', deal.id, 'bigDeal', 'second try');
    const res = await t.api.recordApprovals('rep1', deal.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual([[again.id, 'pending'], [submitted.id, 'rejected']]);
  });

  it('backOneStep: returns to the previous step with fresh approvers and no answers, then approves through', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Back and forth' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    await t.api.acted('mgr', submitted.id, 'approve');
    const back = await t.api.acted('mgr2', submitted.id, 'reject', 'needs a better margin');
    expect(back).toMatchObject({ state: 'pending', currentStep: 0 });
    expect(back.steps[0]).toMatchObject({ approvers: [{ id: 'mgr', name: 'MGR' }], decisions: [] });
    expect(actions(back)).toEqual(['submit', 'approve', 'advance', 'reject', 'backOneStep']);
    expect(back.history[4]).toMatchObject({ action: 'backOneStep', user: 'mgr2', step: 'manager' });
    expect((await t.api.inbox('mgr')).find((i) => i.id === submitted.id)).toMatchObject({ step: { name: 'manager' } });
    expect(await t.api.readDeal(deal.id)).toMatchObject({ status: 'draft' });

    const forward = await t.api.acted('mgr', submitted.id, 'approve');
    expect(forward).toMatchObject({ state: 'pending', currentStep: 1 });
    expect(forward.steps[1].decisions).toEqual([]);
    const done = await t.api.acted('mgr2', submitted.id, 'approve');
    expect(done.state).toBe('approved');
    expect(actions(done)).toEqual(['submit', 'approve', 'advance', 'reject', 'backOneStep', 'approve', 'advance', 'approve', 'approved']);
    expect(await t.api.readDeal(deal.id)).toMatchObject({ status: 'approved' });
  });

  it('backOneStep on the first step is final', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Reviewed', reviewer: 'rep2' });
    const submitted = await t.api.submitted('rep1', deal.id, 'reviewerCheck');
    const done = await t.api.acted('rep2', submitted.id, 'reject');
    expect(done.state).toBe('rejected');
    expect(actions(done)).toEqual(['submit', 'reject', 'rejected']);
  });
});

describe('approvers from a user field and a named user; steps that do not apply', () => {
  it('asks the user in the field, and skips a step whose `when` does not hold', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Small review', reviewer: 'rep2', amount: 2000 });
    const submitted = await t.api.submitted('rep1', deal.id, 'reviewerCheck');
    expect(submitted.steps[0].approvers).toEqual([{ id: 'rep2', name: 'REP2' }]);
    // rep2 cannot read rep1's deal, but sees the request they are asked to approve.
    expect((await t.api.inbox('rep2')).find((i) => i.id === submitted.id)).toMatchObject({ recordTitle: 'Small review', step: { name: 'reviewer' } });
    const done = await t.api.acted('rep2', submitted.id, 'approve');
    expect(done.state).toBe('approved');
    expect(done.steps[1]).toMatchObject({ name: 'admin', skipped: true, approvers: [] });
  });

  it('asks the user named by e-mail when the step applies', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Big review', reviewer: 'rep2', amount: 8000 });
    const submitted = await t.api.submitted('rep1', deal.id, 'reviewerCheck');
    const next = await t.api.acted('rep2', submitted.id, 'approve');
    expect(next).toMatchObject({ state: 'pending', currentStep: 1 });
    expect(next.steps[1]).toMatchObject({ skipped: false, approvers: [{ id: 'admin', name: 'ADMIN' }] });
    expect((await t.api.acted('admin', submitted.id, 'reject')).state).toBe('rejected');
  });
});

describe('recall', () => {
  it('the submitter recalls a pending request; onRecall is written and the record unlocks', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Recall me' });
    const rejected = await t.h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: deal.version, status: 'rejected' } }, 'rep1');
    expect(rejected.statusCode, rejected.body).toBe(200);
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    const done = await t.api.acted('rep1', submitted.id, 'recall', 'wrong amount');
    expect(done).toMatchObject({ state: 'recalled', finishedAt: expect.any(String) });
    expect(done.history.at(-1)).toMatchObject({ action: 'recall', user: 'rep1', step: 'manager', comment: 'wrong amount' });
    const after = await t.api.readDeal(deal.id);
    expect(after).toMatchObject({ status: 'draft' });
    expect((await t.api.inbox('mgr')).map((i) => i.id)).not.toContain(submitted.id);
    const patch = await t.h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: after.version, title: 'Editable again' } }, 'rep1');
    expect(patch.statusCode, patch.body).toBe(200);
    const twice = await t.api.act('rep1', submitted.id, 'recall');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('APPROVAL_NOT_PENDING');
  });

  it('is refused to an approver who did not submit, hidden from others, and allowed to an administrator', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Not yours' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    const byApprover = await t.api.act('mgr', submitted.id, 'recall');
    expect(byApprover.statusCode).toBe(403);
    expect(byApprover.json().error.code).toBe('NOT_SUBMITTER');
    const byStranger = await t.api.act('rep3', submitted.id, 'recall');
    expect(byStranger.statusCode).toBe(404);
    expect((await t.api.acted('admin', submitted.id, 'recall')).state).toBe('recalled');
  });

  it('is refused when the approval does not allow recall', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'No recall' });
    const submitted = await t.api.submitted('rep1', deal.id, 'panel');
    const res = await t.api.act('rep1', submitted.id, 'recall');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('RECALL_NOT_ALLOWED');
    expect((await t.api.recordApprovals('rep1', deal.id)).json().items[0].state).toBe('pending');
  });
});

describe('inbox and notifications', () => {
  it('lists for each user exactly the requests waiting for their answer', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Inbox deal' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal', 'for the inbox');
    const item = (await t.api.inbox('mgr')).find((i) => i.id === submitted.id);
    expect(item).toEqual({
      id: submitted.id,
      approval: 'bigDeal',
      label: { 'zh-CN': '大额交易审批', en: 'Big deal approval' },
      entity: 'deal',
      recordId: deal.id,
      recordTitle: 'Inbox deal',
      step: { name: 'manager', label: { 'zh-CN': '直属经理', en: "Owner's manager" } },
      submittedBy: 'rep1',
      submittedByName: 'REP1',
      submittedAt: submitted.submittedAt,
      comment: 'for the inbox',
    });
    for (const as of ['mgr2', 'rep1', 'rep2', 'admin'] as const) {
      expect((await t.api.inbox(as)).map((i) => i.id)).not.toContain(submitted.id);
    }
    await t.api.acted('mgr', submitted.id, 'approve');
    expect((await t.api.inbox('mgr')).find((i) => i.id === submitted.id)).toMatchObject({ step: { name: 'managers' } });
    expect((await t.api.inbox('mgr2')).find((i) => i.id === submitted.id)).toMatchObject({ step: { name: 'managers' } });
    // Newest first.
    const later = await t.api.submitted('rep2', (await t.api.createDeal('rep2', { title: 'Later', company: 'co-2' })).id, 'bigDeal');
    const ids = (await t.api.inbox('mgr')).map((i) => i.id);
    expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(submitted.id));
  });

  it('tells approvers when a step starts and the submitter when the request ends, in both languages', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Noticed' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    const about = (user: string) => t.api.find(NOTIFICATIONS, { user, 'source.requestId': submitted.id });
    expect(await about('mgr')).toEqual([
      expect.objectContaining({ entity: 'deal', recordId: deal.id, read: false, message: { 'zh-CN': '待您审批：大额交易审批「Noticed」（直属经理）', en: 'Waiting for your approval: Big deal approval "Noticed" (Owner\'s manager)' } }),
    ]);
    expect(await about('mgr2')).toEqual([]);
    await t.api.acted('mgr', submitted.id, 'approve');
    expect(await about('mgr2')).toHaveLength(1);
    expect(await about('mgr')).toHaveLength(2);
    expect(await about('rep1')).toEqual([]);
    await t.api.acted('mgr2', submitted.id, 'reject');
    // Back one step: the owner's manager is asked again; the submitter hears nothing yet.
    expect(await about('mgr')).toHaveLength(3);
    expect(await about('rep1')).toEqual([]);
    await t.api.acted('mgr', submitted.id, 'reject', 'not now');
    expect((await about('rep1')).map((n) => n.message)).toEqual([
      { 'zh-CN': '您提交的大额交易审批「Noticed」已被驳回：not now', en: 'Your Big deal approval request for "Noticed" was rejected: not now' },
    ]);
  });

  it('does not tell the submitter about their own recall', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Quiet recall' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    await t.api.acted('rep1', submitted.id, 'recall');
    expect(await t.api.count(NOTIFICATIONS, { user: 'rep1', 'source.requestId': submitted.id })).toBe(0);
  });
});

describe('a record\'s approvals', () => {
  it('lists which approvals the user could submit now, and why not', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Choices', amount: 500 });
    const res = await t.api.recordApprovals('rep1', deal.id);
    expect(res.statusCode, res.body).toBe(200);
    const available = res.json().available as { name: string; eligible: boolean; reason?: string }[];
    expect(available.map((a) => [a.name, a.eligible])).toEqual([['bigDeal', false], ['panel', true], ['reviewerCheck', false]]);
    expect(available[0].reason).toMatch(/amount must be greaterThan 1000; it is 500/);
    expect(available[2].reason).toMatch(/reviewer/);
    expect(res.json().items).toEqual([]);

    await t.api.submitted('rep1', deal.id, 'panel');
    const pending = (await t.api.recordApprovals('mgr', deal.id)).json();
    expect(pending.items).toHaveLength(1);
    expect(pending.available.every((a: { eligible: boolean; reason?: string }) => !a.eligible && /pending/.test(a.reason!))).toBe(true);
  });

  it('answers 404 to a user who cannot read the record', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Private' });
    expect((await t.api.recordApprovals('rep2', deal.id)).statusCode).toBe(404);
    expect((await t.api.recordApprovals('rep1', 'no-such-deal')).statusCode).toBe(404);
  });
});
