/**
 * The explain endpoint, `GET /records/:entity/:id/access?user=`: for each
 * action, allowed or not and by which rule — for team access with the manager
 * chain from the owner up to the user — and always in agreement with what the
 * API actually lets that user do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startHarness, type Harness, type Person } from '../helpers/apiHarness.js';
import { create, expectError, recordsUrl, type Rec } from './support.js';

interface Explanation {
  user: string;
  roles: string[];
  record: { entity: string; id: string; owner: string | null };
  actions: { action: string; scope: string; roles: string[]; allowed: boolean; reason: string; hierarchyPath?: string[] }[];
  hiddenFields: string[];
}

let h: Harness;
const deals: Record<string, Rec> = {};

beforeAll(async () => {
  h = await startHarness({ sampleData: true });
  // An intern below rep1 makes a three-level chain: intern → rep1 → mgr.
  const intern = await h.inject({ method: 'POST', url: '/api/t/acme/users', payload: { id: 'intern', email: 'intern@acme.test', name: 'Intern', password: 'intern-password-1', roles: ['rep'], manager: 'rep1', department: 'east' } });
  expect(intern.statusCode, intern.body).toBe(201);
  for (const owner of [...PEOPLE.map((p) => p.id), 'intern']) {
    deals[owner] = await create(h, 'acme', 'admin', 'deal', { title: `EX deal of ${owner}`, company: 'co-1', owner });
  }
}, 120_000);

afterAll(async () => h?.close());

async function explain(owner: string, subject: Person | 'intern' | undefined, as: Person = 'admin'): Promise<Explanation> {
  const res = await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deals[owner].id)}/access${subject ? `?user=${subject}` : ''}` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const action = (e: Explanation, name: string) => e.actions.find((a) => a.action === name)!;

describe('explain', () => {
  it('the manager\'s access to a subordinate\'s record is team scope along the hierarchy path rep1 → mgr', async () => {
    for (const e of [await explain('rep1', 'mgr'), await explain('rep1', undefined, 'mgr')]) {
      expect(e.user).toBe('mgr');
      expect(e.record).toEqual({ entity: 'deal', id: deals.rep1.id, owner: 'rep1' });
      for (const name of ['read', 'update', 'delete', 'export']) {
        expect(action(e, name), name).toMatchObject({ scope: 'team', roles: ['manager'], allowed: true, hierarchyPath: ['rep1', 'mgr'] });
      }
      expect(action(e, 'read').reason).toMatch(/rep1 reports to the user/);
    }
  });

  it('walks the whole chain for an indirect report: intern → rep1 → mgr', async () => {
    const e = await explain('intern', 'mgr');
    expect(action(e, 'read')).toMatchObject({ allowed: true, hierarchyPath: ['intern', 'rep1', 'mgr'] });
    // rep1 is above the intern but has only own scope: no path, no access.
    const rep1 = await explain('intern', 'rep1');
    expect(action(rep1, 'read')).toMatchObject({ scope: 'own', allowed: false });
    expect(action(rep1, 'read')).not.toHaveProperty('hierarchyPath');
  });

  it('explains the rep\'s own record, a peer\'s and another team\'s, and the admin\'s view', async () => {
    const own = await explain('rep1', undefined, 'rep1');
    expect(action(own, 'read')).toMatchObject({ scope: 'own', roles: ['rep'], allowed: true });
    expect(action(own, 'read').reason).toMatch(/owns the record/);
    expect(action(own, 'export')).toMatchObject({ scope: 'none', allowed: false });
    expect(own.hiddenFields).toEqual([]); // deal hides nothing from a rep (revenue is a company field)

    const peer = await explain('rep2', 'rep1');
    expect(action(peer, 'read')).toMatchObject({ scope: 'own', allowed: false });
    expect(action(peer, 'read').reason).toMatch(/owned by rep2/);

    const otherTeam = await explain('rep3', 'mgr');
    expect(action(otherTeam, 'read')).toMatchObject({ scope: 'team', allowed: false });
    expect(action(otherTeam, 'read')).not.toHaveProperty('hierarchyPath');

    const admin = await explain('rep3', 'admin');
    expect(action(admin, 'delete')).toMatchObject({ scope: 'all', roles: ['admin'], allowed: true });
  });

  it('only administrators may ask about someone else; nobody learns about records they cannot read', async () => {
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deals.rep1.id)}/access?user=mgr` }, 'rep1'), 403, 'ADMIN_ONLY');
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deals.rep1.id)}/access?user=rep2` }, 'mgr'), 403, 'ADMIN_ONLY');
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deals.rep2.id)}/access` }, 'rep1'), 404, 'NOT_FOUND');
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deals.rep3.id)}/access` }, 'mgr'), 404, 'NOT_FOUND');
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deals.rep1.id)}/access?user=nobody` }), 404);
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', 'no-such-id')}/access` }), 404);
  });

  it('agrees with what the API does: read allowed ⇔ GET 200, for every user and owner', async () => {
    for (const subject of PEOPLE.map((p) => p.id)) {
      for (const owner of Object.keys(deals)) {
        const e = await explain(owner, subject);
        const got = await h.inject({ method: 'GET', url: recordsUrl('acme', 'deal', deals[owner].id) }, subject);
        expect(action(e, 'read').allowed, `${subject} reading ${owner}'s deal: explain says ${action(e, 'read').reason}, GET says ${got.statusCode}`).toBe(got.statusCode === 200);
      }
    }
  });

  it('counts a share: read through the share, but not update', async () => {
    const share = await h.inject({ method: 'POST', url: `${recordsUrl('acme', 'deal', deals.rep2.id)}/shares`, payload: { user: 'rep1', access: 'read' } }, 'rep2');
    expect(share.statusCode, share.body).toBe(201);
    const e = await explain('rep2', undefined, 'rep1');
    expect(action(e, 'read')).toMatchObject({ allowed: true });
    expect(action(e, 'read').reason).toMatch(/shared/);
    expect(action(e, 'update')).toMatchObject({ allowed: false });
    expect((await h.inject({ method: 'GET', url: recordsUrl('acme', 'deal', deals.rep2.id) }, 'rep1')).statusCode).toBe(200);
    const patch = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deals.rep2.id), payload: { version: deals.rep2.version, amount: 5 } }, 'rep1');
    expectError(patch, 403, 'FORBIDDEN');
  });

  it('says a won deal is not editable by its rep, as PATCH and DELETE answer', async () => {
    const won = await create(h, 'acme', 'admin', 'deal', { title: 'EX won', company: 'co-1', amount: 5, stage: 'won', owner: 'rep1' });
    const patch = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', won.id), payload: { version: won.version, amount: 6 } }, 'rep1');
    expectError(patch, 403, 'FORBIDDEN');
    const res = await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', won.id)}/access` }, 'rep1');
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json() as Explanation;
    expect(action(e, 'read').allowed).toBe(true);
    expect(action(e, 'update').allowed, `explain says: ${action(e, 'update').reason}`).toBe(false);
    expect(action(e, 'delete').allowed, `explain says: ${action(e, 'delete').reason}`).toBe(false);
  });
});
