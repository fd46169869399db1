/**
 * Loads one tenant's app as the signed-in user sees it (settings, the
 * definitions they may read, their permissions) and renders the page for the
 * current route inside the app frame. A 401 from any call ends the session.
 */
import { App, Button, Result, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { localize } from '../../../runtime/ui/labels.js';
import { RendererProvider, type RendererSettings } from '../../../runtime/ui/RendererContext.js';
import { clearSession } from '../auth/session.js';
import { loginPath, sendToLogin } from '../auth/paths.js';
import { ApiError, isNetworkError, isUnauthorized } from '../api/http.js';
import { tenantApi } from '../api/tenantApi.js';
import type { AppManifest, Me } from '../api/types.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { boardOf } from '../pages/entityViews.js';
import { navigate, Redirect } from '../router.js';
import { AppLayout, APPROVALS_KEY } from './AppLayout.js';
import { NotFound } from './NotFound.js';
import { TenantContext, type TenantState } from './TenantContext.js';

// Pages load on first visit, so the first paint only waits for the frame.
const ListPage = lazy(() => import('../pages/ListPage.js'));
const RecordPage = lazy(() => import('../pages/RecordPage.js'));
const BoardPage = lazy(() => import('../board/BoardPage.js'));
const ApprovalsInboxPage = lazy(() => import('../approvals/ApprovalsInboxPage.js'));

export type TenantRoute =
  | { page: 'home' }
  | { page: 'approvals' }
  | { page: 'list'; entity: string }
  | { page: 'board'; entity: string }
  | { page: 'record'; entity: string; id: string | null };

/** Where `/app/:tenant` lands: the pipeline if the user may see it, else the first entity in the menu. */
const PREFERRED_HOME = 'opportunity';

function Loading() {
  return <div className="sc-center"><Spin size="large" /></div>;
}

interface Loaded {
  manifest: AppManifest;
  me: Me;
}

export function TenantApp({ tenant, route }: { tenant: string; route: TenantRoute }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<unknown>();
  const manifest = loaded?.manifest;
  const onUnauthorized = useCallback(() => sendToLogin(tenant, true), [tenant]);
  const writes = useMemo(() => new EventTarget(), []);
  const api = useMemo(
    () => tenantApi(tenant, () => manifest?.entities ?? [], onUnauthorized, () => writes.dispatchEvent(new Event('write'))),
    [tenant, manifest, onUnauthorized, writes],
  );

  const load = useCallback(() => {
    setError(undefined);
    const bare = tenantApi(tenant, () => [], onUnauthorized);
    Promise.all([bare.manifest(), bare.me()]).then(([m, me]) => setLoaded({ manifest: m, me }), (e) => {
      if (!isUnauthorized(e)) setError(e); // a 401 is already on its way to the login page
    });
  }, [tenant, onUnauthorized]);
  useEffect(load, [load]);

  const signOut = useCallback(async () => {
    // The server ends the session; if it cannot be reached, the token is still forgotten here.
    await api.logout().catch(() => undefined);
    clearSession(tenant);
    message.success(t('signedOut'));
    navigate(loginPath(tenant), { replace: true });
  }, [api, tenant, message, t]);

  const state = useMemo<TenantState | undefined>(() => {
    if (!loaded) return undefined;
    const { manifest: m, me } = loaded;
    const readOnly = new Map(Object.entries(me.readOnlyFields ?? {}).map(([e, fields]) => [e, new Set(fields)]));
    // A pipeline's stage field changes only through a transition, never by typing in the form.
    const stageFields = new Map<string, Set<string>>();
    for (const p of m.pipelines ?? []) {
      if (p.entity && p.field) stageFields.set(p.entity, new Set([p.field]));
    }
    const none = new Set<string>();
    const lockedFields = (entity: string) => {
      const stage = stageFields.get(entity);
      const role = me.isAdmin ? none : (readOnly.get(entity) ?? none);
      return stage ? new Set([...role, ...stage]) : role;
    };
    return {
      tenant,
      manifest: m,
      api,
      me,
      entity: (name) => m.entities.find((e) => e.name === name),
      // An entity the server did not describe is left to the server to refuse.
      can: (entity, action) => me.isAdmin || (me.permissions?.[entity]?.[action] ?? 'all') !== 'none',
      readOnlyFields: lockedFields,
      path: (entity, record) => `/app/${encodeURIComponent(tenant)}/${encodeURIComponent(entity)}${record ? `/${encodeURIComponent(record)}` : ''}`,
      signOut,
      onWrite: (listener) => {
        writes.addEventListener('write', listener);
        return () => writes.removeEventListener('write', listener);
      },
    };
  }, [tenant, loaded, api, signOut, writes]);

  const settings = useMemo<RendererSettings>(() => {
    const users = manifest?.users ?? [];
    const name = (u: (typeof users)[number]) => (typeof u.name === 'string' ? u.name : localize(u.name, locale, u.id));
    return {
      locale,
      currency: manifest?.tenant.currency ?? 'CNY',
      timeZone: manifest?.tenant.timeZone ?? 'Asia/Shanghai',
      userNames: manifest?.users && Object.fromEntries(users.map((u) => [u.id, name(u)])),
      inactiveUsers: new Set(users.filter((u) => u.status && u.status !== 'active').map((u) => u.id)),
    };
  }, [locale, manifest]);

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

  const entityName = route.page === 'home' || route.page === 'approvals' ? undefined : route.entity;
  const entity = entityName ? state.entity(entityName) : undefined;
  let page;
  if (route.page === 'approvals') {
    page = <ApprovalsInboxPage />;
  } else if (route.page === 'home') {
    const first = state.entity(PREFERRED_HOME) ?? state.manifest.entities[0];
    page = first ? <Redirect to={state.path(first.name)} /> : <NotFound />;
  } else if (!entity) {
    page = <NotFound subTitle={t('unknownEntity')} />;
  } else if (route.page === 'list') {
    page = <ListPage key={entity.name} entity={entity} />;
  } else if (route.page === 'board') {
    const board = boardOf(state.manifest, entity.name);
    page = board
      ? <BoardPage key={entity.name} entity={entity} pipeline={board.pipeline} view={board.view} />
      : <NotFound subTitle={t('noPipeline', { entity: localize(entity.label, locale) })} />;
  } else {
    page = <RecordPage key={`${entity.name}/${route.id ?? 'new'}`} entity={entity} id={route.id} />;
  }

  return (
    <TenantContext.Provider value={state}>
      <RendererProvider settings={settings}>
        <AppLayout active={route.page === 'approvals' ? APPROVALS_KEY : entityName}>
          <Suspense fallback={<Loading />}>{page}</Suspense>
        </AppLayout>
      </RendererProvider>
    </TenantContext.Provider>
  );
}
