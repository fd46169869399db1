import { UnsupportedQueryError } from '../port.js';

/**
 * Documents are kept JSON-like (plus Date) so that what lmdb's msgpack stores
 * is exactly what MongoDB would store and read back. Anything else is refused
 * at the door instead of being silently mangled.
 */

const DECIMAL_HINT =
  'Decimal128 is not supported by the embedded store; store money as a number of minor units or as a string';

export function isDecimal128(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return o._bsontype === 'Decimal128' || (Object.keys(o).length === 1 && '$numberDecimal' in o);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns a deep copy of `value` fit for storage: `undefined` becomes null (as
 * the MongoDB driver serializes it), Dates are copied, Decimal128 and other
 * class instances are refused.
 */
export function toStorable(value: unknown, path = ''): unknown {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Object.is(value, -0) ? 0 : value;
    case 'object':
      break;
    default:
      throw new TypeError(`cannot store a ${typeof value} at ${path || '(root)'}`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`invalid Date at ${path || '(root)'}`);
    return new Date(value.getTime());
  }
  if (isDecimal128(value)) throw new UnsupportedQueryError(`${DECIMAL_HINT} (at ${path || '(root)'})`);
  if (Array.isArray(value)) return value.map((x, i) => toStorable(x, `${path}.${i}`));
  if (!isPlainObject(value)) {
    const name = (value as object).constructor?.name ?? 'object';
    throw new TypeError(`cannot store a ${name} at ${path || '(root)'}: documents hold JSON values and Dates only`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__' || k.includes('\u0000')) throw new TypeError(`invalid field name ${JSON.stringify(k)}`);
    if (k.startsWith('$')) throw new TypeError(`field names may not start with '$': ${path ? `${path}.` : ''}${k}`);
    out[k] = toStorable(v, path ? `${path}.${k}` : k);
  }
  return out;
}

/** Filters and pipelines: refuse Decimal128 values and decimal conversions instead of answering wrongly. */
export function assertNoDecimal(value: unknown, where: string): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof RegExp) continue;
    if (isDecimal128(v)) throw new UnsupportedQueryError(`${DECIMAL_HINT} (in ${where})`);
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k === '$toDecimal' || (k === 'to' && (x === 'decimal' || x === 19))) {
        throw new UnsupportedQueryError(`${DECIMAL_HINT} (${k} in ${where})`);
      }
      stack.push(x);
    }
  }
}

/** Structural equality of stored values (field order matters, as in BSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k, i) => kb[i] === k && sameValue(a[k], b[k]));
  }
  return false;
}
