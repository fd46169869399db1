/** Providers (language, antd theme and locale) and the route table of the reps' app. */
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { LocaleProvider, useLocale } from './i18n/LocaleContext.js';
import { matchPath, Redirect, useLocation } from './router.js';
import { NotFound } from './shell/NotFound.js';
import { TenantApp, type TenantRoute } from './shell/TenantApp.js';

export const HOME = '/app/demo/opportunity';

function route(pathname: string): { tenant: string; route: TenantRoute } | null {
  let m = matchPath('/app/:tenant', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'home' } };
  m = matchPath('/app/:tenant/:entity', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'list', entity: m.entity } };
  m = matchPath('/app/:tenant/:entity/new', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'record', entity: m.entity, id: null } };
  m = matchPath('/app/:tenant/:entity/:id', pathname);
  if (m) return { tenant: m.tenant, route: { page: 'record', entity: m.entity, id: m.id } };
  return null;
}

function Routes() {
  const { pathname } = useLocation();
  if (pathname === '/' || pathname === '/app' || pathname === '/app/') return <Redirect to={HOME} />;
  const matched = route(pathname);
  if (!matched) return <NotFound />;
  // Keyed by tenant: switching tenants reloads its definitions from scratch.
  return <TenantApp key={matched.tenant} tenant={matched.tenant} route={matched.route} />;
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
