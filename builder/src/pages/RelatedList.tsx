/** Child records of the open record (e.g. an opportunity's quotes), for a form's related-list section. */
import { Alert, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FieldDisplay } from '../../../runtime/ui/FieldDisplay.js';
import type { RelatedListDefinition } from '../../../runtime/ui/FormSectionView.js';
import { titleOf } from '../../../runtime/ui/fields.js';
import { localize } from '../../../runtime/ui/labels.js';
import { listColumns } from '../../../runtime/ui/listColumns.js';
import { useUiText } from '../../../runtime/ui/RendererContext.js';
import type { RecordData, RecordPage } from '../../../runtime/ui/types.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { Link, navigate } from '../router.js';
import { useTenant } from '../shell/TenantContext.js';

const PAGE_SIZE = 10;

export function RelatedList({ list, parentId }: { list: RelatedListDefinition; parentId: string | null }) {
  const { api, entity: entityNamed, path } = useTenant();
  const { locale, t } = useLocale();
  const ui = useUiText();
  const child = entityNamed(list.entity);
  const [page, setPage] = useState<RecordPage | undefined>();
  const [error, setError] = useState(false);
  const [pageNo, setPageNo] = useState(1);

  useEffect(() => {
    if (!parentId || !child) return;
    let current = true;
    api.list(child.name, { filter: { [list.via]: parentId }, pageSize: PAGE_SIZE, page: pageNo, sort: '-updatedAt' })
      .then((p) => { if (current) setPage(p); }, () => { if (current) setError(true); });
    return () => { current = false; };
  }, [api, child, list.via, parentId, pageNo]);

  const fields = useMemo(() => (child ? listColumns(child, list.columns) : []), [child, list.columns]);
  if (!child) return null; // the child entity is not published in this tenant
  if (!parentId) return <Typography.Paragraph type="secondary">{ui('saveRecordFirst')}</Typography.Paragraph>;
  if (error) return <Alert type="warning" showIcon title={t('relatedLoadFailed')} />;

  return (
    <Table<RecordData>
      size="small"
      rowKey={(r) => String(r.id)}
      loading={!page}
      dataSource={page?.items ?? []}
      scroll={{ x: 'max-content' }}
      // A one-line empty state: a form can have several related lists, most of them empty on a new deal.
      locale={{ emptyText: <Typography.Text type="secondary">{ui('empty')}</Typography.Text> }}
      onRow={(r) => ({ onClick: () => navigate(path(child.name, String(r.id))), style: { cursor: 'pointer' } })}
      pagination={page && page.total > PAGE_SIZE ? { current: pageNo, pageSize: PAGE_SIZE, total: page.total, onChange: setPageNo, size: 'small' } : false}
      columns={fields.map((field, i) => ({
        key: field.name,
        title: localize(field.label, locale),
        dataIndex: field.name,
        render: (value: unknown, record: RecordData) =>
          i === 0 ? (
            <Link to={path(child.name, String(record.id))}><Typography.Text strong style={{ color: 'inherit' }}>{field.name === child.titleField ? titleOf(child, record) : String(value ?? '—')}</Typography.Text></Link>
          ) : (
            <FieldDisplay field={field} value={value} refs={page?.refs} />
          ),
      }))}
    />
  );
}
