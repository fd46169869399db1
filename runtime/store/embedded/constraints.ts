import type { Filter } from '../port.js';
import { isPlainObject } from './values.js';

/**
 * Necessary conditions on single fields, read off a filter for the planner.
 * Each one only narrows the candidate set: the full filter is always applied
 * to every fetched document, so dropping a condition here is never wrong.
 */
export interface Bound {
  value: unknown;
  inclusive: boolean;
}

export interface FieldConstraint {
  eq?: { value: unknown };
  in?: unknown[];
  lower?: Bound;
  upper?: Bound;
}

export type Constraints = Map<string, FieldConstraint>;

/** Values an index lookup can use; strings only without a collation (index order is binary). */
function indexable(v: unknown, allowStrings: boolean): boolean {
  if (v === null) return true;
  if (typeof v === 'string') return allowStrings;
  if (typeof v === 'number') return !Number.isNaN(v);
  if (typeof v === 'boolean') return true;
  return v instanceof Date;
}

const rangeable = (v: unknown, allowStrings: boolean) => v !== null && typeof v !== 'boolean' && indexable(v, allowStrings);

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

export function extractConstraints(filter: Filter, withCollation: boolean): Constraints {
  const out: Constraints = new Map();
  const strings = !withCollation;
  const get = (f: string) => {
    let c = out.get(f);
    if (!c) out.set(f, (c = {}));
    return c;
  };
  const visit = (f: Filter) => {
    for (const [field, value] of Object.entries(f)) {
      if (field === '$and' && Array.isArray(value)) {
        for (const clause of value) if (isPlainObject(clause)) visit(clause);
        continue;
      }
      if (field.startsWith('$')) continue;
      if (isOperatorObject(value)) {
        for (const [op, arg] of Object.entries(value)) addOperator(get(field), op, arg, strings);
      } else if (indexable(value, strings)) {
        get(field).eq ??= { value };
      }
    }
  };
  visit(filter);
  for (const [f, c] of out) if (!c.eq && !c.in && !c.lower && !c.upper) out.delete(f);
  return out;
}

function addOperator(c: FieldConstraint, op: string, arg: unknown, strings: boolean): void {
  switch (op) {
    case '$eq':
      if (indexable(arg, strings)) c.eq ??= { value: arg };
      break;
    case '$in':
      if (Array.isArray(arg) && arg.every((x) => indexable(x, strings))) c.in ??= arg;
      break;
    case '$gt':
    case '$gte':
      if (rangeable(arg, strings)) c.lower ??= { value: arg, inclusive: op === '$gte' };
      break;
    case '$lt':
    case '$lte':
      if (rangeable(arg, strings)) c.upper ??= { value: arg, inclusive: op === '$lte' };
      break;
  }
}

/**
 * True when the filter is nothing but plain equalities on `fields` (so an
 * index range count answers `count` without reading documents).
 */
export function isPureEquality(filter: Filter, fields: string[]): boolean {
  const keys = Object.keys(filter);
  if (keys.length !== fields.length || !keys.every((k) => fields.includes(k))) return false;
  return keys.every((k) => {
    const v = filter[k];
    const x = isOperatorObject(v) && Object.keys(v).length === 1 && '$eq' in v ? v.$eq : v;
    return x !== null && !isPlainObject(x) && !Array.isArray(x) && !(x instanceof RegExp);
  });
}
