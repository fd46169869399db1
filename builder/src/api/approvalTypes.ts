/**
 * What the approval endpoints answer: the inbox, a record's requests with the
 * approvals the user could submit, and one request as a view. The shapes are
 * the runtime's (runtime/approvals/); the app only names them.
 */
import type { recordApprovals } from '../../../runtime/approvals/recordApprovals.js';

export type { ApprovalRequestView } from '../../../runtime/approvals/view.js';
export type { InboxItem } from '../../../runtime/approvals/inbox.js';
export type { AvailableApproval } from '../../../runtime/approvals/recordApprovals.js';
export type { Decision as ApprovalDecision, HistoryAction as ApprovalHistoryAction, RequestState as ApprovalState } from '../../../runtime/approvals/requestDoc.js';

/** `GET /records/:entity/:id/approvals`: the record's requests, newest first, and the approvals the user could submit. */
export type RecordApprovals = Awaited<ReturnType<typeof recordApprovals>>;
