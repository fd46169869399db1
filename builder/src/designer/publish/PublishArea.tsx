/** Safe publish: validate → compare with the published version → data impact → publish with a message. */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/http.js';
import { useDesignerText } from '../i18n.js';
import { useDesigner } from '../state/DesignerContext.js';
import { DiffView } from './DiffView.js';
import { ImpactView } from './ImpactView.js';
import { IssueList } from './IssueList.js';
import { isStale, latestVersion } from './staleVersion.js';
import { StaleAlert } from './StaleAlert.js';
import { usePublishCheck, type Outcome } from './usePublishCheck.js';

function Step<T>({ title, outcome, children }: { title: string; outcome: Outcome<T>; children: (value: T) => ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      {outcome.state === 'loading' && <Spin />}
      {outcome.state === 'failed' && <Alert type="error" showIcon title={outcome.error} />}
      {outcome.state === 'done' && children(outcome.value)}
    </Card>
  );
}

export function PublishArea({ save }: { save(): Promise<boolean> }) {
  const { t } = useDesignerText();
  const { message } = App.useApp();
  const { api, draft, issues, setIssues } = useDesigner();
  const check = usePublishCheck(save);
  const [text, setText] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [stale, setStale] = useState<{ version: number | null } | null>(null);
  useEffect(() => { void check.run(); }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const valid = check.validation.state === 'done' && check.validation.value.count === 0;
  const publish = async () => {
    setPublishing(true);
    try {
      if (draft.dirty && !(await save())) return;
      const answer = await api.publish(draft.base, text.trim());
      message.success(t('publishedVersion', { version: answer.version }));
      setText('');
      setStale(null);
      await draft.reload();
      await check.run();
    } catch (e) {
      if (isStale(e)) setStale({ version: await latestVersion(api) });
      else if (e instanceof ApiError && e.details.length) setIssues(e.details.map((d) => ({ path: d.path ?? '/', message: d.message })));
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setPublishing(false);
    }
  };
  const reload = async () => {
    await draft.reload();
    setStale(null);
    await check.run();
  };

  return (
    <main className="sd-pane sd-main-pane" style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void check.run()}>{t('validate')}</Button>
        <span>{t('version')}: {draft.base}</span>
      </Space>
      {stale && <StaleAlert version={stale.version} onReload={() => void reload()} />}
      <Step title={t('stepValidate')} outcome={check.validation}>{() => <IssueList issues={issues} />}</Step>
      <Step title={t('stepDiff')} outcome={check.diff}>{(d) => <DiffView changes={d.changes} />}</Step>
      <Step title={t('stepImpact')} outcome={check.impact}>{(i) => <ImpactView changes={i.fieldChanges} />}</Step>
      <Card size="small" title={t('stepPublish')}>
        <Input.TextArea aria-label={t('publishMessage')} placeholder={t('publishMessagePlaceholder')} maxLength={500} value={text}
          onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2 }} style={{ marginBottom: 8 }} />
        {!valid && check.validation.state === 'done' && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('publishBlocked')} />}
        <Button type="primary" loading={publishing} disabled={!valid} onClick={() => void publish()}>
          {publishing ? t('publishing') : t('publishNow')}
        </Button>
      </Card>
    </main>
  );
}
