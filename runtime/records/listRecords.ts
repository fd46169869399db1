/** List queries: a checked filter, a checked sort, one page, the total, and titles of looked-up records. */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { badRequest, notFound } from '../errors.js';
import type { Filter, SortSpec } from '../store/port.js';
import { requireEntity, type RecordContext } from './context.js';
import { guardFilter } from './filterGuard.js';
import { findForAction, hiddenFields, scoped, stripHidden } from './access.js';
import { RuntimeError } from '../errors.js';
import { toApiRecord, type ApiRecord } from './storedForm.js';

export interface ListQuery {
  filter?: unknown;
  /** Comma-separated fields, `-` for descending: `-closeDate,name`. */
  sort?: string;
  page?: number;
  pageSize?: number;
  /** Text to find in the title field. */
  q?: string;
}

export interface ListResult {
  items: ApiRecord[];
  total: number;
  page: number;
  pageSize: number;
  /** Titles of the records that lookup fields of the items point at: entity → id → title. */
  refs: Record<string, Record<string, string>>;
}

export const MAX_PAGE_SIZE = 200;
const SORTABLE_SYSTEM = new Set(['id', 'createdAt', 'updatedAt', 'owner', 'version']);

export function parseSort(entity: CompiledEntity, sort: string | undefined, hidden: ReadonlySet<string> = new Set()): SortSpec {
  const spec: SortSpec = {};
  for (const part of (sort ?? '-updatedAt').split(',').map((s) => s.trim()).filter(Boolean)) {
    const descending = part.startsWith('-');
    const field = descending ? part.slice(1) : part;
    if ((!entity.fields.has(field) && !SORTABLE_SYSTEM.has(field)) || hidden.has(field)) {
      throw badRequest('INVALID_SORT', `cannot sort by "${field}"`, [{ path: '/sort', message: `"${field}" is not a field of ${entity.name}` }]);
    }
    spec[field === 'id' ? '_id' : field] = descending ? -1 : 1;
  }
  if (!('_id' in spec)) spec._id = 1; // a stable order makes pages disjoint
  return spec;
}

function pageNumber(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw badRequest('INVALID_PAGE', `${name} must be an integer from 1 to ${max}`, [{ path: `/${name}`, message: `must be an integer from 1 to ${max}` }]);
  }
  return n;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function lookupTitles(ctx: RecordContext, entity: CompiledEntity, items: ApiRecord[]): Promise<ListResult['refs']> {
  const refs: ListResult['refs'] = {};
  for (const field of entity.lookups) {
    const ids = [...new Set(items.map((r) => r[field.name]).filter((v): v is string => typeof v === 'string'))];
    if (!ids.length) continue;
    const target = ctx.app.entities.get(field.target)!;
    if (hiddenFields(ctx, target).has(target.titleField)) continue;
    let filter;
    try {
      filter = await scoped(ctx, target, 'read', { _id: { $in: ids } });
    } catch (e) {
      if (e instanceof RuntimeError && e.kind === 'forbidden') continue; // titles of records the user cannot read stay unknown
      throw e;
    }
    const docs = await ctx.store.collection(target.collection).find(filter, { projection: { [target.titleField]: 1 } });
    const titles = (refs[target.name] ??= {});
    for (const doc of docs) titles[String(doc._id)] = String(doc[target.titleField] ?? doc._id);
  }
  return refs;
}

export async function listRecords(ctx: RecordContext, entityName: string, query: ListQuery): Promise<ListResult> {
  const entity = requireEntity(ctx, entityName);
  const page = pageNumber(query.page, 'page', 1, 1_000_000);
  const pageSize = pageNumber(query.pageSize, 'pageSize', 20, MAX_PAGE_SIZE);
  const hidden = hiddenFields(ctx, entity);
  const sort = parseSort(entity, query.sort, hidden);
  const clauses: Filter[] = [];
  if (query.filter !== undefined && query.filter !== '') clauses.push(guardFilter(entity, query.filter, hidden));
  if (query.q) {
    if (query.q.length > 100) throw badRequest('INVALID_QUERY', 'q is too long', [{ path: '/q', message: 'must be at most 100 characters' }]);
    if (hidden.has(entity.titleField)) throw badRequest('INVALID_QUERY', 'the title of this entity is hidden from your role, so it cannot be searched', [{ path: '/q', message: 'searches a hidden field' }]);
    clauses.push({ [entity.titleField]: { $regex: escapeRegex(query.q), $options: 'i' } });
  }
  const filter = await scoped(ctx, entity, 'read', clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0] : { $and: clauses });
  const collection = ctx.store.collection(entity.collection);
  const [docs, total] = await Promise.all([
    collection.find(filter, { sort, skip: (page - 1) * pageSize, limit: pageSize }),
    collection.count(filter),
  ]);
  const items = docs.map((d) => stripHidden(toApiRecord(entity, d), hidden));
  return { items, total, page, pageSize, refs: await lookupTitles(ctx, entity, items) };
}

export async function getRecord(ctx: RecordContext, entityName: string, id: string): Promise<ApiRecord> {
  const entity = requireEntity(ctx, entityName);
  const doc = await findForAction(ctx, entity, 'read', id);
  if (!doc) throw notFound(`no ${entity.name} with id "${id}"`);
  return stripHidden(toApiRecord(entity, doc), hiddenFields(ctx, entity));
}
