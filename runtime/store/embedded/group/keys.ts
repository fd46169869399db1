import type { Doc } from '../../port.js';
import { isPlainObject } from '../values.js';
import { BAIL } from './bail.js';
import { type Compiler, type Fn, compileExpr } from './expr.js';

/**
 * Group keys. The mingo path canonicalises `_id` (missing → null at the top,
 * members that are missing dropped from objects, array holes → null) and
 * groups with mingo's HashMap: primitives by SameValueZero, objects by
 * `isEqual` (Dates by time, object members in any order). Here a key is a
 * path through nested Maps, one level per leaf expression of `_id`: strings
 * and numbers are Map keys as they are (SameValueZero, and no string
 * building), Dates by their time, other values through an injective text
 * encoding.
 */

/** `_id` as a tree: a leaf expression, or an object expression of named children (spec order). */
type Shape = { leaf: Fn } | { names: string[]; children: Shape[] };

interface Level {
  strings?: Map<string, unknown>;
  numbers?: Map<number, unknown>;
  /** Dates by time (valid Dates only; keyText refuses invalid ones). */
  dates?: Map<number, unknown>;
  others?: Map<string, unknown>;
}

export interface KeySpec {
  leaves: Fn[];
  /** Top-level `_id` is a single expression: missing groups with null. */
  single: boolean;
  /** The canonical `_id` of a group, from its first document. */
  idOf(doc: Doc): unknown;
}

export function compileKey(idSpec: unknown, c: Compiler): KeySpec | undefined {
  const shape = compileShape(idSpec, c);
  if (!shape) return undefined;
  const leaves: Fn[] = [];
  const collect = (s: Shape) => ('leaf' in s ? leaves.push(s.leaf) : s.children.forEach(collect));
  collect(shape);
  return { leaves, single: 'leaf' in shape, idOf: (doc) => canonical(build(shape, doc)) ?? null };
}

function compileShape(spec: unknown, c: Compiler): Shape | undefined {
  if (isPlainObject(spec) && !Object.keys(spec)[0]?.startsWith('$')) {
    const names = Object.keys(spec);
    if (names.some((n) => n.startsWith('$') || n === '__proto__')) return undefined;
    const children: Shape[] = [];
    for (const n of names) {
      const child = compileShape(spec[n], c);
      if (!child) return undefined;
      children.push(child);
    }
    return { names, children };
  }
  const leaf = compileExpr(spec, c);
  return leaf && { leaf };
}

function build(s: Shape, doc: Doc): unknown {
  if ('leaf' in s) return s.leaf(doc);
  const o: Record<string, unknown> = {};
  s.names.forEach((n, i) => (o[n] = build(s.children[i], doc)));
  return o;
}

/** Canonicaliser of mingo/collation.ts without a collation, also copying Dates (results never share objects). */
function canonical(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(canonical);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = canonical(x);
    return out;
  }
  return v;
}

/** Injective text for values that are not Map keys as they are; equal under mingo's isEqual ⇔ equal text. */
export function keyText(v: unknown): string {
  if (v === undefined) return 'm'; // a missing member (top-level missing is mapped to null first)
  if (v === null) return 'z';
  if (v === true) return 't';
  if (v === false) return 'f';
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (typeof v === 'number') return `n${String(v)}`; // String(-0) is "0": 0 and -0 are one group, as in mingo
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) throw BAIL; // mingo never finds two invalid Dates equal
    return `d${t}`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => keyText(x ?? null)).join(',')}]`;
  if (isPlainObject(v)) {
    const parts = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${keyText(v[k])}`);
    return `{${parts.join(',')}}`;
  }
  throw BAIL;
}

/** Finds or creates the entry for a document's key; `create` runs for a key seen for the first time. */
export class KeyIndex<G> {
  private readonly root: Level = {};

  constructor(private readonly key: KeySpec) {}

  find(doc: Doc, create: (doc: Doc) => G): G {
    const { leaves, single } = this.key;
    let level = this.root;
    const last = leaves.length - 1;
    if (last < 0) {
      // `_id: {}`: one group
      const others = (level.others ??= new Map());
      let g = others.get('') as G | undefined;
      if (g === undefined) others.set('', (g = create(doc)));
      return g;
    }
    for (let i = 0; ; i++) {
      let v = leaves[i](doc);
      if (single && v === undefined) v = null;
      let map: Map<unknown, unknown>;
      let k: unknown = v;
      if (typeof v === 'string') map = level.strings ??= new Map();
      else if (typeof v === 'number') map = level.numbers ??= new Map();
      else if (v instanceof Date && !Number.isNaN(v.getTime())) {
        map = level.dates ??= new Map();
        k = v.getTime();
      } else {
        map = level.others ??= new Map();
        k = keyText(v);
      }
      let next = map.get(k);
      if (i === last) {
        if (next === undefined) map.set(k, (next = create(doc)));
        return next as G;
      }
      if (next === undefined) map.set(k, (next = {}));
      level = next as Level;
    }
  }
}
