/**
 * Safe publish on the server: the diff an admin reviews, the impact of a field
 * type change and its migration (nothing lost: every old value archived),
 * archived fields keeping their data, and rollback to an earlier version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';

let h: Harness;
const defs = '/api/t/acme/definitions';
const label = (en: string) => ({ 'zh-CN': en, en });
type Field = { name: string; type: string; [k: string]: unknown };

async function company(): Promise<{ fields: Field[]; [k: string]: unknown }> {
  const res = await h.inject({ method: 'GET', url: `${defs}/entity/company` });
  return res.json().draft?.definition ?? res.json().published;
}
async function draft(entity: Record<string, unknown>) {
  const res = await h.inject({ method: 'PUT', url: `${defs}/entity/company`, payload: entity });
  expect(res.statusCode, res.body).toBe(200);
}
async function publish(expectedBase?: number) {
  return h.inject({ method: 'POST', url: `${defs}/publish`, payload: expectedBase === undefined ? {} : { expectedBase } });
}
async function latest(): Promise<number> {
  return (await h.inject({ method: 'GET', url: defs })).json().version;
}
const records = () => h.store.tenant('acme').collection('records.company');

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('diff', () => {
  it('lists what changed inside each definition, draft against published and between versions', async () => {
    const before = await latest();
    const entity = await company();
    await draft({ ...entity, fields: entity.fields.map((f) => (f.name === 'revenue' ? { ...f, label: label('Annual revenue') } : f)) });
    const res = await h.inject({ method: 'GET', url: `${defs}/diff` });
    expect(res.statusCode, res.body).toBe(200);
    const change = res.json().changes.find((c: { name: string }) => c.name === 'company');
    const index = entity.fields.findIndex((f) => f.name === 'revenue');
    expect(change).toMatchObject({ kind: 'entity', change: 'changed', details: expect.arrayContaining([{ path: `/fields/${index}/label/en`, from: 'Revenue', to: 'Annual revenue' }]) });
    expect((await publish(before)).statusCode).toBe(201);
    const between = await h.inject({ method: 'GET', url: `${defs}/diff?from=${before}&to=${before + 1}` });
    expect(between.json().changes).toHaveLength(1);
    expect((await h.inject({ method: 'GET', url: `${defs}/diff?from=999` })).statusCode).toBe(400);
    expect((await h.inject({ method: 'GET', url: `${defs}/diff?x=1` })).statusCode).toBe(400);
    expect((await h.inject({ method: 'GET', url: `${defs}/diff` }, 'rep1')).statusCode).toBe(403);
  });
});

describe('field type change', () => {
  it('shows how many records convert, migrates them on publish and archives every old value', async () => {
    // A text field holding headcounts, some of which are not numbers.
    let entity = await company();
    await draft({ ...entity, fields: [...entity.fields, { name: 'headcount', type: 'text', label: label('Headcount') }] });
    expect((await publish()).statusCode).toBe(201);
    const values = ['120', '3,000', 'about 50', ' 7 '];
    const ids: string[] = [];
    for (const [i, headcount] of values.entries()) {
      const res = await h.inject({ method: 'POST', url: '/api/t/acme/records/company', payload: { name: `Headcount ${i}`, headcount } });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    entity = await company();
    await draft({ ...entity, fields: entity.fields.map((f) => (f.name === 'headcount' ? { name: 'headcount', type: 'number', label: label('Headcount'), min: 0 } : f)) });

    const impact = await h.inject({ method: 'POST', url: `${defs}/impact` });
    expect(impact.statusCode, impact.body).toBe(200);
    expect(impact.json().fieldChanges).toEqual([
      { entity: 'company', field: 'headcount', from: 'text', to: 'number', records: 4, convertible: 3, failing: 1, samples: [{ recordId: ids[2], value: 'about 50', reason: '"about 50" is not a number' }] },
    ]);
    const res = await publish();
    expect(res.statusCode, res.body).toBe(201);
    const version = res.json().version;

    const after = await records().find({ _id: { $in: ids } }, { sort: { name: 1 } });
    expect(after.map((r) => r.headcount)).toEqual([120, 3000, null, 7]);
    expect(after.map((r) => r.version)).toEqual([2, 2, 2, 2]);
    const archive = await h.store.tenant('acme').collection('_fieldArchive').find({ field: 'headcount' }, { sort: { recordId: 1 } });
    expect(archive).toHaveLength(4);
    expect(archive.find((a) => a.recordId === ids[2])).toMatchObject({ value: 'about 50', converted: false, version, fromType: 'text', toType: 'number' });
    // The API now speaks numbers.
    const read = await h.inject({ method: 'GET', url: `/api/t/acme/records/company/${ids[1]}` });
    expect(read.json().headcount).toBe(3000);
  });

  it('converts select values to their label and text back to options by value or label', async () => {
    let entity = await company();
    await draft({ ...entity, fields: [...entity.fields, { name: 'tier', type: 'text', label: label('Tier') }] });
    expect((await publish()).statusCode).toBe(201);
    const a = (await h.inject({ method: 'POST', url: '/api/t/acme/records/company', payload: { name: 'Tier A', tier: '重要' } })).json();
    const b = (await h.inject({ method: 'POST', url: '/api/t/acme/records/company', payload: { name: 'Tier B', tier: 'normal' } })).json();
    entity = await company();
    const grading = entity.fields.find((f) => f.name === 'grading')!;
    await draft({ ...entity, fields: entity.fields.map((f) => (f.name === 'tier' ? { ...grading, name: 'tier', label: label('Tier') } : f)) });
    expect((await publish()).statusCode).toBe(201);
    expect((await records().findOne({ _id: a.id }))!.tier).toBe('important');
    expect((await records().findOne({ _id: b.id }))!.tier).toBe('normal');
  });

  it('refuses a change its values cannot survive, at the field', async () => {
    const entity = await company();
    const index = entity.fields.findIndex((f) => f.name === 'founded');
    await draft({ ...entity, fields: entity.fields.map((f) => (f.name === 'founded' ? { name: 'founded', type: 'lookup', target: 'company', label: label('Founded') } : f)) });
    const res = await publish();
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toContainEqual({ path: `/entity/company/fields/${index}/type`, message: expect.stringMatching(/cannot change from date to lookup/) });
    await h.inject({ method: 'DELETE', url: `${defs}/entity/company/draft` });
  });
});

describe('archived fields', () => {
  it('keep their data out of sight and bring it back when restored', async () => {
    const created = (await h.inject({ method: 'POST', url: '/api/t/acme/records/company', payload: { name: 'Archivable', website: 'https://keep.example' } })).json();
    let entity = await company();
    await draft({ ...entity, fields: entity.fields.map((f) => (f.name === 'website' ? { ...f, archived: true } : f)) });
    expect((await publish()).statusCode).toBe(201);
    const hidden = (await h.inject({ method: 'GET', url: `/api/t/acme/records/company/${created.id}` })).json();
    expect(hidden.website).toBeUndefined();
    // An edit while archived does not touch the kept value.
    expect((await h.inject({ method: 'PATCH', url: `/api/t/acme/records/company/${created.id}`, payload: { revenue: 5, version: hidden.version } })).statusCode).toBe(200);
    expect((await records().findOne({ _id: created.id }))!.website).toBe('https://keep.example');
    entity = await company();
    await draft({ ...entity, fields: entity.fields.map((f) => (f.name === 'website' ? { ...f, archived: false } : f)) });
    expect((await publish()).statusCode).toBe(201);
    expect((await h.inject({ method: 'GET', url: `/api/t/acme/records/company/${created.id}` })).json().website).toBe('https://keep.example');
  });
});

describe('rollback', () => {
  it('publishes an old version as a new one, keeping fields added since as archived with their data', async () => {
    const base = await latest();
    let entity = await company();
    await draft({ ...entity, fields: [...entity.fields, { name: 'motto', type: 'text', label: label('Motto') }] });
    expect((await publish()).statusCode).toBe(201);
    const rec = (await h.inject({ method: 'POST', url: '/api/t/acme/records/company', payload: { name: 'Motto Co', motto: 'Carpe diem' } })).json();
    // An unrelated draft in progress survives the rollback.
    entity = await company();
    await draft({ ...entity, label: label('Firm') });

    const stale = await h.inject({ method: 'POST', url: `${defs}/rollback`, payload: { version: base, expectedBase: base } });
    expect(stale.statusCode).toBe(409);
    const res = await h.inject({ method: 'POST', url: `${defs}/rollback`, payload: { version: base, expectedBase: base + 1 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: base + 2, rolledBackTo: base });
    const published = (await h.inject({ method: 'GET', url: defs })).json();
    const motto = published.published.find((d: { name: string }) => d.name === 'company').fields.find((f: Field) => f.name === 'motto');
    expect(motto).toMatchObject({ archived: true });
    expect((await records().findOne({ _id: rec.id }))!.motto).toBe('Carpe diem');
    expect(published.drafts.map((d: { name: string }) => d.name)).toContain('company');
    const versions = (await h.inject({ method: 'GET', url: `${defs}/versions` })).json().items;
    expect(versions.find((v: { version: number }) => v.version === base + 2).message).toBe(`rollback to version ${base}`);
  });

  it('refuses bad requests', async () => {
    expect((await h.inject({ method: 'POST', url: `${defs}/rollback`, payload: { version: 9999 } })).statusCode).toBe(404);
    expect((await h.inject({ method: 'POST', url: `${defs}/rollback`, payload: { version: 'one' } })).statusCode).toBe(400);
    expect((await h.inject({ method: 'POST', url: `${defs}/rollback`, payload: { version: 1, force: true } })).statusCode).toBe(400);
    expect((await h.inject({ method: 'POST', url: `${defs}/rollback`, payload: { version: 1 } }, 'mgr')).statusCode).toBe(403);
  });
});
