/**
 * Auto-numbers from a per-field counter document, advanced with a conditional
 * update (compare-and-set) so concurrent saves — in one process or many — never
 * share a number.
 */
import type { FieldOf } from '../../schemas/index.js';
import { DuplicateKeyError, type TenantStore } from '../store/port.js';
import { localParts } from '../time.js';

const COUNTERS = '_counters';

async function nextValue(store: TenantStore, key: string, start: number): Promise<number> {
  const counters = store.collection(COUNTERS);
  for (let attempt = 0; attempt < 100; attempt++) {
    const doc = await counters.findOne({ _id: key });
    if (!doc) {
      try {
        await counters.insertOne({ _id: key, seq: start });
        return start;
      } catch (e) {
        if (e instanceof DuplicateKeyError) continue;
        throw e;
      }
    }
    const seq = (doc.seq as number) + 1;
    const { matchedCount } = await counters.updateOne({ _id: key, seq: doc.seq }, { $set: { seq } });
    if (matchedCount === 1) return seq;
  }
  throw new Error(`auto-number counter ${key} is too contended`);
}

/** Renders e.g. `Q-{YYYY}{MM}-{0000}` with date tokens in the tenant's time zone. */
export function formatAutoNumber(format: string, seq: number, now: Date, timeZone: string): string {
  const { year, month, day } = localParts(now, timeZone);
  return format
    .replace(/\{YYYY\}/g, year)
    .replace(/\{YY\}/g, year.slice(2))
    .replace(/\{MM\}/g, month)
    .replace(/\{DD\}/g, day)
    .replace(/\{(0+)\}/g, (_m, zeros: string) => String(seq).padStart(zeros.length, '0'));
}

export async function assignAutoNumbers(
  store: TenantStore,
  entity: string,
  fields: readonly FieldOf<'autoNumber'>[],
  record: Record<string, unknown>,
  ctx: { now: Date; timeZone: string },
): Promise<void> {
  for (const field of fields) {
    const seq = await nextValue(store, `${entity}.${field.name}`, field.start ?? 1);
    record[field.name] = formatAutoNumber(field.format, seq, ctx.now, ctx.timeZone);
  }
}
