/** What a field type change does to existing records: how many convert cleanly, which do not and why. */
import { Alert, Empty, Table } from 'antd';
import { useDesignerText } from '../i18n.js';
import type { FieldChangeImpact } from '../api.js';

export function ImpactView({ changes }: { changes: readonly FieldChangeImpact[] }) {
  const { t } = useDesignerText();
  if (changes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noImpact')} />;
  return (
    <>
      {changes.map((c) => (
        <div key={`${c.entity}.${c.field}`} style={{ marginBottom: 12 }}>
          <Alert type={c.failing > 0 ? 'warning' : 'info'} showIcon title={t('impactLine', { entity: c.entity, field: c.field, from: c.from, to: c.to, records: c.records, convertible: c.convertible, failing: c.failing })} />
          {c.samples.length > 0 && (
            <Table size="small" pagination={false} rowKey={(s) => s.recordId} dataSource={c.samples}
              columns={[
                { title: t('record'), dataIndex: 'recordId' },
                { title: t('value'), dataIndex: 'value', render: (v: unknown) => JSON.stringify(v) },
                { title: t('reason'), dataIndex: 'reason' },
              ]} />
          )}
        </div>
      ))}
    </>
  );
}
