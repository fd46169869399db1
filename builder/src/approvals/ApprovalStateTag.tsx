/** A request's state as a coloured tag. */
import { Tag } from 'antd';
import type { ApprovalState } from '../api/approvalTypes.js';
import { useLocale } from '../i18n/LocaleContext.js';
import type { ShellKey } from '../i18n/messages.js';

const LOOK: Record<ApprovalState, { color: string; key: ShellKey }> = {
  pending: { color: 'processing', key: 'approvalStatePending' },
  approved: { color: 'success', key: 'approvalStateApproved' },
  rejected: { color: 'error', key: 'approvalStateRejected' },
  recalled: { color: 'default', key: 'approvalStateRecalled' },
};

export function ApprovalStateTag({ state }: { state: ApprovalState }) {
  const { t } = useLocale();
  const look = LOOK[state];
  return <Tag color={look.color}>{t(look.key)}</Tag>;
}
