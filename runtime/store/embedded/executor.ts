import type { Database } from 'lmdb';
import type { Collation, Doc, SortSpec } from '../port.js';
import { codePointCompare, sortComparator, type Keyed } from './compare.js';
import { TopK } from './heap.js';
import { sortPathValues } from './keys.js';
import { type Dbs, type Key, type Namespace, docKey, docRange } from './layout.js';
import type { Plan } from './planner.js';

/** What one query did; `docsExamined` is the number of documents read and tested. */
export interface QueryStats {
  plan: string;
  index?: string;
  keysExamined: number;
  docsExamined: number;
  returned: number;
}

export interface ExecRequest {
  plan: Plan;
  test: (doc: Doc) => boolean;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  collation?: Collation;
  /** Where documents are read from: `dbs.docs` unless given (the projecting handle for compiled $group). */
  docs?: Database<Doc, Key>;
}

const newStats = (plan: Plan): QueryStats => ({
  plan: plan.kind,
  index: plan.index?.name,
  keysExamined: 0,
  docsExamined: 0,
  returned: 0,
});

/**
 * Yields documents in plan order. For ordered index walks, entries whose
 * sort-relevant key parts are equal form a run; a run is emitted in `_id`
 * order of the requested direction (so every plan breaks ties the same way),
 * and runs holding truncated strings are sorted on the full values.
 */
function* source(dbs: Dbs, ns: Namespace, req: ExecRequest, stats: QueryStats): Generator<Doc> {
  const { plan } = req;
  const docs = req.docs ?? dbs.docs;
  const fetch = (id: string): Doc | undefined => {
    const doc = docs.get(docKey(ns, id));
    if (doc) stats.docsExamined++;
    return doc;
  };
  if (plan.kind === 'ids') {
    for (const id of plan.ids!) {
      const d = fetch(id);
      if (d) yield d;
    }
    return;
  }
  if (plan.kind === 'primary' || plan.kind === 'scan') {
    const r = docRange(ns);
    for (const { value } of docs.getRange(plan.reverse ? { start: r.end, end: r.start, reverse: true } : r)) {
      stats.docsExamined++;
      yield value;
    }
    return;
  }
  const seen = plan.dedupe ? new Set<string>() : undefined;
  const runParts = 3 + plan.runFields * 3; // tenant, collection, index name, then 3 parts per field
  const sorted = plan.ordered && req.sort && Object.keys(req.sort).length > 0;
  let run: Key[] = [];
  const flush = function* (): Generator<Doc> {
    if (run.length === 0) return;
    const truncated = run[0].some((p, i) => i >= 3 && i < runParts && (i - 3) % 3 === 2 && p === 1);
    const ids = run.map((k) => k[k.length - 1] as string);
    run = [];
    if (truncated) {
      const { keyOf, compare } = sortComparator(req.sort!, sortPathValues, req.collation);
      const docs = ids.map(fetch).filter((d): d is Doc => !!d).map(keyOf);
      for (const k of docs.sort(compare)) yield k.doc;
      return;
    }
    ids.sort(codePointCompare);
    if (plan.idDir === -1) ids.reverse();
    for (const id of ids) {
      const d = fetch(id);
      if (d) yield d;
    }
  };
  for (const range of plan.ranges) {
    // lmdb walks a reverse range from its upper bound (start) down to its lower bound (end).
    const bounds = plan.reverse ? { start: range.end, end: range.start } : range;
    for (const key of dbs.idx.getKeys({ ...bounds, reverse: plan.reverse }) as Iterable<Key>) {
      stats.keysExamined++;
      const id = key[key.length - 1] as string;
      if (seen) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      if (!sorted) {
        const d = fetch(id);
        if (d) yield d;
        continue;
      }
      if (run.length > 0 && !sameRun(run[0], key, runParts)) yield* flush();
      run.push(key);
    }
  }
  yield* flush();
}

function sameRun(a: Key, b: Key, parts: number): boolean {
  for (let i = 3; i < parts; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Runs a plan: early stop when the plan yields the requested order, else a bounded top-k heap. */
export function execute(dbs: Dbs, ns: Namespace, req: ExecRequest): { docs: Doc[]; stats: QueryStats } {
  const stats = newStats(req.plan);
  const skip = Math.max(0, req.skip ?? 0);
  const limit = req.limit && req.limit > 0 ? req.limit : Infinity;
  const wantSort = req.sort && Object.keys(req.sort).length > 0;
  const docs: Doc[] = [];
  if (req.plan.ordered || !wantSort) {
    let skipped = 0;
    for (const doc of source(dbs, ns, req, stats)) {
      if (!req.test(doc)) continue;
      if (skipped < skip) {
        skipped++;
        continue;
      }
      docs.push(doc);
      if (docs.length >= limit) break;
    }
  } else {
    const { keyOf, compare } = sortComparator(req.sort!, sortPathValues, req.collation);
    const k = skip + limit;
    const heap = Number.isFinite(k) ? new TopK<Keyed>(k, compare) : undefined;
    const all: Keyed[] = [];
    for (const doc of source(dbs, ns, req, stats)) {
      if (!req.test(doc)) continue;
      if (heap) heap.push(keyOf(doc));
      else all.push(keyOf(doc));
    }
    const ordered = heap ? heap.sorted() : all.sort(compare);
    for (const x of ordered.slice(skip)) docs.push(x.doc);
  }
  stats.returned = docs.length;
  return { docs, stats };
}

/** Counts matches without materialising a result list. */
export function countMatches(dbs: Dbs, ns: Namespace, req: ExecRequest): { count: number; stats: QueryStats } {
  const stats = forEachMatch(dbs, ns, req, () => {});
  return { count: stats.returned, stats };
}

/** Hands each match to `each` in plan order (no sort, skip or limit), without collecting them. */
export function forEachMatch(dbs: Dbs, ns: Namespace, req: ExecRequest, each: (doc: Doc) => void): QueryStats {
  const stats = newStats(req.plan);
  const { plan, test } = req;
  if (plan.kind === 'primary' || plan.kind === 'scan') {
    // The common report case (no usable index): a plain loop, no generator per document.
    const r = docRange(ns);
    const docs = req.docs ?? dbs.docs;
    for (const { value } of docs.getRange(plan.reverse ? { start: r.end, end: r.start, reverse: true } : r)) {
      stats.docsExamined++;
      if (!test(value)) continue;
      stats.returned++;
      each(value);
    }
    return stats;
  }
  for (const doc of source(dbs, ns, { ...req, sort: undefined }, stats)) {
    if (!req.test(doc)) continue;
    stats.returned++;
    each(doc);
  }
  return stats;
}
