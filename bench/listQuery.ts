/**
 * (a) A list page as the app asks for it — stage and owner filter, sorted by
 * close date, page 3 of 50 — through `listRecords` (the real path: filter
 * guard, sort parse, store find + count, API shape, lookup titles), through
 * the store's find + count alone (the same calls listRecords issues), and as a
 * hand-written filter + sort over the same documents in a JS array.
 */
import { listRecords } from '../runtime/records/listRecords.js';
import type { RecordContext } from '../runtime/records/context.js';
import type { Collection, Doc } from '../runtime/store/port.js';
import { OWNERS, STAGES } from './generate.js';
import { check, fmtCount, fmtMs, fmtRatio, sideBySide, type RoundOptions, type SideResult } from './measure.js';
import { ENTITY } from './setup.js';

export const PAGE = 3;
export const PAGE_SIZE = 50;

/** Filters the rounds rotate through, the same on every side: stage × owner pairs. */
export function listCombos(count = 12): { stage: string; owner: string }[] {
  return Array.from({ length: count }, (_, i) => ({ stage: STAGES[i % STAGES.length].value, owner: OWNERS[(i * 7) % OWNERS.length] }));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The baseline: one pass to filter, Array.sort on (closeDate, _id), slice. */
export function jsList(docs: readonly Doc[], stage: string, owner: string, page: number, pageSize: number): { ids: string[]; total: number } {
  const hits: Doc[] = [];
  for (const d of docs) if (d.stage === stage && d.owner === owner) hits.push(d);
  hits.sort((a, b) => cmp(a.closeDate as string, b.closeDate as string) || cmp(a._id as string, b._id as string));
  const start = (page - 1) * pageSize;
  return { ids: hits.slice(start, start + pageSize).map((d) => d._id as string), total: hits.length };
}

export interface ListRow {
  size: number;
  results: SideResult[];
  matchesPerQuery: number;
  /** Filters whose page is not full at this size (small scale only). */
  shortPages: number;
}

export async function benchListQuery(ctx: RecordContext, collection: Collection, docs: readonly Doc[], opts: RoundOptions): Promise<ListRow> {
  const combos = listCombos();
  const skip = (PAGE - 1) * PAGE_SIZE;
  const viaRuntime = (c: { stage: string; owner: string }) =>
    listRecords(ctx, ENTITY, { filter: JSON.stringify(c), sort: 'closeDate', page: PAGE, pageSize: PAGE_SIZE });
  // What listRecords sends to the store for this query (parseSort adds the `_id` tie-break).
  const viaStore = async (c: { stage: string; owner: string }) => {
    const [found, total] = await Promise.all([collection.find(c, { sort: { closeDate: 1, _id: 1 }, skip, limit: PAGE_SIZE }), collection.count(c)]);
    return { ids: found.map((d) => String(d._id)), total };
  };

  // Same answers on every side, for every filter the rounds use.
  let matches = 0;
  let short = 0;
  for (const c of combos) {
    const want = jsList(docs, c.stage, c.owner, PAGE, PAGE_SIZE);
    const got = await viaRuntime(c);
    const raw = await viaStore(c);
    const label = `${fmtCount(docs.length)} ${JSON.stringify(c)}`;
    check(got.total === want.total, `${label}: listRecords total ${got.total}, JS ${want.total}`);
    check(raw.total === want.total, `${label}: store count ${raw.total}, JS ${want.total}`);
    check(got.items.map((r) => r.id).join() === want.ids.join(), `${label}: listRecords page differs from JS: ${got.items.map((r) => r.id).slice(0, 5).join()}… vs ${want.ids.slice(0, 5).join()}…`);
    check(raw.ids.join() === want.ids.join(), `${label}: store find page differs from JS`);
    matches += want.total;
    if (want.ids.length < PAGE_SIZE) short++;
  }

  const results = await sideBySide(
    [
      { name: 'listRecords', run: (r) => viaRuntime(combos[r % combos.length]) },
      { name: 'store find+count', run: (r) => viaStore(combos[r % combos.length]) },
      { name: 'JS filter+sort', run: (r) => { const c = combos[r % combos.length]; return jsList(docs, c.stage, c.owner, PAGE, PAGE_SIZE); } },
    ],
    opts,
  );
  return { size: docs.length, results, matchesPerQuery: Math.round(matches / combos.length), shortPages: short };
}

export function listRowCells(row: ListRow): string[] {
  const [rt, st, js] = row.results;
  return [
    `${fmtCount(row.size)} (≈${row.matchesPerQuery} match${row.shortPages ? `, ${row.shortPages}/${listCombos().length} pages short` : ''})`,
    String(rt.times.length),
    fmtMs(rt.median),
    fmtMs(st.median),
    fmtMs(js.median),
    fmtRatio(rt.median / js.median),
    fmtRatio(st.median / js.median),
  ];
}
