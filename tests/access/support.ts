/**
 * Small helpers shared by the access tests: creating records as a given user,
 * publishing definitions, reading CSV exports and the audit trail.
 */
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Harness, Person } from '../helpers/apiHarness.js';
import { AUDIT_COLLECTION } from '../../runtime/records/audit.js';
import { seededRandom } from '../../runtime/seededRandom.js';

export const label = { 'zh-CN': '测试', en: 'Test' };

export type Rec = Record<string, unknown> & { id: string; version: number };

export const recordsUrl = (tenant: string, entity: string, id?: string) => `/api/t/${tenant}/records/${entity}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

export const filterQs = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Creates a record through the API as `as` of `tenant`; fails the test when the API refuses. */
export async function create(h: Harness, tenant: string, as: Person, entity: string, body: Record<string, unknown>): Promise<Rec> {
  const res = await h.inject({ method: 'POST', url: recordsUrl(tenant, entity), payload: body }, as, tenant);
  expect(res.statusCode, `create ${entity} as ${as}@${tenant}: ${res.body}`).toBe(201);
  return res.json() as Rec;
}

/** The record as the tenant's administrator sees it now, or null when it is gone. */
export async function adminRead(h: Harness, tenant: string, entity: string, id: string): Promise<Rec | null> {
  const res = await h.inject({ method: 'GET', url: recordsUrl(tenant, entity, id) }, 'admin', tenant);
  if (res.statusCode === 404) return null;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Rec;
}

/** Saves definitions as drafts and publishes them, as the tenant's administrator. */
export async function publish(h: Harness, tenant: string, definitions: Record<string, unknown>[]): Promise<number> {
  for (const d of definitions) {
    const res = await h.inject({ method: 'PUT', url: `/api/t/${tenant}/definitions/${String(d.kind)}/${String(d.name)}`, payload: d }, 'admin', tenant);
    expect(res.statusCode, `draft ${String(d.kind)}:${String(d.name)}: ${res.body}`).toBe(200);
  }
  const res = await h.inject({ method: 'POST', url: `/api/t/${tenant}/definitions/publish`, payload: {} }, 'admin', tenant);
  expect(res.statusCode, `publish: ${res.body}`).toBe(201);
  return res.json().version as number;
}

/** The published definition of kind/name as the administrator reads it. */
export async function published(h: Harness, tenant: string, kind: string, name: string): Promise<Record<string, unknown>> {
  const res = await h.inject({ method: 'GET', url: `/api/t/${tenant}/definitions/${kind}/${name}` }, 'admin', tenant);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().published as Record<string, unknown>;
}

/** Parses the export's CSV (every cell quoted, CRLF lines, BOM first) into header and rows of objects. */
export function parseCsv(body: string): { header: string[]; rows: Record<string, string>[] } {
  const text = body.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    records.push(row);
  }
  const [header = [], ...rest] = records;
  return { header, rows: rest.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']))) };
}

/** Every audit entry of a tenant, straight from the store (the API has no route that lists them all). */
export async function auditEntries(h: Harness, tenant: string, filter: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  return h.store.tenant(tenant).collection(AUDIT_COLLECTION).find(filter, { sort: { at: 1 } });
}

/** The error shape of the HTTP contract, with the expected code. */
export function expectError(res: LightMyRequestResponse, status: number, code?: string): void {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(status);
  const body = res.json();
  expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) } });
  if (code) expect(body.error.code).toBe(code);
}

/** The shared seeded PRNG, so a fuzz run is the same every time. */
export const seeded = seededRandom;
