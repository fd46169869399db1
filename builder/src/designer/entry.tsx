/**
 * The only piece of the designer in the reps' app bundle: the route match, the
 * admin's menu item, and a lazy import so the designer is a chunk of its own.
 */
import { AppstoreOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import type { UiLocale } from '../../../runtime/ui/types.js';
import { matchPath, navigate } from '../router.js';

const BuilderRoute = lazy(() => import('./BuilderRoute.js'));

export const builderPath = (tenant: string) => `/builder/${encodeURIComponent(tenant)}`;
export const matchBuilder = (pathname: string) => matchPath('/builder/:tenant', pathname)?.tenant ?? null;
export const openBuilder = (tenant: string) => navigate(builderPath(tenant));

export function BuilderEntry({ tenant }: { tenant: string }) {
  return <Suspense fallback={null}><BuilderRoute key={tenant} tenant={tenant} /></Suspense>;
}

/** "设计器 / Builder" in the user menu, for admins only. */
export const builderMenuItem = (isAdmin: boolean, locale: UiLocale) =>
  isAdmin ? [{ key: 'builder', icon: <AppstoreOutlined />, label: locale === 'en' ? 'Builder' : '设计器' }] : [];
