import { Query } from 'mingo/query';
import { assertNoRefusedOperators } from '../guards.js';
import type { Collation, Doc, Filter } from '../port.js';
import { mingoOptions } from './mingo/context.js';
import { assertCollationSupported } from './mingo/refusals.js';
import { assertNoDecimal, isPlainObject } from './values.js';

/** Validates a filter and compiles it to a predicate (mingo, with our operator fixes). */
export function compileFilter(filter: Filter, collation?: Collation): (doc: Doc) => boolean {
  if (!isPlainObject(filter)) throw new TypeError('filter must be an object');
  assertNoRefusedOperators(filter, 'filter');
  assertNoDecimal(filter, 'filter');
  if (collation) assertCollationSupported(filter, 'filter');
  if (Object.keys(filter).length === 0) return () => true;
  const q = new Query(filter, mingoOptions({ collation }));
  return (doc) => q.test(doc);
}
