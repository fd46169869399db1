/**
 * Approvals: submit a record, answer (approve / reject), recall, the inbox,
 * and a record's approval history. The record lock while a request is pending
 * is enforced by the save pipeline (lock.ts).
 */
export { submitApproval, type SubmitInput } from './submit.js';
export { decide } from './decide.js';
export { recall } from './recall.js';
export { inbox, type InboxItem } from './inbox.js';
export { recordApprovals, type AvailableApproval } from './recordApprovals.js';
export { parseDecisionBody, parseSubmitBody, MAX_COMMENT } from './input.js';
export type { ApprovalRequestView } from './view.js';
export type { Decision, RequestState } from './requestDoc.js';
export { APPROVAL_REQUESTS, pendingLock, refuseWhileLocked } from './lock.js';
