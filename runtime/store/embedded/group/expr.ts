import type { Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import type { Doc } from '../../port.js';
import { topField } from '../projection/fields.js';
import { isPlainObject } from '../values.js';
import { BAIL } from './bail.js';
import { compileDateOperator } from './expr-dates.js';

/**
 * Compiles the aggregation expressions a report's `$group` uses into plain
 * closures with mingo's exact semantics (as configured in mingo/context.ts).
 * `compileExpr` returns undefined for anything outside the supported subset,
 * and the whole stage then runs in mingo. At run time a closure throws BAIL
 * where mingo would throw or take a path not reproduced here; the caller then
 * reruns the pipeline in mingo, so errors and edge cases stay mingo's.
 */

export type Fn = (doc: Doc) => unknown;

export { BAIL };

export interface Compiler {
  /** Top-level fields the compiled expressions read (for projected decoding). */
  fields: Set<string>;
  /** Fields read as values (kept, compared, returned)... */
  plain: Set<string>;
  /**
   * ...and fields read only as the `date` of a date operator, which takes the
   * time at once and keeps nothing: the projection may hand those out as one
   * reused Date per field instead of a new Date per document.
   */
  instants: Set<string>;
  /** mingo options of this query, for operators delegated to mingo value by value. */
  mingo: Partial<Options>;
}

const OPERATOR = /^\$[a-zA-Z0-9_]+$/;
/** Object.prototype members mingo refuses to read unless the document has them itself. */
const PROTO_PROPS = new Set(Object.getOwnPropertyNames(Object.prototype).filter((s) => s !== '__proto__'));

export const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;

/** A value that evaluates to itself (mingo returns non-`$` strings, numbers, booleans, null as is). */
export function isConstant(v: unknown): boolean {
  return v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.startsWith('$'));
}

export function compileExpr(expr: unknown, c: Compiler): Fn | undefined {
  if (typeof expr === 'string') {
    if (!expr.startsWith('$')) return () => expr;
    if (expr.startsWith('$$')) return undefined; // variables, $$ROOT, $$NOW
    return fieldPath(expr.slice(1), c);
  }
  if (isConstant(expr) || expr instanceof Date) return () => expr;
  if (!isPlainObject(expr)) return undefined; // arrays, RegExp, …
  const keys = Object.keys(expr);
  if (keys.length !== 1 || !OPERATOR.test(keys[0])) return undefined;
  return compileOperator(keys[0], expr[keys[0]], c);
}

/** A date operator's `date` argument: a plain top-level field is recorded as an instant. */
export function compileInstant(expr: unknown, c: Compiler): Fn | undefined {
  const name = typeof expr === 'string' && expr.startsWith('$') ? expr.slice(1) : '';
  if (!/^[^$.]+$/.test(name) || name === '__proto__' || PROTO_PROPS.has(name)) return compileExpr(expr, c);
  c.fields.add(name);
  c.instants.add(name);
  return (doc) => doc[name];
}

function fieldPath(path: string, c: Compiler): Fn | undefined {
  if (path === '' || path.split('.').some((s) => s === '__proto__' || s === '')) return undefined;
  c.fields.add(topField(path));
  c.plain.add(topField(path));
  if (path.includes('.')) return (doc) => resolve(doc, path); // arrays along the path: mingo's own walk
  if (PROTO_PROPS.has(path)) return (doc) => (Object.prototype.hasOwnProperty.call(doc, path) ? doc[path] : undefined);
  return (doc) => doc[path];
}

function compileAll(args: unknown, c: Compiler): Fn[] | undefined {
  if (!Array.isArray(args)) return undefined;
  const fns: Fn[] = [];
  for (const a of args) {
    const f = compileExpr(a, c);
    if (!f) return undefined;
    fns.push(f);
  }
  return fns;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const truthy = (v: unknown) => !!v || v === ''; // mingo's strict mode: "" is true

function compileOperator(op: string, arg: unknown, c: Compiler): Fn | undefined {
  switch (op) {
    case '$literal':
      return () => arg;
    case '$concat': {
      const fns = compileAll(arg, c);
      if (!fns) return undefined;
      return (doc) => {
        const vals = fns.map((f) => f(doc));
        if (vals.some(isNil)) return null;
        if (!vals.every((v) => typeof v === 'string')) throw BAIL;
        return vals.join('');
      };
    }
    case '$toString': {
      const f = Array.isArray(arg) ? undefined : compileExpr(arg, c);
      if (!f) return undefined;
      return (doc) => {
        const v = f(doc);
        if (isNil(v)) return null;
        if (v instanceof Date) {
          if (Number.isNaN(v.getTime())) throw BAIL;
          return v.toISOString();
        }
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof RegExp) return String(v);
        throw BAIL;
      };
    }
    case '$ceil': {
      const f = Array.isArray(arg) ? undefined : compileExpr(arg, c);
      if (!f) return undefined;
      return (doc) => {
        const v = f(doc);
        if (isNil(v)) return null;
        if (typeof v !== 'number') throw BAIL;
        return Math.ceil(v);
      };
    }
    case '$divide': {
      const fns = compileAll(arg, c);
      if (!fns || fns.length !== 2) return undefined;
      const [fa, fb] = fns;
      return (doc) => {
        const a = fa(doc);
        const b = fb(doc);
        if (isNil(a) || isNil(b)) return null;
        if (!isNumber(a) || !isNumber(b) || b === 0) throw BAIL;
        return a / b;
      };
    }
    case '$ifNull': {
      const fns = compileAll(arg, c);
      if (!fns) return undefined;
      return (doc) => {
        let v: unknown;
        for (const f of fns) {
          v = f(doc);
          if (!isNil(v)) return v;
        }
        return v;
      };
    }
    case '$cond':
      return compileCond(arg, c);
    case '$eq':
      return compileEqNull(arg, c);
    default:
      return compileDateOperator(op, arg, c);
  }
}

function compileCond(arg: unknown, c: Compiler): Fn | undefined {
  let parts: unknown[];
  if (Array.isArray(arg)) {
    if (arg.length !== 3) return undefined;
    parts = arg;
  } else if (isPlainObject(arg) && Object.keys(arg).every((k) => k === 'if' || k === 'then' || k === 'else')) {
    parts = [arg.if, arg.then, arg.else];
  } else {
    return undefined;
  }
  const fns = compileAll(parts, c);
  if (!fns) return undefined;
  const [fi, ft, fe] = fns;
  return (doc) => (truthy(fi(doc)) ? ft(doc) : fe(doc));
}

/**
 * `$eq` against a literal null, as mingo decides it: null and missing equal
 * null, and so does an array holding null (directly or one level down) on
 * the left side.
 */
function compileEqNull(arg: unknown, c: Compiler): Fn | undefined {
  if (!Array.isArray(arg) || arg.length !== 2) return undefined;
  if (arg[1] === null) {
    const f = compileExpr(arg[0], c);
    if (!f) return undefined;
    return (doc) => {
      const a = f(doc);
      if (isNil(a)) return true;
      if (!Array.isArray(a)) return false;
      return a.some((v) => v === null || (Array.isArray(v) && v.some((w) => w === null)));
    };
  }
  if (arg[0] === null) {
    const f = compileExpr(arg[1], c);
    if (!f) return undefined;
    return (doc) => isNil(f(doc));
  }
  return undefined;
}
