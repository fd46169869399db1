/**
 * Auto-numbers from a per-field counter (store/counter.ts), so concurrent
 * saves — in one process or many — never share a number.
 */
import type { FieldOf } from '../../schemas/index.js';
import type { TenantStore } from '../store/port.js';
import { nextCounterValue } from '../store/counter.js';
import { localParts } from '../time.js';

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
    const seq = await nextCounterValue(store, `${entity}.${field.name}`, field.start ?? 1);
    record[field.name] = formatAutoNumber(field.format, seq, ctx.now, ctx.timeZone);
  }
}
