/**
 * What approvals refuse, with which status and code, and that a refused call
 * writes nothing: no request, no audit entry, no notification, no change to
 * the request it was about.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_COLLECTION } from '../../runtime/records/audit.js';
import { NOTIFICATIONS } from '../../runtime/messaging/notifications.js';
import { APPROVAL_REQUESTS } from '../../runtime/approvals/index.js';
import { approvalFile, base } from './harness.js';

const t = approvalFile();

/** Everything an approval call could write, to compare before and after a refused one. */
async function snapshot() {
  return {
    requests: await t.api.find(APPROVAL_REQUESTS),
    audit: await t.api.count(AUDIT_COLLECTION),
    notifications: await t.api.count(NOTIFICATIONS),
  };
}

async function refused(call: () => Promise<{ statusCode: number; json(): any; body: string }>, status: number, code: string) {
  const before = await snapshot();
  const res = await call();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(await snapshot()).toEqual(before);
  return res.json().error as { code: string; message: string; details: { path: string; message: string }[] };
}

describe('submitting', () => {
  it('refuses a record that does not meet the entry criteria, naming the failing conditions', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Too small', amount: 500 });
    const error = await refused(() => t.api.submit('rep1', deal.id, { approval: 'bigDeal' }), 422, 'ENTRY_CRITERIA');
    expect(error.details).toEqual([{ path: '/entryCriteria/all/0', message: 'amount must be greaterThan 1000; it is 500' }]);

    const patched = await t.h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: deal.version, status: 'approved' } }, 'rep1');
    expect(patched.statusCode, patched.body).toBe(200);
    const both = await refused(() => t.api.submit('rep1', deal.id, { approval: 'bigDeal' }), 422, 'ENTRY_CRITERIA');
    expect(both.details.map((d) => d.path)).toEqual(['/entryCriteria/all/0', '/entryCriteria/all/1']);
    expect(both.details[1].message).toContain('"approved"');
  });

  it('refuses a second request while one is pending, for the same or another approval', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Once' });
    const first = await t.api.submitted('rep1', deal.id, 'bigDeal');
    const error = await refused(() => t.api.submit('rep1', deal.id, { approval: 'bigDeal' }), 409, 'APPROVAL_ALREADY_PENDING');
    expect(error.details).toEqual([{ path: '/approval', message: `request ${first.id} is pending` }]);
    await refused(() => t.api.submit('rep1', deal.id, { approval: 'panel' }), 409, 'APPROVAL_ALREADY_PENDING');
  });

  it('refuses a step nobody can approve: no manager, an empty user field', async () => {
    const own = await t.api.createDeal('admin', { title: 'Admin has no manager' });
    const noManager = await refused(() => t.api.submit('admin', own.id, { approval: 'bigDeal' }), 422, 'NO_APPROVER');
    expect(noManager.details).toEqual([{ path: '/steps/0/approver', message: 'the record owner has no active manager' }]);
    const unassigned = await t.api.createDeal('rep1', { title: 'No reviewer' });
    const noReviewer = await refused(() => t.api.submit('rep1', unassigned.id, { approval: 'reviewerCheck' }), 422, 'NO_APPROVER');
    expect(noReviewer.details).toEqual([{ path: '/steps/0/approver', message: 'field "reviewer" names no active user' }]);
  });

  it('answers 404 for records the user cannot read or that do not exist, and unknown approvals with the path', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Hidden from rep2' });
    await refused(() => t.api.submit('rep2', deal.id, { approval: 'bigDeal' }), 404, 'NOT_FOUND');
    await refused(() => t.api.submit('rep1', 'nope', { approval: 'bigDeal' }), 404, 'NOT_FOUND');
    const bad = await t.h.inject({ method: 'POST', url: `${base}/records/nothing/${deal.id}/approvals`, payload: { approval: 'bigDeal' } }, 'rep1');
    expect(bad.statusCode).toBe(404);
    const unknown = await refused(() => t.api.submit('rep1', deal.id, { approval: 'noSuchApproval' }), 422, 'VALIDATION_FAILED');
    expect(unknown.details).toEqual([{ path: '/approval', message: 'is not an approval of deal' }]);
  });

  it('refuses malformed bodies with the path of the fault', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Bodies' });
    const cases: [unknown, string][] = [
      [{}, '/approval'],
      [{ approval: 'bigDeal', extra: 1 }, '/extra'],
      [{ approval: 'bigDeal', comment: 'x'.repeat(2001) }, '/comment'],
      [{ approval: 'bigDeal', comment: 42 }, '/comment'],
      [{ approval: 7 }, '/approval'],
      [{ approval: 'bigDeal', $set: { state: 'approved' } }, '/$set'],
    ];
    for (const [body, path] of cases) {
      const error = await refused(() => t.api.submit('rep1', deal.id, body), 400, 'INVALID_BODY');
      expect(error.details.map((d) => d.path), JSON.stringify(body)).toContain(path);
    }
    const proto = await t.h.inject({ method: 'POST', url: `${base}/records/deal/${deal.id}/approvals`, headers: { 'content-type': 'application/json' }, payload: '{"approval":"bigDeal","__proto__":{"x":1}}' }, 'rep1');
    expect(proto.statusCode).toBe(400);
    expect(await t.api.count(APPROVAL_REQUESTS, { recordId: deal.id })).toBe(0);
  });
});

describe('answering', () => {
  it('403 for a user who may see the request but is not an approver of the current step', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Not yours to approve' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    for (const as of ['admin', 'rep1'] as const) {
      const error = await refused(() => t.api.act(as, submitted.id, 'approve'), 403, 'NOT_APPROVER');
      expect(error.message).toContain('manager');
    }
    // mgr2 is asked only at the second step: now the request is not theirs to see.
    await refused(() => t.api.act('mgr2', submitted.id, 'reject'), 404, 'NOT_FOUND');
    await refused(() => t.api.act('rep2', submitted.id, 'approve'), 404, 'NOT_FOUND');
    await refused(() => t.api.act('mgr', 'no-such-request', 'approve'), 404, 'NOT_FOUND');
    await refused(() => t.api.act('mgr', submitted.id, 'approve', { comment: 'x'.repeat(2001) }), 400, 'INVALID_BODY');
    await refused(() => t.api.act('mgr', submitted.id, 'approve', { verdict: 'yes' }), 400, 'INVALID_BODY');
  });

  it('409 once the request is no longer pending', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Already decided' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    await t.api.acted('mgr', submitted.id, 'reject');
    await refused(() => t.api.act('mgr', submitted.id, 'approve'), 409, 'APPROVAL_NOT_PENDING');
    await refused(() => t.api.act('rep1', submitted.id, 'recall'), 409, 'APPROVAL_NOT_PENDING');
  });

  it('422 NO_APPROVER when the next step has nobody to ask, and the answer is not recorded', async () => {
    const deal = await t.api.createDeal('rep1', { title: 'Nobody next' });
    const submitted = await t.api.submitted('rep1', deal.id, 'bigDeal');
    const setRoles = async (id: string, roles: string[]) => {
      const res = await t.h.inject({ method: 'PATCH', url: `${base}/users/${id}`, payload: { roles } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await setRoles('mgr2', ['rep']);
    await setRoles('mgr', ['rep']);
    try {
      const error = await refused(() => t.api.act('mgr', submitted.id, 'approve'), 422, 'NO_APPROVER');
      expect(error.details).toEqual([{ path: '/steps/1/approver', message: 'no active user has role "manager"' }]);
    } finally {
      await setRoles('mgr', ['manager']);
      await setRoles('mgr2', ['manager']);
    }
    expect((await t.api.acted('mgr', submitted.id, 'approve')).currentStep).toBe(1);
  });
});
