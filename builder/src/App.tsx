/** Providers (language, antd theme and locale) and the route table of the reps' app. */
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { LoginPage } from './auth/LoginPage.js';
import { loginPath, sendToLogin, tenantHome } from './auth/paths.js';
import { lastTenant, readSession, sessionKey } from './auth/session.js';
import { LocaleProvider, useLocale } from './i18n/LocaleContext.js';
import { matchPath, Redirect, useLocation } from './router.js';
import { NotFound } from './shell/NotFound.js';
import { TenantApp, type TenantRoute } from './shell/TenantApp.js';
import { BuilderEntry, matchBuilder } from './designer/entry.js';

/** The tenant `/` opens: the one signed in to last, else the demo. */
const DEFAULT_TENANT = 'demo';

function route(pathname: string): { tenant: string; route: TenantRoute } | null {
  let m = matchPath('/app/:tenant', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'home' } };
  // The approvals inbox is matched before entities: an entity named `approvals` would be shadowed.
  m = matchPath('/app/:tenant/approvals', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'approvals' } };
  m = matchPath('/app/:tenant/:entity', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'list', entity: m.entity } };
  // `board` and `new` are not record ids: generated ids are 24 hex digits, sample ids carry a prefix (opp-0001).
  m = matchPath('/app/:tenant/:entity/board', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'board', entity: m.entity } };
  m = matchPath('/app/:tenant/:entity/new', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'record', entity: m.entity, id: null } };
  m = matchPath('/app/:tenant/:entity/:id', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'record', entity: m.entity, id: m.id } };
  return null;
}

/** Signing out in another tab ends this tab's session too. */
function useSignOutElsewhere(tenant: string | undefined) {
  useEffect(() => {
    if (!tenant) return;
    const onStorage = (e: StorageEvent) => {
      if (e.key === sessionKey(tenant) && !e.newValue) sendToLogin(tenant, false);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [tenant]);
}

function Routes() {
  const { pathname, search } = useLocation();
  const login = matchPath('/app/:tenant/login', pathname);
  const matched = login ? null : route(pathname);
  useSignOutElsewhere(matched?.tenant);

  if (pathname === '/' || pathname === '/app' || pathname === '/app/') {
    const tenant = lastTenant() ?? DEFAULT_TENANT;
    return <Redirect to={readSession(tenant) ? tenantHome(tenant) : loginPath(tenant)} />;
  }
  if (login) return <LoginPage key={login.tenant} tenant={login.tenant} />;
  if (matchBuilder(pathname)) return <BuilderEntry tenant={matchBuilder(pathname)!} />;
  if (!matched) return <NotFound />;
  const session = readSession(matched.tenant);
  if (!session) {
    const qs = search.toString();
    return <Redirect to={loginPath(matched.tenant, { next: `${pathname}${qs ? `?${qs}` : ''}` })} />;
  }
  // Keyed by tenant and user: another tenant, or another user signing in, loads the app from scratch.
  return <TenantApp key={`${matched.tenant}|${session.user.id}`} tenant={matched.tenant} route={matched.route} />;
}

function Themed() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      // "取 消" with an inserted space reads oddly in a dense toolbar and breaks text search.
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1677ff', borderRadius: 6, fontSize: 14 },
        components: { Layout: { siderBg: '#0f1f3d', headerBg: '#ffffff', headerPadding: '0 16px' }, Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1730' } },
      }}
    >
      <AntApp>
        <Routes />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Themed />
    </LocaleProvider>
  );
}
