/**
 * The signed-in session of each tenant, remembered in localStorage so a reload
 * or a new tab stays signed in until the token expires. One entry per tenant:
 * a token is bound to its tenant and is useless (403) anywhere else.
 */

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  manager?: string | null;
  department?: string | null;
}

export interface Session {
  token: string;
  /** ISO instant after which the server refuses the token. */
  expiresAt: string;
  user: SessionUser;
}

const PREFIX = 'stagecraft.session.';
const LAST_TENANT = 'stagecraft.lastTenant';
/** Treat a token as expired a little early, so a request does not race its expiry. */
const EXPIRY_MARGIN_MS = 30_000;

export const sessionKey = (tenant: string) => `${PREFIX}${tenant}`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // blocked storage (private mode): sessions last as long as the page
  }
}

/** Kept in memory too, for browsers that refuse localStorage. */
const memory = new Map<string, Session>();

function isSession(value: unknown): value is Session {
  const s = value as Partial<Session> | null;
  return !!s && typeof s.token === 'string' && typeof s.expiresAt === 'string' && !!s.user && typeof s.user.id === 'string';
}

/** The tenant's session, or null when there is none or it has expired. */
export function readSession(tenant: string): Session | null {
  let session: Session | undefined = memory.get(tenant);
  const raw = storage()?.getItem(sessionKey(tenant));
  if (raw !== undefined) {
    session = undefined;
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (isSession(parsed)) session = parsed;
    } catch {
      /* a damaged entry counts as no session */
    }
  }
  if (!session) return null;
  const expires = Date.parse(session.expiresAt);
  if (!Number.isFinite(expires) || expires - EXPIRY_MARGIN_MS <= Date.now()) return null;
  return session;
}

export function saveSession(tenant: string, session: Session): void {
  memory.set(tenant, session);
  try {
    storage()?.setItem(sessionKey(tenant), JSON.stringify(session));
    storage()?.setItem(LAST_TENANT, tenant);
  } catch {
    /* remembered in memory only */
  }
}

export function clearSession(tenant: string): void {
  memory.delete(tenant);
  try {
    storage()?.removeItem(sessionKey(tenant));
  } catch {
    /* nothing stored */
  }
}

/** The tenant the user last signed in to, for `/`. */
export function lastTenant(): string | null {
  try {
    return storage()?.getItem(LAST_TENANT) ?? null;
  } catch {
    return null;
  }
}
