/**
 * (c) Sum of amount by owner and month in Asia/Shanghai, as a report would
 * compile it to MongoDB aggregation, against one hand-written pass over the
 * same documents in a JS array. Months are those of `createdAt` (a datetime,
 * stored as a Date) on the Shanghai wall clock: records created on the last
 * day of a month after 16:00Z belong to the next month.
 */
import type { Collection, Doc, Pipeline } from '../runtime/store/port.js';
import { check, fmtMs, fmtRatio, sideBySide, type RoundOptions, type SideResult } from './measure.js';
import { TIME_ZONE } from './setup.js';

type Totals = Map<string, { total: number; count: number }>;

/** Group key `owner|YYYY-MM`, month of the Shanghai wall clock. */
const key = (owner: unknown, month: string) => `${String(owner)}|${month}`;

const groupBy = (month: unknown): Pipeline => [
  { $group: { _id: { owner: '$owner', month }, total: { $sum: '$amount' }, count: { $sum: 1 } } },
];

/** The report as it would be compiled, plus a diagnostic variant that names the zone by its fixed offset. */
export const VARIANTS = {
  '$dateToString Asia/Shanghai': groupBy({ $dateToString: { format: '%Y-%m', date: '$createdAt', timezone: TIME_ZONE } }),
  '$dateTrunc Asia/Shanghai': groupBy({ $dateTrunc: { date: '$createdAt', unit: 'month', timezone: TIME_ZONE } }),
  '$dateToString +08:00 (diagnostic)': groupBy({ $dateToString: { format: '%Y-%m', date: '$createdAt', timezone: '+08:00' } }),
} satisfies Record<string, Pipeline>;
export type Variant = keyof typeof VARIANTS;

/** Asia/Shanghai has been UTC+8 all year since 1991. */
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** The baseline: one loop, month from a fixed +8h shift, totals in a Map. */
export function jsTotals(docs: readonly Doc[]): Totals {
  const out: Totals = new Map();
  for (const d of docs) {
    const local = new Date((d.createdAt as Date).getTime() + SHANGHAI_OFFSET);
    const m = local.getUTCMonth() + 1;
    const k = `${String(d.owner)}|${local.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}`;
    let t = out.get(k);
    if (!t) out.set(k, (t = { total: 0, count: 0 }));
    if (typeof d.amount === 'number') t.total += d.amount;
    t.count++;
  }
  return out;
}

/** The store's groups as `owner|YYYY-MM` totals; a `$dateTrunc` bucket must be the instant the Shanghai month starts. */
function storeTotals(rows: Doc[], variant: Variant): Totals {
  const out: Totals = new Map();
  for (const row of rows) {
    const id = row._id as { owner: unknown; month: unknown };
    let month: string;
    if (variant.startsWith('$dateTrunc')) {
      check(id.month instanceof Date, `${variant}: group key month is ${JSON.stringify(id.month)}, not a Date`);
      const local = new Date(id.month.getTime() + SHANGHAI_OFFSET);
      month = local.toISOString().slice(0, 7);
      check(
        id.month.getTime() === Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - SHANGHAI_OFFSET,
        `${variant}: month bucket ${id.month.toISOString()} is not the start of a month in ${TIME_ZONE} (expected ${new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - SHANGHAI_OFFSET).toISOString()})`,
      );
    } else {
      check(typeof id.month === 'string', `${variant}: group key month is ${JSON.stringify(id.month)}, not a string`);
      month = id.month;
    }
    const k = key(id.owner, month);
    check(!out.has(k), `${variant}: group ${k} appears twice`);
    out.set(k, { total: row.total as number, count: row.count as number });
  }
  return out;
}

const cents = (n: number) => Math.round(n * 100);

/** Same groups, same counts, same totals to the cent — or a loud failure naming the first differences. */
export function compareTotals(variant: string, got: Totals, want: Totals): void {
  const problems: string[] = [];
  for (const [k, w] of want) {
    const g = got.get(k);
    if (!g) problems.push(`missing group ${k} (JS: ${w.count} records, ${w.total.toFixed(2)})`);
    else if (g.count !== w.count || cents(g.total) !== cents(w.total)) {
      problems.push(`group ${k}: store ${g.count} records / ${g.total.toFixed(2)}, JS ${w.count} / ${w.total.toFixed(2)}`);
    }
  }
  for (const k of got.keys()) if (!want.has(k)) problems.push(`extra group ${k} (store: ${got.get(k)!.count} records)`);
  check(problems.length === 0, `${variant} totals differ from the JS loop in ${problems.length} group(s):\n  ${problems.slice(0, 10).join('\n  ')}`);
}

export interface AggregateRow {
  variant: string;
  groups: number;
  results: SideResult[];
}

export async function benchAggregate(collection: Collection, docs: readonly Doc[], variant: Variant, opts: RoundOptions): Promise<AggregateRow> {
  const pipeline = VARIANTS[variant];
  const want = jsTotals(docs);
  let last: Doc[] = [];
  const results = await sideBySide(
    [
      { name: `store aggregate (${variant})`, run: async () => (last = await collection.aggregate(pipeline)) },
      { name: 'JS loop', run: () => jsTotals(docs) },
    ],
    opts,
  );
  // The answer of the last measured round, checked outside the timing.
  compareTotals(variant, storeTotals(last, variant), want);
  return { variant, groups: want.size, results };
}

export function aggregateRowCells(row: AggregateRow, size: string): string[] {
  const [st, js] = row.results;
  return [`${size}, ${row.variant}`, String(row.groups), String(st.times.length), fmtMs(st.median), fmtMs(js.median), fmtRatio(st.median / js.median)];
}
