/**
 * Installs a template into a tenant: publishes its definitions as a new
 * version, then loads its sample data through the same save pipeline as
 * every other channel, parents before children.
 */
import type { EntityDefinition } from '../../schemas/index.js';
import type { CompiledApp } from '../definitions/compiledTypes.js';
import { invalid } from '../errors.js';
import { createRecord } from '../records/savePipeline.js';
import type { RecordContext } from '../records/context.js';
import { recomputeRollups } from '../records/rollups.js';
import type { TemplatePackage } from './loadPackage.js';
import { addDays, localDate } from '../time.js';

/** Entities ordered so that lookup targets load before the records pointing at them. */
export function loadOrder(entities: readonly EntityDefinition[]): string[] {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name) || visiting.has(name) || !byName.has(name)) return;
    visiting.add(name);
    for (const f of byName.get(name)!.fields) if (f.type === 'lookup' && f.target !== name) visit(f.target);
    visiting.delete(name);
    order.push(name);
  };
  for (const e of entities) visit(e.name);
  return order;
}

const CONCURRENCY = 16;
const DAY_MS = 86_400_000;

/** Moves a sample record's dates by `days`, so data written "as of" one day reads as of the install day. */
export function shiftDates(entity: EntityDefinition, record: Record<string, unknown>, days: number): Record<string, unknown> {
  if (days === 0) return record;
  const out = { ...record };
  for (const field of entity.fields) {
    const value = out[field.name];
    if (typeof value !== 'string') continue;
    if (field.type === 'date') out[field.name] = addDays(value, days);
    else if (field.type === 'datetime') out[field.name] = new Date(Date.parse(value) + days * DAY_MS).toISOString();
  }
  return out;
}

export async function installSampleData(ctx: RecordContext, pkg: TemplatePackage, opts: { owner?: string } = {}): Promise<Record<string, number>> {
  const app: CompiledApp = ctx.app;
  const counts: Record<string, number> = {};
  const byEntity = new Map(pkg.sampleData.map((s) => [s.entity, s.records]));
  const asOf = pkg.manifest.sampleDataAsOf;
  const today = localDate(ctx.now?.() ?? new Date(), ctx.tenant.timeZone);
  const shift = asOf ? Math.round((Date.parse(today) - Date.parse(asOf)) / DAY_MS) : 0;
  for (const name of loadOrder([...app.entities.values()].map((e) => e.definition))) {
    const records = byEntity.get(name);
    if (!records) continue;
    const definition = app.entities.get(name)!.definition;
    for (let i = 0; i < records.length; i += CONCURRENCY) {
      await Promise.all(
        records.slice(i, i + CONCURRENCY).map(async (record, j) => {
          const { id, ...fields } = record;
          if (typeof id !== 'string') throw invalid('every sample record needs a string id', [{ path: `${name}/${i + j}/id`, message: 'is required' }]);
          if (opts.owner && definition.hasOwner) fields.owner = opts.owner;
          const owner = typeof fields.owner === 'string' ? fields.owner : ctx.user;
          await createRecord({ ...ctx, user: owner }, name, shiftDates(definition, fields, shift), { id });
        }),
      );
    }
    counts[name] = records.length;
  }
  // Children were loaded concurrently, so settle every roll-up once, in order.
  const clock = { now: ctx.now?.() ?? new Date(), timeZone: ctx.tenant.timeZone };
  for (const entity of app.entities.values()) {
    if (!entity.dependentRollups.length) continue;
    for (const { field } of entity.dependentRollups) {
      const children = await ctx.store.collection(entity.collection).find({ [field.childLookup]: { $ne: null } }, { projection: { [field.childLookup]: 1 } });
      const seen = new Set<string>();
      for (const child of children) {
        const parentId = child[field.childLookup] as string;
        if (seen.has(parentId)) continue;
        seen.add(parentId);
        await recomputeRollups(ctx.store, app, entity, child, null, clock);
      }
    }
  }
  return counts;
}
