/** Everything that happened to a request, oldest first: who did what at which step, with their comments. */
import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../runtime/ui/format.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import type { ApprovalHistoryAction, ApprovalRequestView } from '../api/approvalTypes.js';
import { useLocale } from '../i18n/LocaleContext.js';
import type { ShellKey } from '../i18n/messages.js';

const WORDS: Record<ApprovalHistoryAction, ShellKey> = {
  submit: 'approvalActionSubmit',
  approve: 'approvalActionApprove',
  reject: 'approvalActionReject',
  backOneStep: 'approvalActionBackOneStep',
  advance: 'approvalActionAdvance',
  approved: 'approvalActionApproved',
  rejected: 'approvalActionRejected',
  recall: 'approvalActionRecall',
};

const COLORS: Partial<Record<ApprovalHistoryAction, string>> = {
  approve: 'green', approved: 'green', reject: 'red', rejected: 'red', backOneStep: 'orange', recall: 'gray',
};

export function RequestHistory({ request }: { request: ApprovalRequestView }) {
  const { locale, t } = useLocale();
  const { timeZone } = useRenderer();
  const stepLabel = (name: string | null) => {
    const step = name ? request.steps.find((s) => s.name === name) : undefined;
    return step ? localize(step.label, locale, step.name) : name;
  };
  return (
    <Timeline
      className="sc-approval-history"
      items={request.history.map((h, i) => ({
        key: `${i}-${h.at}`,
        color: COLORS[h.action] ?? 'blue',
        content: (
          <div>
            <div>
              {h.userName && <Typography.Text strong>{h.userName} </Typography.Text>}
              {t(WORDS[h.action] ?? 'approvalActionAdvance')}
              {h.step && <Typography.Text type="secondary"> · {stepLabel(h.step)}</Typography.Text>}
            </div>
            {h.comment && <div className="sc-approval-comment">“{h.comment}”</div>}
            <Typography.Text type="secondary" className="sc-num" style={{ fontSize: 12 }}>{formatDateTime(h.at, locale, timeZone)}</Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
