/**
 * 审批 / Approvals: the requests waiting for the signed-in user's answer,
 * each with its record, step, submitter and note, answered with Approve or
 * Reject (and an optional comment) right in the row.
 */
import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../../runtime/ui/format.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import type { InboxItem } from '../api/approvalTypes.js';
import { isNetworkError } from '../api/http.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { Link } from '../router.js';
import { useTenant } from '../shell/TenantContext.js';
import { approvalErrorText, isOutdated } from './approvalError.js';
import { CommentDialog } from './CommentDialog.js';

type Answer = { item: InboxItem; action: 'approve' | 'reject' };

export default function ApprovalsInboxPage() {
  const { api, path, entity } = useTenant();
  const { locale, t } = useLocale();
  const { timeZone } = useRenderer();
  const { message } = App.useApp();
  const [items, setItems] = useState<InboxItem[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [answering, setAnswering] = useState<Answer | null>(null);

  const load = useCallback(() => {
    let current = true;
    api.approvalsInbox().then((r) => { if (current) { setItems(r.items); setError(undefined); } }, (e) => { if (current) setError(e); });
    return () => { current = false; };
  }, [api]);
  useEffect(load, [load]);

  const answer = async (comment: string | undefined) => {
    if (!answering) return;
    const { item, action } = answering;
    try {
      await api.answerApproval(item.id, action, comment);
      message.success(t(action === 'approve' ? 'approvedDone' : 'rejectedDone'));
      setAnswering(null);
      setItems((list) => list?.filter((i) => i.id !== item.id));
      load();
    } catch (e) {
      message.error(approvalErrorText(e, t));
      if (isOutdated(e)) {
        setAnswering(null);
        load();
      }
    }
  };

  const label = (item: InboxItem) => localize(item.label, locale, item.approval);

  return (
    <div className="sc-page">
      <div className="sc-page-header">
        <div className="sc-list-heading">
          <Typography.Title level={4} style={{ margin: 0 }}>{t('approvalsInbox')}</Typography.Title>
          {items && <Typography.Text type="secondary">{items.length} {t('records')}</Typography.Text>}
        </div>
        <Tooltip title={t('reload')}><Button icon={<ReloadOutlined />} aria-label={t('reload')} onClick={load} /></Tooltip>
      </div>
      {error !== undefined && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('loadFailed')}
          description={isNetworkError(error) ? t('networkError') : error instanceof Error ? error.message : String(error)}
          action={<Button size="small" onClick={load}>{t('retry')}</Button>} />
      )}
      <Card className="sc-card" styles={{ body: { padding: 16 } }}>
        <Table<InboxItem>
          rowKey="id"
          loading={!items && error === undefined}
          dataSource={items ?? []}
          pagination={items && items.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('approvalsInboxEmpty') }}
          columns={[
            { key: 'approval', title: t('approvalColumnApproval'), render: (_, item) => <Typography.Text strong>{label(item)}</Typography.Text> },
            {
              key: 'record',
              title: t('approvalColumnRecord'),
              render: (_, item) => {
                const target = entity(item.entity);
                return (
                  <Space size={4}>
                    {target && <Tag>{localize(target.label, locale, item.entity)}</Tag>}
                    {target ? <Link to={path(item.entity, item.recordId)}>{item.recordTitle ?? item.recordId}</Link> : <span>{item.recordTitle ?? item.recordId}</span>}
                  </Space>
                );
              },
            },
            { key: 'step', title: t('approvalColumnStep'), render: (_, item) => localize(item.step.label, locale, item.step.name) },
            { key: 'submitter', title: t('approvalColumnSubmitter'), render: (_, item) => item.submittedByName ?? t('system') },
            { key: 'at', title: t('approvalColumnSubmittedAt'), render: (_, item) => <span className="sc-num">{formatDateTime(item.submittedAt, locale, timeZone)}</span> },
            { key: 'comment', title: t('approvalColumnComment'), render: (_, item) => item.comment ?? <Typography.Text type="secondary">—</Typography.Text> },
            {
              key: 'actions',
              title: t('actions'),
              fixed: 'right',
              render: (_, item) => (
                <Space>
                  <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => setAnswering({ item, action: 'approve' })}>{t('approve')}</Button>
                  <Button danger size="small" icon={<CloseOutlined />} onClick={() => setAnswering({ item, action: 'reject' })}>{t('reject')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {answering && (
        <CommentDialog
          key={`${answering.item.id}:${answering.action}`}
          title={t(answering.action === 'approve' ? 'approveTitle' : 'rejectTitle', { label: `${label(answering.item)} · ${answering.item.recordTitle ?? answering.item.recordId}` })}
          okText={t(answering.action)}
          danger={answering.action === 'reject'}
          onConfirm={answer}
          onCancel={() => setAnswering(null)}
        />
      )}
    </div>
  );
}
