/** One approval request of a record: what, its state, who submitted it when, its steps and its history; Recall for the submitter while pending. */
import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { formatDateTime } from '../../../runtime/ui/format.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import type { ApprovalRequestView } from '../api/approvalTypes.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { ApprovalStateTag } from './ApprovalStateTag.js';
import { RequestHistory } from './RequestHistory.js';
import { RequestSteps } from './RequestSteps.js';

export interface RequestCardProps {
  request: ApprovalRequestView;
  /** Offered to the submitter while the request is pending. */
  onRecall?: () => void;
}

export function RequestCard({ request, onRecall }: RequestCardProps) {
  const { locale, t } = useLocale();
  const { timeZone } = useRenderer();
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  return (
    <Card size="small" className="sc-approval-request" data-request={request.id}
      title={<Space><span>{localize(request.label, locale, request.approval)}</span><ApprovalStateTag state={request.state} /></Space>}
      extra={onRecall && <Button size="small" icon={<RollbackOutlined />} onClick={onRecall}>{t('recall')}</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('approvalSubmittedBy', { name: request.submittedByName ?? t('system'), time: when(request.submittedAt) })}
        {request.finishedAt && <> · {t('approvalFinishedAt', { time: when(request.finishedAt) })}</>}
      </Typography.Paragraph>
      {request.outcomeError && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('approvalOutcomeError', { message: request.outcomeError })} />
      )}
      <Row gutter={24}>
        <Col xs={24} md={12}><RequestSteps request={request} /></Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('approvalHistory')}</Typography.Text>
          <div style={{ marginTop: 12 }}><RequestHistory request={request} /></div>
        </Col>
      </Row>
    </Card>
  );
}
