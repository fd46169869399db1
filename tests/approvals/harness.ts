/**
 * The API harness on the approval-crm fixture: the pipeline-crm deal (stage
 * pipeline new → qualified → …) plus `status`, a `reviewer` user field, and
 * three approvals of deals:
 *   bigDeal        amount > 1000 and status draft|rejected; manager (ownerManager, firstResponse, final)
 *                  → managers (role manager, firstResponse, backOneStep); status approved|rejected|draft on
 *                  approve|reject|recall; recall allowed; locks the record
 *   panel          one unanimous step of role manager; nextStep set on approve/reject; no recall; no lock
 *   reviewerCheck  reviewer (userField, backOneStep) → admin (user admin@acme.test, only when amount > 5000); locks
 * People: admin · mgr ← rep1, rep2 · mgr2 ← rep3 (role manager: mgr, mgr2).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startHarness, type Harness, type Person } from '../helpers/apiHarness.js';
import type { ApprovalRequestView } from '../../runtime/approvals/index.js';

export const APPROVAL_FIXTURE = resolve(import.meta.dirname, 'fixtures/approval-crm');
export const TENANT = 'acme';
export const base = `/api/t/${TENANT}`;

export function startApprovalHarness(): Promise<Harness> {
  return startHarness({ template: APPROVAL_FIXTURE, tenants: [TENANT] });
}

export type Rec = Record<string, unknown> & { id: string; version: number };
export type View = ApprovalRequestView;

export function approvalApi(h: Harness) {
  const store = () => h.store.tenant(TENANT);
  return {
    async createDeal(as: Person, body: Record<string, unknown> = {}): Promise<Rec> {
      const res = await h.inject({ method: 'POST', url: `${base}/records/deal`, payload: { title: 'Deal', company: 'co-1', amount: 2000, ...body } }, as);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
    async readDeal(id: string, as: Person = 'admin'): Promise<Rec> {
      const res = await h.inject({ method: 'GET', url: `${base}/records/deal/${id}` }, as);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
    submit: (as: Person, dealId: string, body: unknown) => h.inject({ method: 'POST', url: `${base}/records/deal/${dealId}/approvals`, payload: body as object }, as),
    /** Submits and expects 201. */
    async submitted(as: Person, dealId: string, approval: string, comment?: string): Promise<View> {
      const res = await h.inject({ method: 'POST', url: `${base}/records/deal/${dealId}/approvals`, payload: { approval, ...(comment ? { comment } : {}) } }, as);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
    act: (as: Person, requestId: string, action: 'approve' | 'reject' | 'recall', body: unknown = {}) =>
      h.inject({ method: 'POST', url: `${base}/approvals/${requestId}/${action}`, payload: body as object }, as),
    /** Answers and expects 200. */
    async acted(as: Person, requestId: string, action: 'approve' | 'reject' | 'recall', comment?: string): Promise<View> {
      const res = await h.inject({ method: 'POST', url: `${base}/approvals/${requestId}/${action}`, payload: comment ? { comment } : {} }, as);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
    async inbox(as: Person): Promise<Record<string, any>[]> {
      const res = await h.inject({ method: 'GET', url: `${base}/approvals/inbox` }, as);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    },
    recordApprovals: (as: Person, dealId: string) => h.inject({ method: 'GET', url: `${base}/records/deal/${dealId}/approvals` }, as),
    count: (collection: string, filter: Record<string, unknown> = {}) => store().collection(collection).count(filter),
    find: (collection: string, filter: Record<string, unknown> = {}) => store().collection(collection).find(filter, { sort: { _id: 1 } }),
  };
}

/**
 * The harness and its helpers for one test file: started before its tests, closed after them.
 * Read `t.h` / `t.api` inside tests and hooks.
 */
export function approvalFile(): { readonly h: Harness; readonly api: ReturnType<typeof approvalApi> } {
  let h: Harness | undefined;
  let api: ReturnType<typeof approvalApi> | undefined;
  beforeAll(async () => {
    h = await startApprovalHarness();
    api = approvalApi(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });
  const started = <T>(v: T | undefined): T => {
    if (!v) throw new Error('the approval harness is not started: use it inside tests or hooks');
    return v;
  };
  return { get h() { return started(h); }, get api() { return started(api); } };
}
