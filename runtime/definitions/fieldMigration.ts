/**
 * Field type changes between two definition sets: their impact on stored
 * records (how many convert cleanly, which do not and why), and the migration
 * run when such a version is published. Nothing is lost: every value a
 * migration changes or cannot convert is kept in `_fieldArchive` with the
 * version, and a value that cannot convert is cleared in the record only after
 * its copy is written in the same batch.
 */
import type { EntityDefinition, FieldDefinition } from '../../schemas/index.js';
import type { Doc, TenantStore } from '../store/port.js';
import type { StoredDefinition } from './compileApp.js';
import { recordCollection } from './compiledTypes.js';
import { convertValue, type ConversionContext } from './fieldConversion.js';

export const FIELD_ARCHIVE = '_fieldArchive';
const PAGE = 500;

export interface FieldTypeChange {
  entity: string;
  field: string;
  from: FieldDefinition;
  to: FieldDefinition;
}

export interface FieldChangeImpact {
  entity: string;
  field: string;
  from: string;
  to: string;
  /** Records holding a value. */
  records: number;
  convertible: number;
  failing: number;
  samples: { recordId: string; value: unknown; reason: string }[];
}

const entities = (set: readonly StoredDefinition[]) =>
  new Map(set.filter((d) => d.kind === 'entity').map((d) => [d.name, d as unknown as EntityDefinition]));

export function fieldTypeChanges(before: readonly StoredDefinition[], after: readonly StoredDefinition[]): FieldTypeChange[] {
  const old = entities(before);
  const changes: FieldTypeChange[] = [];
  for (const entity of entities(after).values()) {
    const prev = old.get(entity.name);
    for (const to of entity.fields) {
      const from = prev?.fields.find((f) => f.name === to.name);
      if (from && from.type !== to.type) changes.push({ entity: entity.name, field: to.name, from, to });
    }
  }
  return changes;
}

async function eachValue(store: TenantStore, change: FieldTypeChange, visit: (page: Doc[]) => Promise<void>): Promise<void> {
  const records = store.collection(recordCollection(change.entity));
  const filter = { [change.field]: { $exists: true, $ne: null } };
  // Paged by _id so a migration that rewrites the page does not shift the next one.
  let after: string | null = null;
  for (;;) {
    const page = await records.find(after === null ? filter : { ...filter, _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE });
    if (page.length === 0) return;
    await visit(page);
    after = String(page.at(-1)!._id);
  }
}

export async function fieldChangeImpact(store: TenantStore, changes: readonly FieldTypeChange[], ctx: ConversionContext, sampleLimit = 5): Promise<FieldChangeImpact[]> {
  const out: FieldChangeImpact[] = [];
  for (const change of changes) {
    const impact: FieldChangeImpact = { entity: change.entity, field: change.field, from: change.from.type, to: change.to.type, records: 0, convertible: 0, failing: 0, samples: [] };
    await eachValue(store, change, async (page) => {
      for (const doc of page) {
        impact.records++;
        const result = convertValue(change.from, change.to, doc[change.field], ctx);
        if (result.ok) impact.convertible++;
        else {
          impact.failing++;
          if (impact.samples.length < sampleLimit) impact.samples.push({ recordId: String(doc._id), value: doc[change.field], reason: result.reason });
        }
      }
    });
    out.push(impact);
  }
  return out;
}

/** Converts the stored values of changed fields; returns per field how many were converted and how many archived and cleared. */
export async function migrateFieldTypes(
  store: TenantStore, changes: readonly FieldTypeChange[], version: number, ctx: ConversionContext, now = new Date(),
): Promise<{ entity: string; field: string; converted: number; cleared: number }[]> {
  const out = [];
  for (const change of changes) {
    let converted = 0;
    let cleared = 0;
    const collection = recordCollection(change.entity);
    await eachValue(store, change, async (page) => {
      const ops = [];
      for (const doc of page) {
        const result = convertValue(change.from, change.to, doc[change.field], ctx);
        ops.push({
          op: 'insert' as const, collection: FIELD_ARCHIVE,
          doc: { entity: change.entity, recordId: String(doc._id), field: change.field, version, fromType: change.from.type, toType: change.to.type, value: doc[change.field], converted: result.ok, ...(result.ok ? {} : { reason: result.reason }), at: now },
        });
        ops.push({ op: 'update' as const, collection, filter: { _id: doc._id }, update: { $set: { [change.field]: result.ok ? result.value : null, updatedAt: now }, $inc: { version: 1 } } });
        if (result.ok) converted++;
        else cleared++;
      }
      await store.batch(ops);
    });
    out.push({ entity: change.entity, field: change.field, converted, cleared });
  }
  return out;
}
