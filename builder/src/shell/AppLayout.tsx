/** The frame of the reps' app: side menu of the tenant's entities, header with tenant, language and the user's menu. */
import { AuditOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Badge, Button, Grid, Layout, Menu, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { localize } from '../../../runtime/ui/labels.js';
import { UserMenu } from '../auth/UserMenu.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { navigate } from '../router.js';
import { EntityIcon } from './entityIcon.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NotificationBell } from './NotificationBell.js';
import { useTenant } from './TenantContext.js';
import { useInboxCount } from './useInboxCount.js';

/** The menu key of the approvals inbox; entity names are api names, which never start with `_`. */
export const APPROVALS_KEY = '_approvals';

/** `active` is the menu key of the page: an entity's name, or APPROVALS_KEY. */
export function AppLayout({ active, children }: { active?: string; children: ReactNode }) {
  const { manifest, path, tenant } = useTenant();
  const waiting = useInboxCount();
  const { locale, t } = useLocale();
  const screens = Grid.useBreakpoint();
  // On phones the menu starts folded so the record gets the screen.
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 768);

  const items = [
    {
      key: APPROVALS_KEY,
      icon: <AuditOutlined />,
      label: (
        <span className="sc-menu-approvals">
          {t('approvals')}
          {waiting > 0 && <Badge count={waiting} size="small" overflowCount={99} />}
        </span>
      ),
    },
    ...manifest.entities.map((entity) => ({
      key: entity.name,
      icon: <EntityIcon name={entity.icon} />,
      label: localize(entity.pluralLabel ?? entity.label, locale, entity.name),
    })),
  ];

  return (
    <Layout className="sc-app" hasSider>
      <Layout.Sider
        className="sc-sider"
        width={216}
        collapsedWidth={screens.md ? 64 : 0}
        collapsed={collapsed}
        trigger={null}
        theme="dark"
      >
        <div className="sc-brand" title={manifest.tenant.label}>
          <span className="sc-brand-mark">S</span>
          {!collapsed && <span className="sc-brand-name">{t('appName')}</span>}
        </div>
        <nav aria-label="main">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={active ? [active] : []}
            items={items}
            onClick={({ key }) => {
              navigate(key === APPROVALS_KEY ? `/app/${encodeURIComponent(tenant)}/approvals` : path(key));
              if (!screens.md) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="sc-header">
          <Button
            type="text"
            aria-label={t('collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
          />
          <Typography.Text strong className="sc-tenant-label">{manifest.tenant.label}</Typography.Text>
          <div className="sc-header-right">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout.Content className="sc-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
