/** CSV export of a filtered list, under the user's export scope, without fields hidden from them. */
import { parseSort } from './listRecords.js';
import { guardFilter } from './filterGuard.js';
import { hiddenFields, scoped } from './access.js';
import { requireEntity, type RecordContext } from './context.js';
import { toApiRecord } from './storedForm.js';

export const MAX_EXPORT_ROWS = 50_000;

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join(';') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // Quote always; neutralise spreadsheet formulas (CSV injection).
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

export async function exportRecords(ctx: RecordContext, entityName: string, query: { filter?: unknown; sort?: string }): Promise<string> {
  const entity = requireEntity(ctx, entityName);
  const hidden = hiddenFields(ctx, entity);
  const base = query.filter !== undefined && query.filter !== '' ? guardFilter(entity, query.filter, hidden) : {};
  const filter = await scoped(ctx, entity, 'export', base);
  const docs = await ctx.store.collection(entity.collection).find(filter, { sort: parseSort(entity, query.sort, hidden), limit: MAX_EXPORT_ROWS });
  const columns = ['id', ...[...entity.fields.keys()].filter((f) => !hidden.has(f)), ...(entity.definition.hasOwner ? ['owner'] : []), 'createdAt', 'updatedAt'];
  const lines = [columns.map(cell).join(',')];
  for (const doc of docs) {
    const record = toApiRecord(entity, doc) as Record<string, unknown>;
    lines.push(columns.map((c) => cell(record[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`; // BOM so spreadsheet apps read the Chinese text as UTF-8
}
