/**
 * The record page's 审批 / Approvals tab: a "submit for approval" button per
 * approval of the entity (disabled with the server's reason when the record
 * does not qualify), then the record's requests, newest first.
 */
import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Skeleton, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { localize } from '../../../runtime/ui/labels.js';
import type { ApprovalRequestView, AvailableApproval, RecordApprovals } from '../api/approvalTypes.js';
import { isNetworkError } from '../api/http.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { useTenant } from '../shell/TenantContext.js';
import { approvalErrorText } from './approvalError.js';
import { CommentDialog } from './CommentDialog.js';
import { RequestCard } from './RequestCard.js';

export interface ApprovalsPanelProps {
  entity: string;
  id: string;
  approvals: RecordApprovals | undefined;
  error: unknown;
  /** After a submission or recall: the record may have been locked, unlocked or changed by an outcome. */
  onChanged: () => void;
  onRetry: () => void;
}

type Acting = { kind: 'submit'; approval: AvailableApproval } | { kind: 'recall'; request: ApprovalRequestView };

export function ApprovalsPanel({ entity, id, approvals, error, onChanged, onRetry }: ApprovalsPanelProps) {
  const { api, me } = useTenant();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [acting, setActing] = useState<Acting | null>(null);

  if (error !== undefined && !approvals) {
    return (
      <Alert type="warning" showIcon title={t('approvalsLoadFailed')}
        description={isNetworkError(error) ? t('networkError') : error instanceof Error ? error.message : String(error)}
        action={<Button size="small" onClick={onRetry}>{t('retry')}</Button>} />
    );
  }
  if (!approvals) return <Skeleton active paragraph={{ rows: 3 }} />;

  const confirm = async (comment: string | undefined) => {
    if (!acting) return;
    try {
      if (acting.kind === 'submit') {
        await api.submitApproval(entity, id, acting.approval.name, comment);
        message.success(t('submittedDone'));
      } else {
        await api.answerApproval(acting.request.id, 'recall', comment);
        message.success(t('recalledDone'));
      }
      setActing(null);
    } catch (e) {
      message.error(approvalErrorText(e, t));
      setActing(null);
    }
    onChanged();
  };

  const labelOf = (a: { label: AvailableApproval['label']; name?: string; approval?: string }) => localize(a.label, locale, a.name ?? a.approval);

  return (
    <div className="sc-approvals-panel">
      {approvals.available.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {approvals.available.map((a) => (
            <Tooltip key={a.name} title={a.eligible ? undefined : a.reason}>
              <Button icon={<SendOutlined />} disabled={!a.eligible} onClick={() => setActing({ kind: 'submit', approval: a })}>
                {t('submitApproval', { label: labelOf(a) })}
              </Button>
            </Tooltip>
          ))}
        </Space>
      )}
      {approvals.items.length === 0
        ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvalsEmpty')} />
        : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {approvals.items.map((r) => (
              <RequestCard key={r.id} request={r}
                onRecall={r.state === 'pending' && r.submittedBy === me.user.id ? () => setActing({ kind: 'recall', request: r }) : undefined} />
            ))}
          </Space>
        )}
      {acting && (
        <CommentDialog
          title={acting.kind === 'submit' ? t('submitApprovalTitle', { label: labelOf(acting.approval) }) : t('recallTitle', { label: labelOf(acting.request) })}
          okText={acting.kind === 'submit' ? t('submit') : t('recall')}
          onConfirm={confirm}
          onCancel={() => setActing(null)}
        />
      )}
    </div>
  );
}
