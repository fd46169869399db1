/** The signed-in user in the header: name, and a menu to change the password or sign out. */
import { DownOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useLocale } from '../i18n/LocaleContext.js';
import { useTenant } from '../shell/TenantContext.js';
import { ChangePasswordDialog } from './ChangePasswordDialog.js';
import { builderMenuItem, openBuilder } from '../designer/entry.js';

export function UserMenu() {
  const { me, manifest, signOut, tenant } = useTenant();
  const { t, locale } = useLocale();
  const screens = Grid.useBreakpoint();
  const [changing, setChanging] = useState(false);
  // The directory's name follows renames made after sign-in.
  const name = (() => {
    const entry = manifest.users?.find((u) => u.id === me.user.id)?.name;
    return typeof entry === 'string' && entry ? entry : me.user.name || me.user.email;
  })();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      className: 'sc-user-menu-who',
      label: (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{me.user.email}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    ...builderMenuItem(me.isAdmin, locale),
    { key: 'password', icon: <KeyOutlined />, label: t('changePassword') },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('signOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'builder') openBuilder(tenant);
    if (key === 'password') setChanging(true);
    if (key === 'signOut') void signOut();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="sc-user-button" aria-label={`${t('userMenu')}: ${name}`}>
          <Avatar size={28} style={{ background: '#1677ff', flex: 'none' }}>{name.slice(0, 1).toUpperCase()}</Avatar>
          {screens.md !== false && <span className="sc-user-name">{name}</span>}
          <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
