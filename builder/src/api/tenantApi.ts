/** The records API of one tenant, as the pages use it. */
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { MongoFilter } from '../../../schemas/filter.js';
import type { LookupOption, RecordData, RecordPage, RecordRefs, SearchLookup } from '../../../runtime/ui/types.js';
import { request } from './http.js';
import type { AppManifest } from './types.js';

export interface ListParams {
  filter?: MongoFilter;
  sort?: string;
  page?: number;
  pageSize?: number;
  q?: string;
}

export interface TenantApi {
  manifest(): Promise<AppManifest>;
  list(entity: string, params: ListParams): Promise<RecordPage>;
  get(entity: string, id: string): Promise<RecordData>;
  create(entity: string, values: Record<string, unknown>): Promise<RecordData>;
  update(entity: string, id: string, changes: Record<string, unknown>, version: number): Promise<RecordData>;
  remove(entity: string, id: string, version: number): Promise<void>;
  searchLookup: SearchLookup;
  /** Titles of the records a record's lookup fields point at, for showing it. */
  refsOf(entity: EntityDefinition, record: RecordData): Promise<RecordRefs>;
}

const LOOKUP_PAGE = 20;

export function tenantApi(tenant: string, entities: () => readonly EntityDefinition[]): TenantApi {
  const base = `/api/t/${encodeURIComponent(tenant)}`;
  const records = (entity: string) => `${base}/records/${encodeURIComponent(entity)}`;
  const entityNamed = (name: string) => entities().find((e) => e.name === name);

  const list: TenantApi['list'] = (entity, params) => {
    const qs = new URLSearchParams();
    if (params.filter) qs.set('filter', JSON.stringify(params.filter));
    if (params.sort) qs.set('sort', params.sort);
    if (params.page) qs.set('page', String(params.page));
    if (params.pageSize) qs.set('pageSize', String(params.pageSize));
    if (params.q) qs.set('q', params.q);
    return request('GET', `${records(entity)}?${qs}`);
  };

  return {
    manifest: () => request('GET', `${base}/app`),
    list,
    get: (entity, id) => request('GET', `${records(entity)}/${encodeURIComponent(id)}`),
    create: (entity, values) => request('POST', records(entity), values),
    update: (entity, id, changes, version) => request('PATCH', `${records(entity)}/${encodeURIComponent(id)}`, { ...changes, version }),
    remove: (entity, id, version) => request('DELETE', `${records(entity)}/${encodeURIComponent(id)}?version=${version}`),

    async searchLookup(entity, q): Promise<LookupOption[]> {
      const target = entityNamed(entity);
      const page = await list(entity, { q: q || undefined, pageSize: LOOKUP_PAGE, sort: target ? target.titleField : undefined });
      const titleField = target?.titleField ?? 'name';
      return page.items.map((r) => ({ value: String(r.id), label: String(r[titleField] ?? r.id) }));
    },

    async refsOf(entity, record) {
      // One list call per target entity, with all ids of that entity at once.
      const byTarget = new Map<string, Set<string>>();
      for (const field of entity.fields) {
        const value = record[field.name];
        if (field.type !== 'lookup' || field.archived || typeof value !== 'string' || !value) continue;
        (byTarget.get(field.target) ?? byTarget.set(field.target, new Set()).get(field.target)!).add(value);
      }
      const refs: RecordRefs = {};
      await Promise.all([...byTarget].map(async ([target, ids]) => {
        const titleField = entityNamed(target)?.titleField ?? 'name';
        const page = await list(target, { filter: { id: { $in: [...ids] } }, pageSize: ids.size });
        refs[target] = Object.fromEntries(page.items.map((r) => [String(r.id), String(r[titleField] ?? r.id)]));
      }));
      return refs;
    },
  };
}
