/** Paths of the app that the sign-in flow moves between. */
import { navigate } from '../router.js';
import { clearSession } from './session.js';

export const tenantHome = (tenant: string) => `/app/${encodeURIComponent(tenant)}`;

export function loginPath(tenant: string, opts: { next?: string; expired?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (opts.next) params.set('next', opts.next);
  if (opts.expired) params.set('expired', '1');
  const qs = params.toString();
  return `/app/${encodeURIComponent(tenant)}/login${qs ? `?${qs}` : ''}`;
}

/** The session is gone (401): forget it and sign in again, then come back here. */
export function sendToLogin(tenant: string, expired: boolean): void {
  clearSession(tenant);
  const here = window.location.pathname + window.location.search;
  if (here.startsWith(loginPath(tenant))) return;
  navigate(loginPath(tenant, { next: here, expired }), { replace: true });
}
