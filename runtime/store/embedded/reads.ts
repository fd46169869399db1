import { Query } from 'mingo/query';
import type { Doc, Filter, FindOptions } from '../port.js';
import { isPureEquality } from './constraints.js';
import type { Engine } from './engine.js';
import { type ExecRequest, type QueryStats, countMatches, execute, forEachMatch } from './executor.js';
import { encodeValue, stringBudget } from './keys.js';
import { type Namespace, docRange } from './layout.js';
import { compileFilter } from './matcher.js';
import { mingoOptions } from './mingo/context.js';
import { choosePlan, describe } from './planner.js';

/** find/count on one collection: plan, execute, project. Also used inside write transactions. */

export interface FindResult {
  docs: Doc[];
  stats: QueryStats & { description: string };
}

function validateSort(options: FindOptions): void {
  for (const [k, d] of Object.entries(options.sort ?? {})) {
    if (d !== 1 && d !== -1) throw new TypeError(`sort direction for ${k} must be 1 or -1`);
  }
  for (const n of [options.skip, options.limit]) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw new TypeError('skip and limit must be non-negative integers');
  }
}

/** Where a read takes its documents from (see ExecRequest.docs). */
type Source = Pick<ExecRequest, 'docs'>;

export function runFind(engine: Engine, ns: Namespace, filter: Filter, options: FindOptions & Source = {}): FindResult {
  validateSort(options);
  const test = compileFilter(filter, options.collation);
  const plan = choosePlan(ns, filter, options.sort, engine.catalog.ready(ns), !!options.collation);
  const { docs, stats } = execute(engine.dbs, ns, {
    plan,
    test,
    sort: options.sort,
    skip: options.skip,
    limit: options.limit,
    collation: options.collation,
    docs: options.docs,
  });
  const projected =
    options.projection && Object.keys(options.projection).length > 0
      ? (new Query({}, mingoOptions({})).find(docs, options.projection).all() as Doc[])
      : docs;
  return { docs: projected, stats: { ...stats, description: describe(plan) } };
}

/** Streams the matches of `filter` in plan order to `each` (aggregation without materialising them). */
export function eachFound(engine: Engine, ns: Namespace, filter: Filter, each: (doc: Doc) => void, source: Source = {}): FindResult['stats'] {
  const test = compileFilter(filter);
  const plan = choosePlan(ns, filter, undefined, engine.catalog.ready(ns), false);
  const stats = forEachMatch(engine.dbs, ns, { plan, test, docs: source.docs }, each);
  return { ...stats, description: describe(plan) };
}

export function runCount(engine: Engine, ns: Namespace, filter: Filter): { count: number; stats: QueryStats } {
  const test = compileFilter(filter);
  if (Object.keys(filter).length === 0) {
    const count = engine.dbs.docs.getKeysCount(docRange(ns));
    return { count, stats: { plan: 'primary', keysExamined: count, docsExamined: 0, returned: count } };
  }
  const plan = choosePlan(ns, filter, undefined, engine.catalog.ready(ns), false);
  const idx = plan.index;
  if (plan.kind === 'index' && idx && plan.ranges.length === 1) {
    const eqFields = idx.fields.slice(0, plan.eqCount);
    const budget = stringBudget(idx.fields.length);
    const exact =
      isPureEquality(filter, eqFields) &&
      !idx.multikey.slice(plan.eqCount).some(Boolean) &&
      eqFields.every((f) => {
        const v = filter[f] as unknown;
        const value = v !== null && typeof v === 'object' && !(v instanceof Date) ? (v as { $eq: unknown }).$eq : v;
        return encodeValue(value, budget)[2] === 0;
      });
    if (exact) {
      // Every matching document has exactly one entry in this key range.
      const count = engine.dbs.idx.getKeysCount(plan.ranges[0]);
      return { count, stats: { plan: 'index-count', index: idx.name, keysExamined: count, docsExamined: 0, returned: count } };
    }
  }
  return countMatches(engine.dbs, ns, { plan, test });
}

/** Documents whose `field` equals one of `values`, if `_id` or an index can find them (for `$lookup`). */
export function findByValues(engine: Engine, ns: Namespace, field: string, values: unknown[]): Doc[] | undefined {
  const filter = { [field]: { $in: values } };
  const plan = choosePlan(ns, filter, undefined, engine.catalog.ready(ns), false);
  if (plan.kind !== 'ids' && plan.kind !== 'index') return undefined;
  return runFind(engine, ns, filter, { sort: { _id: 1 } }).docs;
}
