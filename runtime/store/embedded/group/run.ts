import type { Doc, Filter, SortSpec } from '../../port.js';
import type { Engine } from '../engine.js';
import type { Namespace } from '../layout.js';
import { mingoOptions } from '../mingo/context.js';
import { filterFields, topField } from '../projection/fields.js';
import { type FindResult, eachFound, runFind } from '../reads.js';
import { BAIL } from './bail.js';
import { compileGroup } from './compile.js';

export interface PlannedPrefix {
  filter: Filter;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

/**
 * Runs the planned prefix and a `$group` in one pass: documents stream from
 * the planner (decoding only the fields the filter, sort and group read)
 * into the compiled group, never collected for mingo. Returns undefined when
 * the stage is outside the compiled subset or the data takes it off the
 * reproduced path (BAIL); the caller then runs the pipeline in mingo.
 * Not used with a collation (mingo/collation.ts canonicalises group keys).
 */
export function runCompiledGroup(
  engine: Engine,
  ns: Namespace,
  prefix: PlannedPrefix,
  groupSpec: unknown,
): { docs: Doc[]; stats: FindResult['stats'] } | undefined {
  const group = compileGroup(groupSpec, mingoOptions({}));
  if (!group) return undefined;
  const read = filterFields(prefix.filter);
  const ordered = prefix.sort !== undefined || prefix.skip !== undefined || prefix.limit !== undefined;
  // A sort breaks ties by `_id`, so it must be decoded too.
  const sortFields = ordered ? ['_id', ...Object.keys(prefix.sort ?? {}).map(topField)] : [];
  const fields = read && new Set([...group.fields, ...read, ...sortFields]);
  // Reused Dates (ProjectedDocs.withFields) only when streaming (a sorted prefix keeps documents)
  // and for fields the filter does not read.
  const instants = ordered || !read ? undefined : new Set([...group.instants].filter((f) => !read.has(f)));
  const { projected } = engine.dbs;
  try {
    return projected.withFields(fields, () => {
      let stats: FindResult['stats'] | undefined;
      const docs = group.run((each) => {
        if (!ordered) {
          stats = eachFound(engine, ns, prefix.filter, each, { docs: projected.db });
          return;
        }
        const found = runFind(engine, ns, prefix.filter, { sort: prefix.sort, skip: prefix.skip, limit: prefix.limit, docs: projected.db });
        found.docs.forEach(each);
        stats = found.stats;
      });
      return { docs, stats: stats! };
    }, instants);
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}
