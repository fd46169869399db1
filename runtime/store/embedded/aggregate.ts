import { Aggregator } from 'mingo/aggregator';
import { assertCollectionName, assertNoRefusedOperators } from '../guards.js';
import type { Collation, Doc, Filter, Pipeline, SortSpec } from '../port.js';
import type { Engine } from './engine.js';
import type { Namespace } from './layout.js';
import { mingoOptions } from './mingo/context.js';
import type { ForeignSource } from './mingo/lookup.js';
import { assertCollationSupported } from './mingo/refusals.js';
import { runCompiledGroup } from './group/run.js';
import { type FindResult, findByValues, runFind } from './reads.js';
import { assertNoDecimal, isPlainObject } from './values.js';

/** Other collections of the same tenant only: the tenant is fixed by `ns`, only the name varies. */
export function foreignSource(engine: Engine, ns: Namespace): ForeignSource {
  const at = (collection: string): Namespace => {
    assertCollectionName(collection);
    return { tenant: ns.tenant, collection };
  };
  return {
    all: (collection) => runFind(engine, at(collection), {}).docs,
    byValues: (collection, field, values) => findByValues(engine, at(collection), field, values),
  };
}

interface Prefix {
  filter: Filter;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  rest: Pipeline;
}

/**
 * Leading `$match` / `$sort` / `$skip` / `$limit` stages become one planned
 * find (index walks, top-k, early stop); mingo runs the remaining stages.
 */
function splitPrefix(pipeline: Pipeline): Prefix {
  let i = 0;
  const matches: Filter[] = [];
  const stage = (name: string) => i < pipeline.length && Object.keys(pipeline[i])[0] === name && Object.keys(pipeline[i]).length === 1;
  while (stage('$match') && isPlainObject(pipeline[i].$match)) matches.push(pipeline[i++].$match as Filter);
  const out: Prefix = { filter: matches.length <= 1 ? (matches[0] ?? {}) : { $and: matches }, rest: [] };
  if (stage('$sort') && isPlainObject(pipeline[i].$sort)) {
    const sort = pipeline[i].$sort as Record<string, unknown>;
    if (Object.values(sort).every((d) => d === 1 || d === -1)) {
      out.sort = sort as SortSpec;
      i++;
    }
  }
  if (stage('$skip') && Number.isInteger(pipeline[i].$skip) && (pipeline[i].$skip as number) >= 0) out.skip = pipeline[i++].$skip as number;
  if (stage('$limit') && Number.isInteger(pipeline[i].$limit) && (pipeline[i].$limit as number) > 0) out.limit = pipeline[i++].$limit as number;
  out.rest = pipeline.slice(i);
  return out;
}

export interface AggregateOptions {
  collation?: Collation;
  /** false runs a leading `$group` in mingo even when it could be compiled (tests compare the two). */
  compiledGroup?: boolean;
}

export type AggregateStats = FindResult['stats'] & { group?: 'compiled' | 'mingo' };

export function runAggregate(engine: Engine, ns: Namespace, pipeline: Pipeline, opts: AggregateOptions = {}): { docs: Doc[]; stats: AggregateStats } {
  const { collation } = opts;
  if (!Array.isArray(pipeline) || !pipeline.every(isPlainObject)) throw new TypeError('pipeline must be an array of stages');
  assertNoRefusedOperators(pipeline, 'pipeline');
  assertNoDecimal(pipeline, 'pipeline');
  if (collation) assertCollationSupported(pipeline, 'pipeline');
  const prefix = splitPrefix(pipeline);
  const options = () => mingoOptions({ collation, foreign: foreignSource(engine, ns) });
  const next = prefix.rest[0];
  const isGroup = next !== undefined && Object.keys(next).length === 1 && '$group' in next;
  if (isGroup && !collation && opts.compiledGroup !== false) {
    const compiled = runCompiledGroup(engine, ns, prefix, next.$group);
    if (compiled) {
      const rest = prefix.rest.slice(1);
      const docs = rest.length === 0 ? compiled.docs : (new Aggregator(rest, options()).run(compiled.docs) as Doc[]);
      return { docs, stats: { ...compiled.stats, group: 'compiled' } };
    }
  }
  const { docs, stats } = runFind(engine, ns, prefix.filter, { sort: prefix.sort, skip: prefix.skip, limit: prefix.limit, collation });
  if (prefix.rest.length === 0) return { docs, stats };
  const out = new Aggregator(prefix.rest, options()).run(docs) as Doc[];
  return { docs: out, stats: isGroup ? { ...stats, group: 'mingo' } : stats };
}
