/**
 * Entity definitions name an Ant Design icon (`"icon": "FundOutlined"`). Only
 * the icons listed here are bundled; importing all of @ant-design/icons would
 * multiply the bundle for a menu of a dozen items.
 */
import {
  AppstoreOutlined, BankOutlined, CalendarOutlined, CheckSquareOutlined, ContactsOutlined, DollarOutlined,
  FileProtectOutlined, FileTextOutlined, FlagOutlined, FundOutlined, MessageOutlined, PayCircleOutlined,
  ProjectOutlined, ShopOutlined, ShoppingCartOutlined, TeamOutlined, UnorderedListOutlined, UserAddOutlined, UserOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

const ICONS: Record<string, ComponentType> = {
  AppstoreOutlined, BankOutlined, CalendarOutlined, CheckSquareOutlined, ContactsOutlined, DollarOutlined,
  FileProtectOutlined, FileTextOutlined, FlagOutlined, FundOutlined, MessageOutlined, PayCircleOutlined,
  ProjectOutlined, ShopOutlined, ShoppingCartOutlined, TeamOutlined, UnorderedListOutlined, UserAddOutlined, UserOutlined,
};

export function EntityIcon({ name }: { name?: string }) {
  const Icon = (name && ICONS[name]) || AppstoreOutlined;
  return <Icon />;
}
