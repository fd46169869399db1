/** Published versions, newest first, each with its changes and a one-click rollback. */
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { VersionEntry } from '../api.js';
import { useDesignerText } from '../i18n.js';
import { useRenderer } from '../../../../runtime/ui/RendererContext.js';
import { useDesigner } from '../state/DesignerContext.js';
import { isStale, latestVersion } from './staleVersion.js';
import { StaleAlert } from './StaleAlert.js';
import { VersionDiff } from './VersionDiff.js';

export function HistoryArea() {
  const { t } = useDesignerText();
  const { message } = App.useApp();
  const { api, draft } = useDesigner();
  const { userNames } = useRenderer();
  const [versions, setVersions] = useState<VersionEntry[] | null>(null);
  const [stale, setStale] = useState<{ version: number | null } | null>(null);
  const load = useCallback(() => api.versions().then(setVersions, (e: unknown) => message.error(e instanceof Error ? e.message : String(e))), [api, message]);
  useEffect(() => { void load(); }, [load]);
  const latest = versions?.[0]?.version;

  const rollback = async (version: number) => {
    if (draft.dirty) return void message.warning(t('dirtyBeforeRollback'));
    try {
      const answer = await api.rollback(version, draft.base);
      message.success(t('rolledBack', { version: answer.rolledBackTo, newVersion: answer.version }));
      await draft.reload();
      await load();
    } catch (e) {
      if (isStale(e)) setStale({ version: await latestVersion(api) });
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="sd-pane sd-main-pane" style={{ maxWidth: 1100, margin: '0 auto' }}>
      {stale && <StaleAlert version={stale.version} onReload={() => { setStale(null); void draft.reload(); void load(); }} />}
      <Table<VersionEntry> size="small" rowKey="version" loading={!versions} dataSource={versions ?? []} pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('noVersions') }}
        expandable={{ rowExpandable: (v) => v.version > 1, expandedRowRender: (v) => <VersionDiff from={v.version - 1} to={v.version} /> }}
        columns={[
          { title: t('version'), dataIndex: 'version', width: 90, render: (v: number) => <Space>{v}{v === latest && <Tag color="green">{t('current')}</Tag>}</Space> },
          { title: t('publishedAt'), dataIndex: 'publishedAt', width: 170, render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('publishedBy'), dataIndex: 'publishedBy', width: 120, render: (id: string) => userNames?.[id] ?? id },
          { title: t('message'), dataIndex: 'message' },
          {
            title: '', key: 'actions', width: 170,
            render: (_: unknown, v: VersionEntry) => v.version === latest ? null : (
              <Popconfirm title={t('confirmRollback', { version: v.version })} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => rollback(v.version)}>
                <Button size="small" danger data-rollback={v.version}>{t('rollback')}</Button>
              </Popconfirm>
            ),
          },
        ]} />
    </main>
  );
}
