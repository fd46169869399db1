import { UnsupportedQueryError } from '../../port.js';
import { forEachKey } from '../../guards.js';

/**
 * Operators whose mingo implementations compare values without the collation.
 * Under a collation they would silently answer with binary comparison, so we
 * refuse them instead (find/aggregate without a collation are unaffected).
 */
const NOT_COLLATION_AWARE = new Set([
  '$addToSet',
  '$setUnion',
  '$setIntersection',
  '$setDifference',
  '$setEquals',
  '$setIsSubset',
  '$indexOfArray',
  '$sortArray',
  '$min',
  '$max',
  '$minN',
  '$maxN',
  '$top',
  '$topN',
  '$bottom',
  '$bottomN',
  '$sortByCount',
  '$bucket',
  '$bucketAuto',
  '$graphLookup',
  '$setWindowFields',
  '$densify',
  '$all',
]);

/** Expression `$in` (`[value, array]`), as opposed to the query operator's list of values. */
const isExpressionIn = (x: unknown) =>
  Array.isArray(x) && x.length === 2 && ((typeof x[1] === 'string' && x[1].startsWith('$')) || Array.isArray(x[1]));

export function assertCollationSupported(value: unknown, where: string): void {
  forEachKey(value, (k, x) => {
    if (NOT_COLLATION_AWARE.has(k) || (k === '$in' && isExpressionIn(x))) {
      throw new UnsupportedQueryError(`${k} with a collation is not supported by the embedded store (${where})`);
    }
  });
}
