/**
 * What the approval endpoints answer (the approvals contract of issue 4):
 * the inbox, a record's requests with the approvals the user could submit,
 * and one request as a view.
 */
import type { LocalizedText } from '../../../runtime/messaging/notifications.js';

export type ApprovalState = 'pending' | 'approved' | 'rejected' | 'recalled';
export type ApprovalDecision = 'approve' | 'reject';
export type ApprovalHistoryAction = 'submit' | 'approve' | 'reject' | 'backOneStep' | 'advance' | 'approved' | 'rejected' | 'recall';

export interface ApprovalRequestView {
  id: string;
  approval: string;
  label: LocalizedText;
  entity: string;
  recordId: string;
  recordTitle: string | null;
  state: ApprovalState;
  definitionVersion: number;
  currentStep: number;
  steps: {
    name: string;
    label: LocalizedText;
    mode: 'unanimous' | 'firstResponse';
    approvers: { id: string; name: string }[];
    decisions: { user: string; userName: string; decision: ApprovalDecision; comment: string | null; at: string }[];
    skipped?: boolean;
  }[];
  history: { action: ApprovalHistoryAction; user: string | null; userName: string | null; step: string | null; comment: string | null; at: string }[];
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string;
  finishedAt: string | null;
  lockRecord: boolean;
  outcomeError?: string;
}

export interface InboxItem {
  id: string;
  approval: string;
  label: LocalizedText;
  entity: string;
  recordId: string;
  recordTitle: string | null;
  step: { name: string; label: LocalizedText };
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string;
  comment: string | null;
}

export interface AvailableApproval {
  name: string;
  label: LocalizedText;
  eligible: boolean;
  reason?: string;
}

export interface RecordApprovals {
  items: ApprovalRequestView[];
  available: AvailableApproval[];
}
