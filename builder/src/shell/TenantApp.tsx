/**
 * Loads one tenant's published app (settings + definitions) and renders the
 * page for the current route inside the app frame.
 */
import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { localize } from '../../../runtime/ui/labels.js';
import { RendererProvider, type RendererSettings } from '../../../runtime/ui/RendererContext.js';
import { ApiError, isNetworkError } from '../api/http.js';
import { tenantApi } from '../api/tenantApi.js';
import type { AppManifest } from '../api/types.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { Redirect } from '../router.js';
import { AppLayout } from './AppLayout.js';
import { NotFound } from './NotFound.js';
import { TenantContext, type TenantState } from './TenantContext.js';

// Pages load on first visit, so the first paint only waits for the frame.
const ListPage = lazy(() => import('../pages/ListPage.js'));
const RecordPage = lazy(() => import('../pages/RecordPage.js'));

export type TenantRoute =
  | { page: 'home' }
  | { page: 'list'; entity: string }
  | { page: 'record'; entity: string; id: string | null };

function Loading() {
  return <div className="sc-center"><Spin size="large" /></div>;
}

export function TenantApp({ tenant, route }: { tenant: string; route: TenantRoute }) {
  const { locale, t } = useLocale();
  const [manifest, setManifest] = useState<AppManifest | undefined>();
  const [error, setError] = useState<unknown>();
  const api = useMemo(() => tenantApi(tenant, () => manifest?.entities ?? []), [tenant, manifest]);

  const load = useCallback(() => {
    setError(undefined);
    tenantApi(tenant, () => []).manifest().then(setManifest, setError);
  }, [tenant]);
  useEffect(load, [load]);

  const state = useMemo<TenantState | undefined>(() => manifest && {
    tenant,
    manifest,
    api,
    entity: (name) => manifest.entities.find((e) => e.name === name),
    path: (entity, record) => `/app/${encodeURIComponent(tenant)}/${encodeURIComponent(entity)}${record ? `/${encodeURIComponent(record)}` : ''}`,
  }, [tenant, manifest, api]);

  const settings = useMemo<RendererSettings>(() => ({
    locale,
    currency: manifest?.tenant.currency ?? 'CNY',
    timeZone: manifest?.tenant.timeZone ?? 'Asia/Shanghai',
    userNames: manifest?.users && Object.fromEntries(manifest.users.map((u) => [u.id, typeof u.name === 'string' ? u.name : localize(u.name, locale, u.id)])),
  }), [locale, manifest]);

  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('tenantMissing') : t('loadFailed')}
        subTitle={isNetworkError(error) ? t('networkError') : error instanceof Error ? error.message : String(error)}
        extra={!missing && <Button type="primary" onClick={load}>{t('retry')}</Button>}
      />
    );
  }
  if (!state) return <Loading />;

  const entityName = route.page === 'home' ? undefined : route.entity;
  const entity = entityName ? state.entity(entityName) : undefined;
  let page;
  if (route.page === 'home') {
    const first = manifest!.entities[0];
    page = first ? <Redirect to={state.path(first.name)} /> : <NotFound />;
  } else if (!entity) {
    page = <NotFound subTitle={t('unknownEntity')} />;
  } else if (route.page === 'list') {
    page = <ListPage key={entity.name} entity={entity} />;
  } else {
    page = <RecordPage key={`${entity.name}/${route.id ?? 'new'}`} entity={entity} id={route.id} />;
  }

  return (
    <TenantContext.Provider value={state}>
      <RendererProvider settings={settings}>
        <AppLayout activeEntity={entityName}>
          <Suspense fallback={<Loading />}>{page}</Suspense>
        </AppLayout>
      </RendererProvider>
    </TenantContext.Provider>
  );
}
