/**
 * Authentication end to end: every tenant request needs a valid credential
 * bound to that tenant — missing, forged, tampered, expired and foreign tokens
 * are refused; logout, password change, admin reset and leaving end access;
 * API keys act as their user until revoked; lockout and the login rate limit
 * stop guessing; the operator API provisions tenants only with its key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, TEMPLATES_DIR, type Harness } from '../helpers/apiHarness.js';
import { build } from '../../server/app.js';
import { issueToken, readToken } from '../../runtime/identity/tokens.js';
import { signingSecret } from '../../runtime/identity/secret.js';
import { USERS } from '../../runtime/identity/users.js';
import { auditEntries, expectError, recordsUrl } from './support.js';

const OPERATOR_KEY = 'operator-key-for-tests-0123456789';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ tenants: ['acme', 'globex'], operatorKey: OPERATOR_KEY });
}, 120_000);

afterAll(async () => h?.close());

const login = (email: string, password: string, tenant = 'acme') =>
  h.app.inject({ method: 'POST', url: `/api/t/${tenant}/auth/login`, payload: { email, password } });
const withToken = (token: string | undefined, url = '/api/t/acme/auth/me', method: 'GET' | 'POST' = 'GET') =>
  h.app.inject({ method, url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

/** A fresh user of acme (so each test owns its lockout, rate-limit and session state). */
async function newUser(id: string, password = 'first-password-1', roles = ['rep']): Promise<{ id: string; email: string; password: string }> {
  const email = `${id}@acme.test`;
  const res = await h.inject({ method: 'POST', url: '/api/t/acme/users', payload: { id, email, name: id, password, roles, manager: 'mgr', department: 'east' } });
  expect(res.statusCode, res.body).toBe(201);
  return { id, email, password };
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await login(email, password);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token;
}

describe('bearer tokens', () => {
  it('a request without a credential, or with a malformed header, is 401', async () => {
    expectError(await withToken(undefined), 401, 'UNAUTHENTICATED');
    for (const authorization of ['Token abc', 'Bearer', 'Bearer  ', `bearer ${h.tokens.acme.rep1} extra`, `Basic ${Buffer.from('rep1:x').toString('base64')}`]) {
      const res = await h.app.inject({ method: 'GET', url: '/api/t/acme/records/deal', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
    }
  });

  it('forged and tampered tokens are 401, and the genuine token works', async () => {
    const genuine = h.tokens.acme.rep1;
    expect((await withToken(genuine)).json().user.id).toBe('rep1');
    const [payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    const forged = [
      `${b64({ ...claims, u: 'admin' })}.${signature}`, // rep1's session claiming to be admin
      `${b64({ ...claims, exp: claims.exp + 86_400 * 365 })}.${signature}`, // a longer life
      `${payload}.${flipped}`,
      `${payload}.`,
      `${payload}.${signature}.${signature}`,
      issueToken(Buffer.from('not-the-signing-secret-not-the-signing-secret'), claims), // signed with another key
      'x'.repeat(3000),
    ];
    for (const token of forged) {
      const res = await withToken(token, '/api/t/acme/records/deal');
      expect(res.statusCode, token.slice(0, 60)).toBe(401);
      expect(res.body).not.toContain('"items"');
    }
  });

  it('an expired token is 401, while the same claims unexpired pass (same secret, same session)', async () => {
    const secret = await signingSecret(h.store);
    const claims = readToken(secret, h.tokens.acme.rep1)!;
    expect(claims).toMatchObject({ t: 'acme', u: 'rep1' });
    const now = Math.floor(Date.now() / 1000);
    const valid = issueToken(secret, { ...claims, exp: now + 60 });
    expect((await withToken(valid)).statusCode, 'the crafted token is accepted when not expired').toBe(200);
    const expired = issueToken(secret, { ...claims, exp: now - 1 });
    expectError(await withToken(expired), 401, 'INVALID_TOKEN');
    // A token naming a session that does not exist is refused even when well signed.
    expectError(await withToken(issueToken(secret, { ...claims, s: 'no-such-session', exp: now + 60 })), 401, 'INVALID_TOKEN');
  });

  it('another tenant\'s token (and API key) is 403 WRONG_TENANT', async () => {
    for (const url of ['/api/t/acme/auth/me', '/api/t/acme/records/deal', '/api/t/acme/users', '/api/t/acme/definitions']) {
      expectError(await withToken(h.tokens.globex.admin, url), 403, 'WRONG_TENANT');
    }
    const key = (await h.inject({ method: 'POST', url: '/api/t/globex/users/rep1/api-keys', payload: {} }, 'admin', 'globex')).json().key as string;
    expectError(await withToken(key), 403, 'WRONG_TENANT');
  });

  it('login answers the user without any password material, and one message for wrong e-mail or password', async () => {
    const res = await login('rep2@acme.test', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ token: expect.any(String), expiresAt: expect.any(String), user: { id: 'rep2', roles: ['rep'] } });
    expect(res.body).not.toMatch(/scrypt|passwordHash|failedLogins/);
    const users = await h.inject({ method: 'GET', url: '/api/t/acme/users' });
    expect(users.body).not.toMatch(/scrypt|passwordHash/);
    const wrongPassword = await login('rep2@acme.test', 'not the password');
    const unknownEmail = await login('nobody-here@acme.test', 'not the password');
    const otherTenantsUser = await login('rep2@globex.test', PASSWORD); // exists, but in globex
    for (const r of [wrongPassword, unknownEmail, otherTenantsUser]) {
      expectError(r, 401, 'INVALID_CREDENTIALS');
      expect(r.json().error.message).toBe(wrongPassword.json().error.message);
    }
  });
});

describe('sign-in to a tenant that is not there', () => {
  it('answers 4xx for unknown, reserved and malformed tenant ids, never a 500 and never a token', async () => {
    for (const tenant of ['nope', 'platform', 'api', 'ACME!', 'a', 'x'.repeat(60), '%00', 'acme%2F..%2Fglobex', '-acme']) {
      const res = await login('admin@acme.test', PASSWORD, tenant);
      expect(res.statusCode, `${tenant}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${tenant}: ${res.body}`).toBeLessThan(500);
      expect(res.body).not.toContain('"token"');
    }
  });
});

describe('sessions end', () => {
  it('logout revokes that token and no other', async () => {
    const token = await signIn('rep2@acme.test', PASSWORD);
    expect((await withToken(token)).statusCode).toBe(200);
    expect((await withToken(token, '/api/t/acme/auth/logout', 'POST')).statusCode).toBe(204);
    expectError(await withToken(token), 401, 'INVALID_TOKEN');
    expectError(await withToken(token, '/api/t/acme/records/deal'), 401, 'INVALID_TOKEN');
    expect((await withToken(h.tokens.acme.rep2)).statusCode, 'the other session of rep2').toBe(200);
  });

  it('a password change needs the current password; afterwards only the new one signs in', async () => {
    const u = await newUser('pwchange');
    const token = await signIn(u.email, u.password);
    const change = (body: object) => h.app.inject({ method: 'POST', url: '/api/t/acme/auth/password', headers: { authorization: `Bearer ${token}` }, payload: body });
    expectError(await change({ currentPassword: 'wrong-password-1', newPassword: 'second-password-2' }), 422, 'WRONG_PASSWORD');
    expectError(await change({ currentPassword: u.password, newPassword: 'short' }), 422);
    expect((await login(u.email, u.password)).statusCode, 'refused changes changed nothing').toBe(200);
    expect((await change({ currentPassword: u.password, newPassword: 'second-password-2' })).statusCode).toBe(204);
    expectError(await login(u.email, u.password), 401, 'INVALID_CREDENTIALS');
    expect((await login(u.email, 'second-password-2')).statusCode).toBe(200);
    const audit = await auditEntries(h, 'acme', { entity: '_user', recordId: u.id, action: 'passwordReset' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user: u.id });
  });

  it('an admin reset sets a new password and ends every session of the user; only admins may reset', async () => {
    const u = await newUser('resetme');
    const a = await signIn(u.email, u.password);
    const b = await signIn(u.email, u.password);
    expectError(await h.inject({ method: 'POST', url: `/api/t/acme/users/${u.id}/password`, payload: { password: 'taken-over-123' } }, 'mgr'), 403, 'ADMIN_ONLY');
    expect((await withToken(a)).statusCode).toBe(200);
    const reset = await h.inject({ method: 'POST', url: `/api/t/acme/users/${u.id}/password`, payload: { password: 'reset-password-3' } });
    expect(reset.statusCode, reset.body).toBe(204);
    for (const t of [a, b]) expectError(await withToken(t), 401, 'INVALID_TOKEN');
    expectError(await login(u.email, u.password), 401, 'INVALID_CREDENTIALS');
    expect((await login(u.email, 'reset-password-3')).statusCode).toBe(200);
    expect(await auditEntries(h, 'acme', { entity: '_user', recordId: u.id, action: 'passwordReset' })).toEqual([expect.objectContaining({ user: 'admin' })]);
  });

  it('a user who has left cannot sign in, and their tokens and API keys stop working', async () => {
    const u = await newUser('leaver');
    const token = await signIn(u.email, u.password);
    const key = (await h.inject({ method: 'POST', url: `/api/t/acme/users/${u.id}/api-keys`, payload: { name: 'leaver' } })).json().key as string;
    expect((await withToken(key)).json().user.id).toBe(u.id);
    const left = await h.inject({ method: 'PATCH', url: `/api/t/acme/users/${u.id}`, payload: { status: 'left' } });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().status).toBe('left');
    expectError(await withToken(token), 401, 'INVALID_TOKEN');
    expectError(await withToken(key), 401, 'INVALID_API_KEY');
    expectError(await login(u.email, u.password), 401, 'INVALID_CREDENTIALS');
    // Coming back lets them sign in again, but the old session stays ended.
    expect((await h.inject({ method: 'PATCH', url: `/api/t/acme/users/${u.id}`, payload: { status: 'active' } })).statusCode).toBe(200);
    expect((await login(u.email, u.password)).statusCode).toBe(200);
    expectError(await withToken(token), 401, 'INVALID_TOKEN');
  });
});

describe('API keys', () => {
  it('act as their user (scope and admin rights included) until revoked', async () => {
    const created = await h.inject({ method: 'POST', url: '/api/t/acme/users/rep1/api-keys', payload: { name: 'erp' } });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json() as { id: string; key: string };
    expect(key).toMatch(new RegExp(`^sck\\.acme\\.${id}\\.[A-Za-z0-9_-]{20,}$`));
    expect((await withToken(key)).json().user.id).toBe('rep1');
    const deals = await withToken(key, '/api/t/acme/records/deal?pageSize=200');
    const byToken = await h.inject({ method: 'GET', url: '/api/t/acme/records/deal?pageSize=200' }, 'rep1');
    expect(deals.json().items.map((d: { id: string }) => d.id)).toEqual(byToken.json().items.map((d: { id: string }) => d.id));
    expect(new Set(deals.json().items.map((d: { owner: string }) => d.owner))).toEqual(new Set(byToken.json().total ? ['rep1'] : []));
    const company = await withToken(key, recordsUrl('acme', 'company', 'co-1'));
    expect(company.statusCode).toBe(200);
    expect(company.json()).not.toHaveProperty('revenue');
    expectError(await withToken(key, '/api/t/acme/users'), 403, 'ADMIN_ONLY');
    // Writes through the key are audited as the user, through the api channel.
    const made = await h.app.inject({ method: 'POST', url: recordsUrl('acme', 'deal'), headers: { authorization: `Bearer ${key}` }, payload: { title: 'made by key', company: 'co-1' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ owner: 'rep1', createdBy: 'rep1' });
    expect(await auditEntries(h, 'acme', { recordId: made.json().id })).toEqual([expect.objectContaining({ action: 'create', user: 'rep1', channel: 'api' })]);
    // Logging out with a key does not revoke it; revoking does.
    expect((await withToken(key, '/api/t/acme/auth/logout', 'POST')).statusCode).toBe(204);
    expect((await withToken(key)).statusCode).toBe(200);
    expectError(await withToken(key.slice(0, -3) + 'zzz'), 401, 'INVALID_API_KEY');
    expectError(await withToken(key.replace('sck.acme.', 'sck.globex.'), '/api/t/globex/auth/me'), 401, 'INVALID_API_KEY');
    const revoke = await h.inject({ method: 'DELETE', url: `/api/t/acme/users/rep1/api-keys/${id}` });
    expect(revoke.statusCode, revoke.body).toBe(204);
    expectError(await withToken(key), 401, 'INVALID_API_KEY');
    expectError(await h.inject({ method: 'DELETE', url: '/api/t/acme/users/rep1/api-keys/no-such-key' }), 404);
  });

  it('only administrators create or revoke keys', async () => {
    expectError(await h.inject({ method: 'POST', url: '/api/t/acme/users/rep1/api-keys', payload: {} }, 'rep1'), 403, 'ADMIN_ONLY');
    expectError(await h.inject({ method: 'POST', url: '/api/t/acme/users/rep2/api-keys', payload: {} }, 'mgr'), 403, 'ADMIN_ONLY');
    const { id, key } = (await h.inject({ method: 'POST', url: '/api/t/acme/users/rep2/api-keys', payload: {} })).json();
    expectError(await h.inject({ method: 'DELETE', url: `/api/t/acme/users/rep2/api-keys/${id}` }, 'mgr'), 403, 'ADMIN_ONLY');
    expect((await withToken(key)).statusCode).toBe(200);
  });

  it('revoking names the key\'s own user: another user\'s key id under a user\'s URL is 404 and stays valid', async () => {
    const { id, key } = (await h.inject({ method: 'POST', url: '/api/t/acme/users/rep1/api-keys', payload: { name: 'rep1 key' } })).json();
    const res = await h.inject({ method: 'DELETE', url: `/api/t/acme/users/rep2/api-keys/${id}` });
    expect(res.statusCode, res.body).toBe(404);
    expect((await withToken(key)).statusCode).toBe(200);
  });
});

describe('guessing passwords', () => {
  it('locks an account after 5 failures: then even the right password is refused with ACCOUNT_LOCKED, until the lock ends', async () => {
    const u = await newUser('locky');
    for (let i = 1; i <= 5; i++) expectError(await login(u.email, `wrong-password-${i}`), 401, 'INVALID_CREDENTIALS');
    const locked = await login(u.email, u.password);
    expectError(locked, 401, 'ACCOUNT_LOCKED');
    const until = new Date(/after (\S+)$/.exec(locked.json().error.message)![1]);
    expect(until.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(locked.body).not.toContain('"token"');
    // Fifteen minutes later (moved forward in the store), the right password works and clears the count.
    await h.store.tenant('acme').collection(USERS).updateOne({ _id: u.id }, { $set: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await login(u.email, u.password)).statusCode).toBe(200);
    expectError(await login(u.email, 'wrong-again-1'), 401, 'INVALID_CREDENTIALS');
    expect((await login(u.email, u.password)).statusCode, 'one failure after a success does not lock').toBe(200);
  });

  it('an admin reset unlocks a locked account', async () => {
    const u = await newUser('locky2');
    for (let i = 1; i <= 5; i++) await login(u.email, `wrong-password-${i}`);
    expectError(await login(u.email, u.password), 401, 'ACCOUNT_LOCKED');
    expect((await h.inject({ method: 'POST', url: `/api/t/acme/users/${u.id}/password`, payload: { password: 'unlocked-pass-1' } })).statusCode).toBe(204);
    expect((await login(u.email, 'unlocked-pass-1')).statusCode).toBe(200);
  });

  it('rate-limits hammering one e-mail: after 10 attempts a minute, 429 with the error shape, even with the right password', async () => {
    const u = await newUser('hammered');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(u.email, `guess-${i}-xxxxx`)).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await login(u.email, u.password);
    expectError(limited, 429, 'RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/too many attempts; try again in \d+ s/);
    expect(limited.headers['retry-after']).toBeDefined();
    // Upper case is the same address.
    expectError(await login(u.email.toUpperCase(), u.password), 429, 'RATE_LIMITED');
    // Unknown addresses are limited the same way, and other users are not affected.
    for (let i = 0; i < 10; i++) await login('ghost@acme.test', `guess-${i}-xxxxx`);
    expectError(await login('ghost@acme.test', 'guess-x-xxxxx'), 429, 'RATE_LIMITED');
    expect((await login('mgr2@acme.test', PASSWORD)).statusCode).toBe(200);
    // Spaces around the address reach the same account, so they share its budget.
    for (const variant of [` ${u.email}`, `${u.email} `, ` ${u.email.toUpperCase()}\t`]) {
      expectError(await login(variant, u.password), 429, 'RATE_LIMITED');
    }
    // The same address on another tenant has its own budget.
    expectError(await login(u.email, u.password, 'globex'), 401, 'INVALID_CREDENTIALS');
  });
});

describe('operator API', () => {
  const tenant = { id: 'initech', label: 'Initech', locale: 'en', timeZone: 'UTC', currency: 'USD', admin: { email: 'boss@initech.test', password: 'initech-password-1', name: 'Boss' } };
  const operator = (key: string | undefined, method: 'GET' | 'POST', payload?: object) =>
    h.app.inject({ method, url: '/api/tenants', headers: key === undefined ? {} : { 'x-operator-key': key }, ...(payload ? { payload } : {}) });

  it('refuses a missing or wrong key and creates nothing', async () => {
    for (const key of [undefined, '', 'wrong', `${OPERATOR_KEY}x`, OPERATOR_KEY.slice(0, -1) + 'X']) {
      expectError(await operator(key, 'POST', tenant), 401, 'INVALID_OPERATOR_KEY');
      expectError(await operator(key, 'GET'), 401, 'INVALID_OPERATOR_KEY');
    }
    // A tenant token is no operator key either.
    const asAdmin = await h.app.inject({ method: 'POST', url: '/api/tenants', headers: { authorization: `Bearer ${h.tokens.acme.admin}` }, payload: tenant });
    expectError(asAdmin, 401, 'INVALID_OPERATOR_KEY');
    expect((await operator(OPERATOR_KEY, 'GET')).json().items.map((t: { id: string }) => t.id)).toEqual(['acme', 'globex']);
  });

  it('is off without a configured key', async () => {
    const app = await build({ runtime: h.runtime, templatesDir: TEMPLATES_DIR });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/tenants', headers: { 'x-operator-key': OPERATOR_KEY }, payload: tenant });
      expectError(res, 403, 'OPERATOR_API_OFF');
    } finally {
      await app.close();
    }
  });

  it('refuses a bad first administrator without leaving a half-made tenant', async () => {
    expectError(await operator(OPERATOR_KEY, 'POST', { ...tenant, admin: { ...tenant.admin, password: 'short' } }), 422);
    expectError(await operator(OPERATOR_KEY, 'POST', { ...tenant, admin: { ...tenant.admin, email: 'not-an-email' } }), 422);
    expect((await operator(OPERATOR_KEY, 'GET')).json().items.map((t: { id: string }) => t.id)).not.toContain('initech');
  });

  it('creates a tenant with its first administrator, who can sign in there and only there', async () => {
    const res = await operator(OPERATOR_KEY, 'POST', tenant);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ tenant: { id: 'initech', label: 'Initech' }, admin: { email: 'boss@initech.test', roles: ['admin'] } });
    expect(res.body).not.toMatch(/scrypt|initech-password/);
    const signedIn = await login('boss@initech.test', 'initech-password-1', 'initech');
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const token = signedIn.json().token as string;
    const users = await withToken(token, '/api/t/initech/users');
    expect(users.statusCode).toBe(200);
    expect(users.json().items.map((u: { email: string }) => u.email)).toEqual(['boss@initech.test']);
    expectError(await withToken(token, '/api/t/acme/records/deal'), 403, 'WRONG_TENANT');
    expectError(await withToken(h.tokens.acme.admin, '/api/t/initech/users'), 403, 'WRONG_TENANT');
    expectError(await login('boss@initech.test', 'initech-password-1', 'acme'), 401, 'INVALID_CREDENTIALS');
    expectError(await operator(OPERATOR_KEY, 'POST', tenant), 409);
    expect((await operator(OPERATOR_KEY, 'GET')).json().items.map((t: { id: string }) => t.id)).toEqual(['acme', 'globex', 'initech']);
  });
});
