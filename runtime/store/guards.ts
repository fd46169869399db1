import { COLLECTION_NAME_PATTERN, TENANT_ID_PATTERN, UnsupportedQueryError } from './port.js';

/** Shared by both adapters so that the same inputs are refused the same way. */

export function assertTenantId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !TENANT_ID_PATTERN.test(id)) {
    throw new TypeError(`invalid tenant id ${JSON.stringify(id)}: must match ${TENANT_ID_PATTERN}`);
  }
}

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME_PATTERN.test(name)) {
    throw new TypeError(`invalid collection name ${JSON.stringify(name)}: must match ${COLLECTION_NAME_PATTERN}`);
  }
}

/**
 * Operators refused everywhere: server-side JavaScript (filters come from
 * end users through the API) and stages that write or read outside the
 * tenant's namespaces.
 */
const REFUSED = new Map<string, string>([
  ['$where', 'server-side JavaScript is disabled'],
  ['$function', 'server-side JavaScript is disabled'],
  ['$accumulator', 'server-side JavaScript is disabled'],
  ['$out', 'aggregation stages that write are not available through the store port'],
  ['$merge', 'aggregation stages that write are not available through the store port'],
  ['$currentOp', 'server introspection is not available through the store port'],
  ['$collStats', 'server introspection is not available through the store port'],
  ['$indexStats', 'server introspection is not available through the store port'],
  ['$listSessions', 'server introspection is not available through the store port'],
  ['$listLocalSessions', 'server introspection is not available through the store port'],
  ['$planCacheStats', 'server introspection is not available through the store port'],
  ['$changeStream', 'change streams are not available through the store port'],
  ['$search', 'Atlas search is not available through the store port'],
  ['$vectorSearch', 'Atlas search is not available through the store port'],
]);

/** Walks a filter, update or pipeline and throws on refused operators. */
export function assertNoRefusedOperators(value: unknown, where: string): void {
  forEachKey(value, (k) => {
    const why = REFUSED.get(k);
    if (why) throw new UnsupportedQueryError(`${k} in ${where}: ${why}`);
  });
}

/** Visits every key of every object inside a filter, update or pipeline (iteratively: no depth limit). */
export function forEachKey(value: unknown, visit: (key: string, value: unknown) => void): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp)) {
      for (const [k, x] of Object.entries(v)) {
        visit(k, x);
        stack.push(x);
      }
    }
  }
}

/** Collection names used by $lookup/$unionWith/$graphLookup must be plain names of the same tenant. */
export function assertForeignCollection(from: unknown, stage: string): asserts from is string {
  if (typeof from !== 'string') {
    throw new UnsupportedQueryError(`${stage}.from must be a collection name of the same tenant`);
  }
  assertCollectionName(from);
}
