/** An entity's records: header with list views, the count and "New", then the filterable, sortable table. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { ViewDefinition } from '../../../schemas/view.js';
import { buildFilter } from '../../../runtime/ui/filterDocument.js';
import { localize } from '../../../runtime/ui/labels.js';
import { RecordList } from '../../../runtime/ui/RecordList.js';
import type { ListQueryState, RecordPage } from '../../../runtime/ui/types.js';
import { isNetworkError } from '../api/http.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { navigate, useLocation } from '../router.js';
import { useTenant } from '../shell/TenantContext.js';
import { listViews } from './entityViews.js';
import { DEFAULT_PAGE_SIZE, queryFromUrl, queryToUrl, type ListDefaults } from './listQueryUrl.js';
import { ViewSwitch } from './ViewSwitch.js';

function defaultsOf(view: ViewDefinition | undefined): ListDefaults {
  const spec = view?.sort ?? [];
  return {
    sort: spec.length ? spec.map((s) => `${s.direction === 'desc' ? '-' : ''}${s.field}`).join(',') : '-updatedAt',
    pageSize: view?.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

export default function ListPage({ entity }: { entity: EntityDefinition }) {
  const { api, manifest, path, can } = useTenant();
  const { locale, t } = useLocale();
  const { search } = useLocation();
  const { views, defaultView } = useMemo(() => listViews(manifest, entity.name), [manifest, entity.name]);
  const view = views.find((v) => v.name === search.get('view')) ?? defaultView;
  const defaults = defaultsOf(view);
  const query = queryFromUrl(search, defaults);
  const queryKey = `${view?.name}${queryToUrl(query, defaults)}`;
  const [page, setPage] = useState<RecordPage | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .list(entity.name, { filter: buildFilter(query.filters, view?.filter), sort: query.sort, page: query.page, pageSize: query.pageSize, q: query.q || undefined })
      .then((result) => { if (current) { setPage(result); setError(undefined); } }, (e) => { if (current) setError(e); })
      .finally(() => { if (current) setLoading(false); });
    // A newer query supersedes this one; its answer must not overwrite the newer page.
    return () => { current = false; };
  }, [api, entity.name, queryKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const viewParam = view && view !== defaultView ? view.name : undefined;
  const change = (next: ListQueryState) => navigate(`${path(entity.name)}${queryToUrl(next, defaults, viewParam)}`, { replace: true });

  return (
    <div className="sc-page">
      <div className="sc-page-header">
        <div className="sc-list-heading">
          <Typography.Title level={4} style={{ margin: 0 }}>{localize(entity.pluralLabel ?? entity.label, locale)}</Typography.Title>
          <ViewSwitch entity={entity} current={view?.name} />
          {page && <Typography.Text type="secondary">{page.total} {t('records')}</Typography.Text>}
        </div>
        {can(entity.name, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(path(entity.name, 'new'))}>{t('new')}</Button>
        )}
      </div>
      {error !== undefined && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('loadFailed')}
          description={isNetworkError(error) ? t('networkError') : error instanceof Error ? error.message : String(error)} />
      )}
      <Card className="sc-card" styles={{ body: { padding: 16 } }}>
        <RecordList entity={entity} columns={view?.columns} page={page} loading={loading} query={query}
          onQueryChange={change} onOpen={(r) => navigate(path(entity.name, String(r.id)))} />
      </Card>
    </div>
  );
}
