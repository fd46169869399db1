/**
 * Sign-in and request authentication for one store: e-mail + password login
 * with lockout, signed expiring bearer tokens bound to one tenant and one
 * revocable session, and API keys that act as a given user.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RuntimeError, notFound } from '../errors.js';
import { TENANT_ID_PATTERN, type Store, type TenantStore } from '../store/port.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { issueToken, readToken } from './tokens.js';
import { toUser, UserDirectory, type User } from './users.js';

export const SESSIONS = '_sessions';
export const API_KEYS = '_apiKeys';

export interface Principal {
  tenant: string;
  user: User;
  via: 'session' | 'apiKey';
  sessionId?: string;
  apiKeyId?: string;
}

export interface AuthOptions {
  tokenTtlSeconds: number;
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = { tokenTtlSeconds: 12 * 3600, maxFailures: 5, lockMs: 15 * 60_000 };

const unauthorized = (code: string, message: string) => new RuntimeError('unauthorized', code, message);
const forbidden = (code: string, message: string) => new RuntimeError('forbidden', code, message);
const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const API_KEY = /^sck\.([a-z][a-z0-9-]{1,39})\.([A-Za-z0-9_-]{8,40})\.([A-Za-z0-9_-]{20,100})$/;

export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly secret: Buffer,
    private readonly options: AuthOptions = DEFAULT_AUTH_OPTIONS,
  ) {}

  private tenantStore(tenant: string): TenantStore {
    return this.store.tenant(tenant);
  }

  async login(tenant: string, email: unknown, password: unknown): Promise<{ token: string; expiresAt: string; user: User }> {
    if (!TENANT_ID_PATTERN.test(tenant) || typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 200) {
      throw unauthorized('INVALID_CREDENTIALS', 'wrong e-mail or password');
    }
    const users = new UserDirectory(this.tenantStore(tenant));
    const creds = await users.credentials(email);
    if (!creds) {
      await verifyPassword(password, await decoyHash()); // same work as a real check: timing tells nothing
      throw unauthorized('INVALID_CREDENTIALS', 'wrong e-mail or password');
    }
    const lockedUntil = creds.lockedUntil instanceof Date ? creds.lockedUntil : null;
    if (lockedUntil && lockedUntil.getTime() > Date.now()) {
      throw unauthorized('ACCOUNT_LOCKED', `too many failed sign-ins; try again after ${lockedUntil.toISOString()}`);
    }
    if (!(await verifyPassword(password, creds.passwordHash as string))) {
      await users.recordFailure(String(creds._id), this.options.maxFailures, this.options.lockMs);
      throw unauthorized('INVALID_CREDENTIALS', 'wrong e-mail or password');
    }
    const user = toUser(creds);
    if (user.status !== 'active') throw unauthorized('INVALID_CREDENTIALS', 'wrong e-mail or password');
    await users.recordSuccess(user.id);
    const sessionId = randomBytes(16).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + this.options.tokenTtlSeconds;
    await this.tenantStore(tenant).collection(SESSIONS).insertOne({ _id: sessionId, user: user.id, createdAt: new Date(), expiresAt: new Date(exp * 1000), revoked: false });
    return { token: issueToken(this.secret, { t: tenant, u: user.id, s: sessionId, exp }), expiresAt: new Date(exp * 1000).toISOString(), user };
  }

  /** Who a bearer credential is, for a request to `tenant`; 401 when unknown, 403 when it belongs to another tenant. */
  async authenticate(tenant: string, authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
    if (!match) throw unauthorized('UNAUTHENTICATED', 'sign in first: send Authorization: Bearer <token>');
    const credential = match[1];
    const apiKey = API_KEY.exec(credential);
    if (apiKey) return this.authenticateApiKey(tenant, apiKey[1], apiKey[2], apiKey[3]);
    const claims = readToken(this.secret, credential);
    if (!claims) throw unauthorized('INVALID_TOKEN', 'the token is invalid or has expired; sign in again');
    if (claims.t !== tenant) throw forbidden('WRONG_TENANT', 'this token belongs to another tenant');
    const store = this.tenantStore(tenant);
    const session = await store.collection(SESSIONS).findOne({ _id: claims.s });
    if (!session || session.revoked || session.user !== claims.u) throw unauthorized('INVALID_TOKEN', 'the session has ended; sign in again');
    const user = await new UserDirectory(store).get(claims.u);
    if (!user || user.status !== 'active') throw unauthorized('INVALID_TOKEN', 'the session has ended; sign in again');
    return { tenant, user, via: 'session', sessionId: claims.s };
  }

  private async authenticateApiKey(tenant: string, keyTenant: string, keyId: string, secret: string): Promise<Principal> {
    if (keyTenant !== tenant) throw forbidden('WRONG_TENANT', 'this API key belongs to another tenant');
    const store = this.tenantStore(tenant);
    const key = await store.collection(API_KEYS).findOne({ _id: keyId });
    const given = Buffer.from(sha256(secret));
    const valid = key && !key.revokedAt && Buffer.from(key.hash as string).length === given.length && timingSafeEqual(Buffer.from(key.hash as string), given);
    if (!valid) throw unauthorized('INVALID_API_KEY', 'the API key is invalid or revoked');
    const user = await new UserDirectory(store).get(key.user as string);
    if (!user || user.status !== 'active') throw unauthorized('INVALID_API_KEY', 'the API key\'s user is no longer active');
    return { tenant, user, via: 'apiKey', apiKeyId: keyId };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId) await this.tenantStore(principal.tenant).collection(SESSIONS).updateOne({ _id: principal.sessionId }, { $set: { revoked: true } });
  }

  /** Ends every session of a user, e.g. after an admin reset or when they leave. */
  async revokeSessions(tenant: string, userId: string): Promise<void> {
    await this.tenantStore(tenant).collection(SESSIONS).updateMany({ user: userId, revoked: false }, { $set: { revoked: true } });
  }

  /** A new API key acting as `userId`; the key is returned once and only its hash is kept. */
  async createApiKey(tenant: string, userId: string, name: string): Promise<{ id: string; key: string }> {
    if (!(await new UserDirectory(this.tenantStore(tenant)).get(userId))) throw notFound(`no user "${userId}"`);
    const id = randomBytes(9).toString('base64url');
    const secret = randomBytes(24).toString('base64url');
    await this.tenantStore(tenant).collection(API_KEYS).insertOne({ _id: id, user: userId, name: name.slice(0, 100), hash: sha256(secret), createdAt: new Date(), revokedAt: null });
    return { id, key: `sck.${tenant}.${id}.${secret}` };
  }

  /** Revokes one of `userId`'s keys; another user's key id is not found here. */
  async revokeApiKey(tenant: string, userId: string, id: string): Promise<void> {
    const { matchedCount } = await this.tenantStore(tenant).collection(API_KEYS).updateOne({ _id: id, user: userId }, { $set: { revokedAt: new Date() } });
    if (matchedCount === 0) throw notFound(`no API key "${id}" of user "${userId}"`);
  }
}
