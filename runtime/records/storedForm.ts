/**
 * The two shapes of a record: as the API speaks it (`id`, ISO strings) and as
 * the store keeps it (`_id`, Date for datetimes so aggregations can bucket them).
 */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import type { Doc } from '../store/port.js';

export interface ApiRecord {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  owner?: string | null;
  [field: string]: unknown;
}

const toIso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Field values as the store keeps them. */
export function toStoredValues(entity: CompiledEntity, values: Record<string, unknown>): Doc {
  const out: Doc = {};
  for (const [name, value] of Object.entries(values)) {
    const field = entity.fields.get(name);
    out[name] = field?.type === 'datetime' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
}

/** The active fields (and owner) of a stored record, as the validator and formulas see them. */
export function fieldValues(entity: CompiledEntity, doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of entity.fields.keys()) {
    if (doc[name] !== undefined) out[name] = toIso(doc[name]);
  }
  if (entity.definition.hasOwner) out.owner = doc.owner ?? null;
  return out;
}

export function toApiRecord(entity: CompiledEntity, doc: Doc): ApiRecord {
  return {
    id: String(doc._id),
    version: doc.version as number,
    createdAt: toIso(doc.createdAt) as string,
    updatedAt: toIso(doc.updatedAt) as string,
    createdBy: (doc.createdBy as string | null) ?? null,
    updatedBy: (doc.updatedBy as string | null) ?? null,
    ...fieldValues(entity, doc),
  };
}
