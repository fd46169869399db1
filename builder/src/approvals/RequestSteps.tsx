/** A request's steps in order: who approves each, how (all or first answer), and the answers given with their comments. */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Steps, Typography } from 'antd';
import { formatDateTime } from '../../../runtime/ui/format.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import type { ApprovalRequestView } from '../api/approvalTypes.js';
import { useLocale } from '../i18n/LocaleContext.js';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

function statusOf(request: ApprovalRequestView, index: number): StepStatus {
  const step = request.steps[index];
  if (step.skipped) return 'wait';
  if (index < request.currentStep) return 'finish';
  if (index > request.currentStep) return request.state === 'approved' ? 'finish' : 'wait';
  switch (request.state) {
    case 'pending': return 'process';
    case 'approved': return 'finish';
    case 'rejected': return 'error';
    default: return 'wait';
  }
}

export function RequestSteps({ request }: { request: ApprovalRequestView }) {
  const { locale, t } = useLocale();
  const { timeZone } = useRenderer();
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={request.currentStep}
      items={request.steps.map((step, i) => ({
        title: localize(step.label, locale, step.name),
        status: statusOf(request, i),
        subTitle: step.skipped ? t('approvalSkipped') : t(step.mode === 'unanimous' ? 'approvalModeUnanimous' : 'approvalModeFirst'),
        description: (
          <div className="sc-approval-step">
            <Typography.Text type="secondary">{t('approvalApprovers', { names: step.approvers.map((a) => a.name).join('、') || '—' })}</Typography.Text>
            {step.decisions.map((d) => (
              <div key={`${d.user}-${d.at}`} className="sc-approval-decision">
                {d.decision === 'approve'
                  ? <CheckCircleFilled style={{ color: '#52c41a' }} />
                  : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
                <span><Typography.Text strong>{d.userName}</Typography.Text> {t(d.decision === 'approve' ? 'approvalActionApprove' : 'approvalActionReject')}</span>
                <Typography.Text type="secondary" className="sc-num">{formatDateTime(d.at, locale, timeZone)}</Typography.Text>
                {d.comment && <div className="sc-approval-comment">“{d.comment}”</div>}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
