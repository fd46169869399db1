/**
 * `/builder/:tenant`, loaded as its own chunk: signs the admin in (or sends
 * them to sign in), refuses non-admins with a clear page, then loads the
 * tenant's definitions and opens the builder.
 */
import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RendererProvider, type RendererSettings } from '../../../runtime/ui/RendererContext.js';
import { localize } from '../../../runtime/ui/labels.js';
import { ApiError, isUnauthorized } from '../api/http.js';
import { tenantApi } from '../api/tenantApi.js';
import type { AppManifest, Me } from '../api/types.js';
import { loginPath, sendToLogin, tenantHome } from '../auth/paths.js';
import { readSession } from '../auth/session.js';
import { navigate, Redirect } from '../router.js';
import { definitionsApi, type DefinitionsAnswer } from './api.js';
import { useDesignerText } from './i18n.js';
import { BuilderShell } from './shell/BuilderShell.js';
import { entitiesOf, overlay } from './model/definitionSet.js';
import './designer.css';

interface Loaded {
  me: Me;
  manifest?: AppManifest;
  definitions?: DefinitionsAnswer;
}

export default function BuilderRoute({ tenant }: { tenant: string }) {
  const { t, locale } = useDesignerText();
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  const onUnauthorized = useCallback(() => sendToLogin(tenant, true), [tenant]);
  const api = useMemo(() => definitionsApi(tenant, onUnauthorized), [tenant, onUnauthorized]);
  const entities = useMemo(() => (loaded?.definitions ? entitiesOf(overlay(loaded.definitions.published, loaded.definitions.drafts)) : []), [loaded]);
  const records = useMemo(() => tenantApi(tenant, () => entities, onUnauthorized), [tenant, entities, onUnauthorized]);
  const session = readSession(tenant);

  const load = useCallback(async () => {
    setError(undefined);
    try {
      const bare = tenantApi(tenant, () => [], onUnauthorized);
      const me = await bare.me();
      // The definitions API is admin-only anyway; a non-admin gets the refusal page without a 403 round trip.
      if (!me.isAdmin) return setLoaded({ me });
      const [manifest, definitions] = await Promise.all([bare.manifest(), api.load()]);
      setLoaded({ me, manifest, definitions });
    } catch (e) {
      if (!isUnauthorized(e)) setError(e);
    }
  }, [tenant, api, onUnauthorized]);
  useEffect(() => {
    if (session) void load();
  }, [load]); // eslint-disable-line react-hooks/exhaustive-deps

  const settings = useMemo<RendererSettings>(() => {
    const users = loaded?.manifest?.users ?? [];
    return {
      locale,
      currency: loaded?.manifest?.tenant.currency ?? 'CNY',
      timeZone: loaded?.manifest?.tenant.timeZone ?? 'Asia/Shanghai',
      userNames: Object.fromEntries(users.map((u) => [u.id, typeof u.name === 'string' ? u.name : localize(u.name, locale, u.id)])),
    };
  }, [loaded, locale]);

  if (!session) return <Redirect to={loginPath(tenant, { next: window.location.pathname })} />;
  if (error) {
    return (
      <Result status={error instanceof ApiError && error.status === 403 ? '403' : 'error'} title={t('loadFailed')}
        subTitle={error instanceof Error ? error.message : String(error)}
        extra={<Button type="primary" onClick={() => void load()}>{t('retry')}</Button>} />
    );
  }
  if (!loaded) return <div className="sc-center"><Spin size="large" /></div>;
  if (!loaded.me.isAdmin || !loaded.definitions) {
    return (
      <Result status="403" title={t('notAdminTitle')} subTitle={t('notAdminBody')}
        extra={<Button type="primary" onClick={() => navigate(tenantHome(tenant))}>{t('backToApp')}</Button>} />
    );
  }
  return (
    <RendererProvider settings={settings}>
      <BuilderShell tenant={tenant} api={api} initial={loaded.definitions} searchLookup={records.searchLookup} />
    </RendererProvider>
  );
}
