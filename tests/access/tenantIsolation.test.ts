/**
 * Tenant isolation, fuzzed: requests to tenant acme that carry globex's record
 * ids, users, departments, API keys, tokens, entity and report names — in the
 * path, the query (filters), the body (lookups, owners, shares, people) — and
 * requests to globex with acme's credentials. Every answer is one of the
 * expected statuses and no answer contains any of globex's data (titles, ids
 * or names the request did not itself carry). Afterwards globex is unchanged
 * and nothing in acme points at globex.
 *
 * The combinations are a full cross product of request templates × credentials,
 * each template filling in its globex ids from a seeded PRNG, so a run is
 * deterministic and bounded (a few hundred requests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { startHarness, type Harness } from '../helpers/apiHarness.js';
import { create, expectError, filterQs, label, publish, recordsUrl, seeded, type Rec } from './support.js';

type Role = 'admin' | 'mgr' | 'rep1';
type Entity = 'company' | 'deal' | 'dealLine';
const ENTITIES: Entity[] = ['company', 'deal', 'dealLine'];

let h: Harness;
/** globex's records by entity, the data that must never come back from acme. */
const globex: Record<Entity, Rec[]> = { company: [], deal: [], dealLine: [] };
const acme: { company: Rec; deal: Rec; otherDeal: Rec } = {} as never;
let globexKey: { id: string; key: string };
let acmeKey: { id: string; key: string };
/** Strings of globex's that acme's answers may not contain (unless the request itself sent them). */
let secrets: string[] = [];

async function snapshot(tenant: string): Promise<unknown> {
  const app = await h.runtime.app(tenant);
  const ts = h.store.tenant(tenant);
  const out: Record<string, unknown> = {};
  for (const e of app.entities.values()) out[e.name] = await ts.collection(e.collection).find({}, { sort: { _id: 1 } });
  for (const c of ['_users', '_apiKeys', '_departments', '_shares']) out[c] = await ts.collection(c).find({}, { sort: { _id: 1 }, projection: { lastLoginAt: 0 } });
  return out;
}
let globexBefore: unknown;

beforeAll(async () => {
  h = await startHarness({ tenants: ['acme', 'globex'], sampleData: false });
  for (let i = 0; i < 4; i++) {
    const owner = (['rep1', 'rep2', 'mgr', 'admin'] as const)[i];
    const company = await create(h, 'globex', 'admin', 'company', { name: `GLX-SECRET-CO-${i}`, revenue: 31_337 + i, owner });
    const deal = await create(h, 'globex', 'admin', 'deal', { title: `GLX-SECRET-DEAL-${i}`, company: company.id, amount: 42_420 + i, owner });
    const line = await create(h, 'globex', owner, 'dealLine', { deal: deal.id, product: `GLX-SECRET-LINE-${i}`, price: 1 });
    globex.company.push(company);
    globex.deal.push(deal);
    globex.dealLine.push(line);
  }
  acme.company = await create(h, 'acme', 'admin', 'company', { name: 'ACME Co', owner: 'rep1' });
  acme.deal = await create(h, 'acme', 'admin', 'deal', { title: 'ACME deal', company: acme.company.id, owner: 'rep1' });
  acme.otherDeal = await create(h, 'acme', 'admin', 'deal', { title: 'ACME deal 2', company: acme.company.id, owner: 'rep1' });
  await create(h, 'acme', 'rep1', 'dealLine', { deal: acme.deal.id, product: 'ACME line', price: 1 });

  // Things only globex has: a user, a department, an entity, a report, an API key.
  const gx = (opts: InjectOptions) => h.inject(opts, 'admin', 'globex');
  expect((await gx({ method: 'POST', url: '/api/t/globex/users', payload: { id: 'gxonly', email: 'gxonly@globex.test', name: 'GX Only', password: 'gx-only-password', roles: ['rep'] } })).statusCode).toBe(201);
  expect((await gx({ method: 'POST', url: '/api/t/globex/departments', payload: { id: 'gxdept', name: 'GX dept', parent: null } })).statusCode).toBe(201);
  await publish(h, 'globex', [
    { kind: 'entity', name: 'gxSecretEntity', label, schemaVersion: 1, titleField: 'code', hasOwner: true, fields: [{ name: 'code', type: 'text', label }] },
    { kind: 'report', name: 'gxSecretReport', label, schemaVersion: 1, entity: 'deal', chart: 'number', metrics: [{ name: 'n', aggregate: 'count', label }] },
  ]);
  await create(h, 'globex', 'admin', 'gxSecretEntity', { code: 'GLX-SECRET-ENTITY-ROW' });
  globexKey = (await gx({ method: 'POST', url: '/api/t/globex/users/rep1/api-keys', payload: { name: 'gx' } })).json();
  acmeKey = (await h.inject({ method: 'POST', url: '/api/t/acme/users/rep1/api-keys', payload: { name: 'acme' } })).json();
  expect(globexKey.key).toMatch(/^sck\.globex\./);
  expect(acmeKey.key).toMatch(/^sck\.acme\./);

  secrets = [
    ...ENTITIES.flatMap((e) => globex[e].flatMap((r) => [r.id, String(r.title ?? r.name ?? r.product)])),
    'GLX-SECRET', 'gxSecretEntity', 'gxSecretReport', 'gxonly', 'gxdept', globexKey.id, globexKey.key.split('.')[3],
    '31337', '42420',
  ];
  globexBefore = await snapshot('globex');
}, 120_000);

afterAll(async () => h?.close());

/* ---------------------------------------------------------------------------
 * Credentials. A valid acme credential acts as a role; any other is refused
 * before the route runs, with the status given.
 * ------------------------------------------------------------------------- */
interface Cred {
  name: string;
  authorization: () => string | undefined;
  /** Role it acts as on acme; null when acme must refuse it. */
  acme: Role | null;
  /** Status for a request to acme when acme refuses it. */
  onAcme?: 401 | 403;
  /** Status for a request to globex (never a valid globex credential here). */
  onGlobex: 401 | 403;
}

function tamperedToken(): string {
  // globex's own token with the tenant claim rewritten to acme, keeping globex's signature.
  const [payload, signature] = h.tokens.globex.admin.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return `${Buffer.from(JSON.stringify({ ...claims, t: 'acme' })).toString('base64url')}.${signature}`;
}

const CREDS: Cred[] = [
  { name: 'acme admin token', authorization: () => `Bearer ${h.tokens.acme.admin}`, acme: 'admin', onGlobex: 403 },
  { name: 'acme mgr token', authorization: () => `Bearer ${h.tokens.acme.mgr}`, acme: 'mgr', onGlobex: 403 },
  { name: 'acme rep1 token', authorization: () => `Bearer ${h.tokens.acme.rep1}`, acme: 'rep1', onGlobex: 403 },
  { name: 'acme rep1 API key', authorization: () => `Bearer ${acmeKey.key}`, acme: 'rep1', onGlobex: 403 },
  { name: 'globex admin token', authorization: () => `Bearer ${h.tokens.globex.admin}`, acme: null, onAcme: 403, onGlobex: 403 },
  { name: 'globex rep1 API key', authorization: () => `Bearer ${globexKey.key}`, acme: null, onAcme: 403, onGlobex: 403 },
  { name: 'globex key relabelled acme', authorization: () => `Bearer ${globexKey.key.replace('sck.globex.', 'sck.acme.')}`, acme: null, onAcme: 401, onGlobex: 403 },
  { name: 'globex token, tenant claim rewritten to acme', authorization: () => `Bearer ${tamperedToken()}`, acme: null, onAcme: 401, onGlobex: 401 },
  { name: 'no credential', authorization: () => undefined, acme: null, onAcme: 401, onGlobex: 401 },
];

/* ---------------------------------------------------------------------------
 * Request templates. `expect` gives the statuses allowed for a valid acme
 * role; `empty` marks list answers that must come back with nothing.
 * ------------------------------------------------------------------------- */
interface Probe {
  method: InjectOptions['method'];
  url: string;
  payload?: unknown;
  /** Allowed statuses per acting acme role (for a request to acme with a valid credential). */
  expect?: (role: Role) => number[];
  /** A 200 answer must be an empty list / CSV without data rows. */
  empty?: boolean;
  /** Only sent with credentials acme refuses (e.g. logout, which would end the session otherwise). */
  onlyRefused?: boolean;
  /** Names the caller itself put there in an earlier request (a draft), which the answer may repeat. */
  mayEcho?: string[];
}
type Template = { name: string; make: (rnd: () => number) => Probe };

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const anyEntity = (rnd: () => number) => pick(rnd, ENTITIES);
const gid = (rnd: () => number, e: Entity) => pick(rnd, globex[e]).id;
const adminOnly = (adminStatus: number) => (role: Role) => (role === 'admin' ? [adminStatus] : [403]);
const all = (...s: number[]) => () => s;
const EDIT: Record<Entity, Record<string, unknown>> = { company: { grading: 'normal' }, deal: { amount: 1 }, dealLine: { qty: 2 } };

const TEMPLATES: Template[] = [
  // Path: globex ids and names on acme.
  { name: 'GET record by globex id', make: (r) => { const e = anyEntity(r); return { method: 'GET', url: recordsUrl('acme', e, gid(r, e)), expect: all(404) }; } },
  { name: 'PATCH record by globex id', make: (r) => { const e = anyEntity(r); return { method: 'PATCH', url: recordsUrl('acme', e, gid(r, e)), payload: { version: 1, ...EDIT[e] }, expect: all(404) }; } },
  { name: 'DELETE record by globex id', make: (r) => { const e = anyEntity(r); return { method: 'DELETE', url: recordsUrl('acme', e, gid(r, e)), expect: all(404) }; } },
  { name: 'history of a globex record', make: (r) => { const e = anyEntity(r); return { method: 'GET', url: `${recordsUrl('acme', e, gid(r, e))}/history`, expect: all(404) }; } },
  { name: 'explain a globex record', make: (r) => { const e = anyEntity(r); return { method: 'GET', url: `${recordsUrl('acme', e, gid(r, e))}/access`, expect: all(404) }; } },
  { name: 'explain for a globex-only user', make: () => ({ method: 'GET', url: `${recordsUrl('acme', 'deal', acme.deal.id)}/access?user=gxonly`, expect: adminOnly(404) }) },
  { name: 'share a globex record', make: (r) => ({ method: 'POST', url: `${recordsUrl('acme', 'deal', gid(r, 'deal'))}/shares`, payload: { user: 'rep1' }, expect: all(404) }) },
  { name: 'list a globex-only entity', make: () => ({ method: 'GET', url: recordsUrl('acme', 'gxSecretEntity' as Entity), expect: all(404) }) },
  { name: 'export a globex-only entity', make: () => ({ method: 'GET', url: '/api/t/acme/export/gxSecretEntity', expect: all(404) }) },
  { name: 'run a globex-only report', make: () => ({ method: 'GET', url: '/api/t/acme/reports/gxSecretReport', expect: all(404) }) },
  { name: 'read a globex-only definition', make: () => ({ method: 'GET', url: '/api/t/acme/definitions/entity/gxSecretEntity', expect: adminOnly(404) }) },
  // Query: filters with globex ids, owners and text.
  { name: 'list filtered by globex ids', make: (r) => { const e = anyEntity(r); return { method: 'GET', url: `${recordsUrl('acme', e)}?${filterQs(pick(r, [{ id: gid(r, e) }, { id: { $in: globex[e].map((x) => x.id) } }, { $or: [{ id: gid(r, e) }, { createdBy: 'gxonly' }] }]))}`, expect: all(200), empty: true }; } },
  { name: 'list filtered by a lookup to globex', make: (r) => pick(r, [
    { method: 'GET', url: `${recordsUrl('acme', 'deal')}?${filterQs({ company: gid(r, 'company') })}`, expect: all(200), empty: true },
    { method: 'GET', url: `${recordsUrl('acme', 'dealLine')}?${filterQs({ deal: { $in: globex.deal.map((d) => d.id) } })}`, expect: all(200), empty: true },
  ] as Probe[]) },
  { name: 'list filtered by a globex-only owner', make: (r) => ({ method: 'GET', url: `${recordsUrl('acme', pick(r, ['company', 'deal'] as const))}?${filterQs({ owner: 'gxonly' })}`, expect: all(200), empty: true }) },
  { name: 'search globex titles', make: (r) => { const e = anyEntity(r); return { method: 'GET', url: `${recordsUrl('acme', e)}?q=${pick(r, ['GLX-SECRET', 'SECRET-DEAL', 'GLX'])}`, expect: all(200), empty: true }; } },
  { name: 'export filtered by globex ids', make: (r) => { const e = anyEntity(r); return { method: 'GET', url: `/api/t/acme/export/${e}?${filterQs({ id: { $in: globex[e].map((x) => x.id) } })}`, expect: (role) => (role === 'admin' || (role === 'mgr' && e !== 'dealLine') ? [200] : [403]), empty: true }; } },
  // Body: lookups, owners, shares and people pointing at globex.
  { name: 'create a deal under a globex company', make: (r) => ({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: 'ISO deal', company: gid(r, 'company') }, expect: all(422) }) },
  { name: 'create a line on a globex deal', make: (r) => ({ method: 'POST', url: recordsUrl('acme', 'dealLine'), payload: { deal: gid(r, 'deal'), product: 'ISO line' }, expect: all(422) }) },
  { name: 'move an acme deal under a globex company', make: (r) => ({ method: 'PATCH', url: recordsUrl('acme', 'deal', acme.deal.id), payload: { version: acme.deal.version, company: gid(r, 'company') }, expect: all(422) }) },
  { name: 'create a deal owned by a globex-only user', make: () => ({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: 'ISO owner', company: acme.company.id, owner: 'gxonly' }, expect: (role) => (role === 'admin' ? [422] : [403]) }) },
  { name: 'share an acme deal with a globex-only user or department', make: (r) => ({ method: 'POST', url: `${recordsUrl('acme', 'deal', acme.otherDeal.id)}/shares`, payload: pick(r, [{ user: 'gxonly' }, { department: 'gxdept' }]), expect: all(404, 422) }) },
  { name: 'admin reset of a globex-only user', make: () => ({ method: 'POST', url: '/api/t/acme/users/gxonly/password', payload: { password: 'a-new-password-1' }, expect: adminOnly(404) }) },
  { name: 'change a globex-only user', make: () => ({ method: 'PATCH', url: '/api/t/acme/users/gxonly', payload: { status: 'left' }, expect: adminOnly(404) }) },
  { name: 'transfer from or to a globex-only user', make: (r) => pick(r, [
    { method: 'POST', url: '/api/t/acme/users/gxonly/transfer', payload: { to: 'rep2' }, expect: adminOnly(404) },
    { method: 'POST', url: '/api/t/acme/users/rep3/transfer', payload: { to: 'gxonly' }, expect: adminOnly(404) },
  ] as Probe[]) },
  { name: 'API key for a globex-only user', make: () => ({ method: 'POST', url: '/api/t/acme/users/gxonly/api-keys', payload: { name: 'x' }, expect: adminOnly(404) }) },
  { name: 'revoke globex\'s API key through acme', make: () => ({ method: 'DELETE', url: `/api/t/acme/users/rep1/api-keys/${globexKey.id}`, expect: adminOnly(404) }) },
  { name: 'create a user reporting to a globex-only manager', make: (r) => ({ method: 'POST', url: '/api/t/acme/users', payload: { email: `iso${Math.floor(r() * 1e9)}@acme.test`, name: 'ISO', password: 'iso-password-1', roles: ['rep'], manager: 'gxonly' }, expect: adminOnly(422) }) },
  // Definitions that name globex's.
  { name: 'report on a globex-only entity', make: () => ({ method: 'PUT', url: '/api/t/acme/definitions/report/isoReport', payload: { kind: 'report', name: 'isoReport', label, schemaVersion: 1, entity: 'gxSecretEntity', chart: 'number', metrics: [{ name: 'n', aggregate: 'count', label }] }, expect: (role) => (role === 'admin' ? [200, 422] : [403]) }) },
  { name: 'publish (with whatever drafts name globex)', make: () => ({ method: 'POST', url: '/api/t/acme/definitions/publish', payload: {}, expect: adminOnly(422), mayEcho: ['gxSecretEntity'] }) },
  // Whole-tenant answers must not mention globex.
  { name: 'app manifest and OpenAPI', make: (r) => ({ method: 'GET', url: pick(r, ['/api/t/acme/app', '/api/t/acme/openapi.json', '/api/t/acme/auth/me']), expect: all(200) }) },
  // Session and password of the caller: only with refused credentials, so acme's sessions stay.
  { name: 'logout with a foreign credential', make: () => ({ method: 'POST', url: '/api/t/acme/auth/logout', onlyRefused: true }) },
  { name: 'password change with a foreign credential', make: () => ({ method: 'POST', url: '/api/t/acme/auth/password', payload: { currentPassword: 'correct horse battery', newPassword: 'another horse battery' }, onlyRefused: true }) },
];

/** Requests to globex itself, sent only with credentials globex must refuse. */
const GLOBEX_TEMPLATES: Template[] = [
  { name: 'globex record', make: (r) => { const e = anyEntity(r); return { method: 'GET', url: recordsUrl('globex', e, gid(r, e)) }; } },
  { name: 'globex list', make: (r) => ({ method: 'GET', url: recordsUrl('globex', anyEntity(r)) }) },
  { name: 'globex patch', make: (r) => ({ method: 'PATCH', url: recordsUrl('globex', 'deal', gid(r, 'deal')), payload: { version: 1, amount: 1 } }) },
  { name: 'globex delete', make: (r) => ({ method: 'DELETE', url: recordsUrl('globex', 'company', gid(r, 'company')) }) },
  { name: 'globex create', make: (r) => ({ method: 'POST', url: recordsUrl('globex', 'deal'), payload: { title: 'ISO in globex', company: gid(r, 'company') } }) },
  { name: 'globex export', make: () => ({ method: 'GET', url: '/api/t/globex/export/deal' }) },
  { name: 'globex report', make: () => ({ method: 'GET', url: '/api/t/globex/reports/gxSecretReport' }) },
  { name: 'globex history', make: (r) => ({ method: 'GET', url: `${recordsUrl('globex', 'deal', gid(r, 'deal'))}/history` }) },
  { name: 'globex definitions', make: () => ({ method: 'GET', url: '/api/t/globex/definitions' }) },
  { name: 'globex definition draft', make: () => ({ method: 'PUT', url: '/api/t/globex/definitions/report/isoReport', payload: { kind: 'report', name: 'isoReport', label, schemaVersion: 1, entity: 'deal', chart: 'number', metrics: [{ name: 'n', aggregate: 'count', label }] } }) },
  { name: 'globex publish', make: () => ({ method: 'POST', url: '/api/t/globex/definitions/publish', payload: {} }) },
  { name: 'globex users', make: () => ({ method: 'GET', url: '/api/t/globex/users' }) },
  { name: 'globex reset', make: () => ({ method: 'POST', url: '/api/t/globex/users/rep1/password', payload: { password: 'taken-over-123' } }) },
  { name: 'globex transfer', make: () => ({ method: 'POST', url: '/api/t/globex/users/rep1/transfer', payload: { to: 'rep2' } }) },
  { name: 'globex key', make: () => ({ method: 'POST', url: '/api/t/globex/users/rep1/api-keys', payload: {} }) },
  { name: 'globex key revoke', make: () => ({ method: 'DELETE', url: `/api/t/globex/users/rep1/api-keys/${globexKey.id}` }) },
  { name: 'globex manifest', make: () => ({ method: 'GET', url: '/api/t/globex/app' }) },
  { name: 'globex logout', make: () => ({ method: 'POST', url: '/api/t/globex/auth/logout' }) },
];

interface Mismatch {
  cred: string;
  template: string;
  request: string;
  status: number;
  expected: number[];
  problem: string;
}

async function send(probe: Probe, cred: Cred): Promise<{ status: number; body: string; request: string }> {
  const authorization = cred.authorization();
  const res = await h.app.inject({
    method: probe.method,
    url: probe.url,
    ...(probe.payload === undefined ? {} : { payload: probe.payload as object }),
    headers: authorization ? { authorization } : {},
  });
  return { status: res.statusCode, body: res.body, request: `${probe.method} ${probe.url} ${probe.payload === undefined ? '' : JSON.stringify(probe.payload)}` };
}

/** Secrets in the answer that the request did not carry itself. */
function leaked(body: string, request: string): string[] {
  const req = decodeURIComponent(request);
  return secrets.filter((s) => body.includes(s) && !req.includes(s));
}

function emptyAnswer(body: string, url: string): boolean {
  if (url.includes('/export/')) return body.replace(/^\uFEFF/, '').trim().split('\r\n').length === 1;
  const json = JSON.parse(body);
  return json.total === 0 && json.items.length === 0;
}

describe('tenant isolation', () => {
  it('the fuzz covers every template with every credential, a few hundred requests in all', () => {
    const count = TEMPLATES.reduce((n, t) => n + CREDS.filter((c) => !(t.make(seeded(1)).onlyRefused && c.acme)).length, 0) + GLOBEX_TEMPLATES.length * CREDS.filter((c) => !c.name.startsWith('globex ') || c.name.includes('relabelled')).length;
    expect(count).toBeGreaterThan(200);
    expect(count).toBeLessThan(600);
  });

  it('acme refuses or answers without globex data for every template × credential (seeded)', async () => {
    const rnd = seeded(20260519);
    const mismatches: Mismatch[] = [];
    let sent = 0;
    for (const template of TEMPLATES) {
      for (const cred of CREDS) {
        const probe = template.make(rnd);
        if (probe.onlyRefused && cred.acme) continue;
        if (probe.url.includes(`/deal/${acme.deal.id}`) && probe.method === 'PATCH') {
          acme.deal = (await h.inject({ method: 'GET', url: recordsUrl('acme', 'deal', acme.deal.id) })).json();
          probe.payload = { ...(probe.payload as object), version: acme.deal.version };
        }
        const expected = cred.acme ? probe.expect!(cred.acme) : [cred.onAcme!];
        const { status, body, request } = await send(probe, cred);
        sent++;
        const report = (problem: string) => mismatches.push({ cred: cred.name, template: template.name, request, status, expected, problem });
        if (!expected.includes(status)) report(`status ${status}: ${body.slice(0, 200)}`);
        if (status >= 500) report('server error');
        const leaks = leaked(body, request).filter((s) => !probe.mayEcho?.includes(s));
        if (leaks.length) report(`leaked ${leaks.join(', ')}`);
        if (status >= 400 && !/^\{"error":\{"code":"[A-Z_]+","message":/.test(body)) report(`not the error shape: ${body.slice(0, 100)}`);
        if (status === 200 && probe.empty && !emptyAnswer(body, probe.url)) report(`not empty: ${body.slice(0, 200)}`);
      }
    }
    // Clean up any draft a template left, so later tests see the published set only.
    await h.inject({ method: 'DELETE', url: '/api/t/acme/definitions/report/isoReport/draft' });
    expect(sent).toBeGreaterThan(200);
    expect(mismatches).toEqual([]);
  });

  it('globex refuses acme\'s credentials and forged ones on every route (seeded)', async () => {
    const rnd = seeded(7);
    const mismatches: Mismatch[] = [];
    for (const template of GLOBEX_TEMPLATES) {
      for (const cred of CREDS) {
        if (cred.name.startsWith('globex ') && !cred.name.includes('relabelled')) continue; // a real globex credential may read globex
        const probe = template.make(rnd);
        const { status, body, request } = await send(probe, cred);
        if (status !== cred.onGlobex) mismatches.push({ cred: cred.name, template: template.name, request, status, expected: [cred.onGlobex], problem: body.slice(0, 200) });
        const leaks = secrets.filter((s) => body.includes(s) && !decodeURIComponent(request).includes(s));
        if (leaks.length) mismatches.push({ cred: cred.name, template: template.name, request, status, expected: [cred.onGlobex], problem: `leaked ${leaks.join(', ')}` });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('afterwards globex is exactly as it was, its sessions and key still work, and nothing in acme refers to it', async () => {
    expect(await snapshot('globex')).toEqual(globexBefore);
    expect((await h.inject({ method: 'GET', url: '/api/t/globex/auth/me' }, 'admin', 'globex')).statusCode).toBe(200);
    const byKey = await h.app.inject({ method: 'GET', url: '/api/t/globex/records/deal', headers: { authorization: `Bearer ${globexKey.key}` } });
    expect(byKey.statusCode).toBe(200);
    expect(byKey.json().items.map((d: Rec) => d.title)).toEqual(expect.arrayContaining(['GLX-SECRET-DEAL-0']));
    const acmeData = JSON.stringify(await snapshot('acme'));
    const globexIds = ENTITIES.flatMap((e) => globex[e].map((r) => r.id));
    expect(globexIds.filter((id) => acmeData.includes(id))).toEqual([]);
    expect(acmeData).not.toContain('GLX-SECRET');
    // acme's own sessions and key survived the foreign logouts and password changes.
    for (const who of ['admin', 'mgr', 'rep1'] as const) expect((await h.inject({ method: 'GET', url: '/api/t/acme/auth/me' }, who)).statusCode).toBe(200);
    const acmeByKey = await h.app.inject({ method: 'GET', url: '/api/t/acme/auth/me', headers: { authorization: `Bearer ${acmeKey.key}` } });
    expect(acmeByKey.json().user.id).toBe('rep1');
  });
});

describe('references to another tenant, one by one', () => {
  it('a record cannot be given to a user who exists only in another tenant', async () => {
    const res = await h.inject({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: 'ISO owner one', company: acme.company.id, owner: 'gxonly' } });
    expectError(res, 422);
    const found = await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal')}?${filterQs({ owner: 'gxonly' })}` });
    expect(found.json().total, 'nothing written').toBe(0);
  });

  it('a record cannot be shared with a user or department that exists only in another tenant', async () => {
    for (const target of [{ user: 'gxonly' }, { department: 'gxdept' }]) {
      const res = await h.inject({ method: 'POST', url: `${recordsUrl('acme', 'deal', acme.deal.id)}/shares`, payload: target }, 'rep1');
      expect(res.statusCode, `${JSON.stringify(target)}: ${res.body}`).toBe(422);
    }
  });

  it('the same record id in the other tenant\'s path is another tenant\'s business: 403, not its data', async () => {
    for (const e of ENTITIES) {
      for (const r of globex[e]) {
        const res = await h.inject({ method: 'GET', url: recordsUrl('globex', e, r.id) }, 'admin', 'acme');
        expectError(res, 403, 'WRONG_TENANT');
        expect(res.body).not.toContain(String(r.title ?? r.name ?? r.product));
      }
    }
  });
});
