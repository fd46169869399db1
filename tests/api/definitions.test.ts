import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sampleData: false });
});
afterAll(async () => h?.close());

const defs = '/api/t/acme/definitions';
const label = { 'zh-CN': '测试', en: 'Test' };

async function publishedEntity(name: string) {
  return (await h.inject({ method: 'GET', url: `${defs}/entity/${name}` })).json().published;
}

describe('definitions API', () => {
  it('lists the published set with its version', async () => {
    const res = await h.inject({ method: 'GET', url: defs });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(1);
    expect(res.json().published.map((d: { name: string }) => d.name)).toContain('deal');
  });

  it('refuses an invalid draft with the path of the fault and stores nothing', async () => {
    const res = await h.inject({
      method: 'PUT',
      url: `${defs}/entity/ticket`,
      payload: { kind: 'entity', name: 'ticket', label, schemaVersion: 1, titleField: 'subject', fields: [{ name: 'subject', type: 'text', label }, { name: 'level', type: 'select', label }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toContainEqual({ path: '/fields/1/options', message: 'is required' });
    expect((await h.inject({ method: 'GET', url: defs })).json().drafts).toEqual([]);
  });

  it('refuses at publish what only the whole set shows, pointing at the definition', async () => {
    const entity = await publishedEntity('company');
    const form = {
      kind: 'form', name: 'companyForm', label, schemaVersion: 1, entity: 'company',
      sections: [{ id: 'a', label, fields: [{ field: 'name' }, { field: 'nickname' }] }],
    };
    expect((await h.inject({ method: 'PUT', url: `${defs}/form/companyForm`, payload: form })).statusCode).toBe(200);
    const res = await h.inject({ method: 'POST', url: `${defs}/publish`, payload: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toContainEqual({ path: '/form/companyForm/sections/0/fields/1/field', message: 'no active field "nickname" on company' });
    const validate = await h.inject({ method: 'POST', url: `${defs}/validate` });
    expect(validate.json().issues).toHaveLength(1);
    expect((await h.inject({ method: 'GET', url: defs })).json().version).toBe(1);
    await h.inject({ method: 'DELETE', url: `${defs}/form/companyForm/draft` });
    expect(entity.name).toBe('company');
  });

  it('refuses a formula that does not compile', async () => {
    const entity = await publishedEntity('deal');
    const broken = { ...entity, fields: entity.fields.map((f: { name: string }) => (f.name === 'weighted' ? { ...f, expression: 'amount * nothing' } : f)) };
    await h.inject({ method: 'PUT', url: `${defs}/entity/deal`, payload: broken });
    const res = await h.inject({ method: 'POST', url: `${defs}/publish`, payload: {} });
    expect(res.statusCode).toBe(422);
    const index = entity.fields.findIndex((f: { name: string }) => f.name === 'weighted');
    expect(res.json().error.details[0].path).toBe(`/entity/deal/fields/${index}/expression`);
    await h.inject({ method: 'DELETE', url: `${defs}/entity/deal/draft` });
  });

  it('publishes a new immutable version, live at once, and refuses a stale publish', async () => {
    const entity = await publishedEntity('company');
    const changed = { ...entity, fields: [...entity.fields, { name: 'source', type: 'select', label, options: [{ value: 'web', label }, { value: 'expo', label }] }] };
    expect((await h.inject({ method: 'PUT', url: `${defs}/entity/company`, payload: changed })).statusCode).toBe(200);
    const res = await h.inject({ method: 'POST', url: `${defs}/publish`, payload: { expectedBase: 1, message: 'add source' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, changes: [{ kind: 'entity', name: 'company', change: 'changed' }] });
    const created = await h.inject({ method: 'POST', url: '/api/t/acme/records/company', payload: { name: 'New Co', source: 'expo' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().source).toBe('expo');

    await h.inject({ method: 'PUT', url: `${defs}/entity/company`, payload: { ...changed, label: { 'zh-CN': '企业', en: 'Enterprise' } } });
    const stale = await h.inject({ method: 'POST', url: `${defs}/publish`, payload: { expectedBase: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_DEFINITIONS');
    const v1 = await h.inject({ method: 'GET', url: `${defs}/versions/1` });
    expect(v1.json().definitions.find((d: { name: string }) => d.name === 'company').fields.some((f: { name: string }) => f.name === 'source')).toBe(false);
    await h.inject({ method: 'DELETE', url: `${defs}/entity/company/draft` });
  });

  it('refuses changes that would lose data: type changes its values cannot survive, and removed fields', async () => {
    const entity = await publishedEntity('company');
    const retyped = { ...entity, fields: entity.fields.map((f: { name: string }) => (f.name === 'website' ? { name: 'website', type: 'lookup', target: 'company', label } : f)) };
    await h.inject({ method: 'PUT', url: `${defs}/entity/company`, payload: retyped });
    const res = await h.inject({ method: 'POST', url: `${defs}/publish`, payload: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].message).toMatch(/from url to lookup/);
    const removed = { ...entity, fields: entity.fields.filter((f: { name: string }) => f.name !== 'email') };
    await h.inject({ method: 'PUT', url: `${defs}/entity/company`, payload: removed });
    const res2 = await h.inject({ method: 'POST', url: `${defs}/publish`, payload: {} });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().error.details[0].message).toMatch(/archive it instead/);
    await h.inject({ method: 'DELETE', url: `${defs}/entity/company/draft` });
  });

  it('refuses a definition whose name does not match the URL, or an unknown kind', async () => {
    const res = await h.inject({ method: 'PUT', url: `${defs}/entity/other`, payload: { kind: 'entity', name: 'company' } });
    expect(res.statusCode).toBe(400);
    expect((await h.inject({ method: 'PUT', url: `${defs}/gadget/x`, payload: {} })).statusCode).toBe(404);
  });

  it('generates the OpenAPI document from the published entities', async () => {
    const res = await h.inject({ method: 'GET', url: '/api/t/acme/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/t/acme/records/deal/{id}');
    expect(doc.components.schemas.DealInput.required).toEqual(['title', 'company']);
    expect(doc.components.schemas.Deal.properties.weighted.readOnly).toBe(true);
  });
});
