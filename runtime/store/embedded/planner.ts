import type { Filter, SortSpec } from '../port.js';
import type { IndexState } from './catalog.js';
import { typeRank } from './compare.js';
import { type Constraints, type FieldConstraint, extractConstraints } from './constraints.js';
import { type Component, type KeyPart, encodeValue, flatten, stringBudget } from './keys.js';
import { type Key, type Namespace, MAX, idxPrefix } from './layout.js';

/**
 * The query planner. Plans, best first:
 *  - `ids`:     `_id` equality / `$in` → direct gets.
 *  - `index`:   an index whose leading fields are equalities (then optionally
 *               a range or `$in` on the next field). When the remaining index
 *               fields match the sort, the walk is `ordered` and stops after
 *               skip+limit matches; otherwise its entries are only candidates.
 *  - `primary`: walk documents in `_id` order (sort by `_id`, or no sort: stops early).
 *  - `scan`:    every document, with a bounded top-k heap for the sort.
 */
export interface Plan {
  kind: 'ids' | 'index' | 'primary' | 'scan';
  ids?: string[];
  index?: IndexState;
  ranges: { start: Key; end: Key }[];
  reverse: boolean;
  /** Documents come out in the requested order (or no order was requested). */
  ordered: boolean;
  /** Leading index fields whose equal values form one run (ties re-ordered by `_id`). */
  runFields: number;
  /** Direction of the `_id` tie-break: 1 unless the sort names `_id` last. */
  idDir: 1 | -1;
  /** Entries of one document may repeat (multikey or several ranges): de-duplicate. */
  dedupe: boolean;
  eqCount: number;
}

export function describe(plan: Plan): string {
  if (plan.kind !== 'index') return plan.kind;
  return `index ${plan.index!.name} (${plan.ordered ? 'ordered walk' : 'candidates'}, ${plan.eqCount} equality field(s))`;
}

interface Candidate {
  plan: Plan;
  score: number;
}

export function choosePlan(
  ns: Namespace,
  filter: Filter,
  sort: SortSpec | undefined,
  indexes: IndexState[],
  withCollation: boolean,
): Plan {
  const cons = extractConstraints(filter, withCollation);
  const sortEntries = Object.entries(sort ?? {}) as [string, 1 | -1][];
  const idCons = cons.get('_id');
  if (idCons?.eq || idCons?.in) {
    const values = idCons.eq ? [idCons.eq.value] : idCons.in!;
    const ids = [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort();
    return base('ids', { ids, ordered: sortEntries.length === 0 });
  }
  let best: Candidate | undefined;
  for (const idx of indexes) {
    const c = indexCandidate(ns, idx, cons, sortEntries, withCollation);
    if (c && (!best || c.score > best.score)) best = c;
  }
  if (best) return best.plan;
  const onlyId = sortEntries.length === 1 && sortEntries[0][0] === '_id' && !withCollation;
  if (sortEntries.length === 0 || onlyId) {
    return base('primary', { ordered: true, reverse: onlyId && sortEntries[0][1] === -1 });
  }
  return base('scan', { ordered: false });
}

function base(kind: Plan['kind'], extra: Partial<Plan>): Plan {
  return { kind, ranges: [], reverse: false, ordered: false, runFields: 0, idDir: 1, dedupe: false, eqCount: 0, ...extra };
}

function usableEq(c: FieldConstraint | undefined, idx: IndexState, i: number): boolean {
  if (!c?.eq) return false;
  // null also matches missing fields and arrays holding null; only exact on plain fields.
  return c.eq.value !== null || (!idx.multikey[i] && !idx.complex[i]);
}

function indexCandidate(
  ns: Namespace,
  idx: IndexState,
  cons: Constraints,
  sortEntries: [string, 1 | -1][],
  withCollation: boolean,
): Candidate | undefined {
  if (idx.fields.some((f) => /(^|\.)\d+(\.|$)/.test(f))) return undefined; // positional paths: not planned
  const budget = stringBudget(idx.fields.length);
  let eqCount = 0;
  while (eqCount < idx.fields.length && usableEq(cons.get(idx.fields[eqCount]), idx, eqCount)) eqCount++;
  const prefix: Component[] = idx.fields.slice(0, eqCount).map((f) => encodeValue(cons.get(f)!.eq!.value, budget));
  const parts = flatten(prefix);
  const next = eqCount < idx.fields.length ? cons.get(idx.fields[eqCount]) : undefined;
  let ranges = [{ start: idxPrefix(ns, idx.name, parts), end: [...idxPrefix(ns, idx.name, parts), MAX] }];
  let narrowing: 'none' | 'range' | 'in' = 'none';
  if (next?.in && !next.in.some((v) => v === null)) {
    const values = [...next.in].map((v) => encodeValue(v, budget));
    values.sort((a, b) => (a[0] - b[0]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    ranges = values.map((v) => {
      const p = idxPrefix(ns, idx.name, [...parts, ...v]);
      return { start: p, end: [...p, MAX] };
    });
    narrowing = 'in';
  } else if (next && (next.lower || next.upper)) {
    ranges = [rangeFor(ns, idx, parts, next, budget)];
    narrowing = 'range';
  }
  if (eqCount === 0 && narrowing === 'none' && sortEntries.length === 0) return undefined;

  // Sorting on fields fixed by equality is a no-op; a trailing `_id` sets the tie-break.
  const eqFields = new Set(idx.fields.slice(0, eqCount));
  let tail = sortEntries.filter(([f]) => !eqFields.has(f));
  let idDir: 1 | -1 = 1;
  if (tail.length > 0 && tail[tail.length - 1][0] === '_id') {
    idDir = tail[tail.length - 1][1];
    tail = tail.slice(0, -1);
  }
  const dir = tail[0]?.[1] ?? idDir;
  const ordered =
    sortEntries.length === 0 ||
    (!withCollation &&
      narrowing !== 'in' &&
      tail.every(([f, d], i) => {
        const j = eqCount + i;
        return idx.fields[j] === f && d === dir && !idx.multikey[j] && !idx.complex[j];
      }) &&
      eqCount + tail.length <= idx.fields.length);
  if (!ordered && eqCount === 0 && narrowing === 'none') return undefined;
  const plan = base('index', {
    index: idx,
    ranges,
    reverse: ordered && sortEntries.length > 0 && dir === -1,
    ordered,
    runFields: eqCount + tail.length,
    idDir,
    dedupe: narrowing === 'in' || idx.multikey.some(Boolean),
    eqCount,
  });
  if (plan.reverse) plan.ranges.reverse();
  // A unique index bound on every field finds at most one document: nothing can beat it.
  const single = idx.unique && eqCount === idx.fields.length ? 100 : 0;
  const score = single + eqCount * 2 + (narrowing !== 'none' ? 1 : 0) + (ordered && sortEntries.length > 0 ? 1.5 : 0);
  return { plan, score };
}

/** Key range for bounds on one field; MongoDB ranges are type-bracketed, so one rank only. */
function rangeFor(ns: Namespace, idx: IndexState, parts: KeyPart[], c: FieldConstraint, budget: number) {
  let { lower, upper } = c;
  if (lower && upper && (typeRank(lower.value) !== typeRank(upper.value) || idx.multikey[parts.length / 3])) {
    upper = undefined; // different types, or an array field where each bound may hold for another element
  }
  const rank = typeRank((lower ?? upper)!.value);
  const p = idxPrefix(ns, idx.name, parts);
  const start: Key = lower ? [...p, ...encodeValue(lower.value, budget).slice(0, 2)] : [...p, rank];
  const end: Key = upper ? [...p, ...encodeValue(upper.value, budget).slice(0, 2), MAX] : [...p, rank, MAX];
  return { start, end };
}
