import type { Options } from 'mingo/types';
import type { Doc } from '../../port.js';
import { isPlainObject } from '../values.js';
import { type Accumulator, type Group, SLOTS_PER_ACCUMULATOR, compileAccumulator } from './accumulators.js';
import type { Compiler } from './expr.js';
import { KeyIndex, compileKey } from './keys.js';

/**
 * A `$group` stage compiled once into closures. `run` is fed the matching
 * documents one by one (only the fields in `fields` need to be present) and
 * returns the groups in order of first appearance, as mingo's $group does,
 * with `_id` first and the accumulators in spec order. Returned values are
 * fresh copies.
 */
export interface CompiledGroup {
  fields: ReadonlySet<string>;
  /** Fields read only as the instant of a date operator (see Compiler.instants). */
  instants: ReadonlySet<string>;
  run(feed: (each: (doc: Doc) => void) => void): Doc[];
}

export function compileGroup(spec: unknown, mingo: Partial<Options>): CompiledGroup | undefined {
  if (!isPlainObject(spec) || !('_id' in spec)) return undefined;
  const c: Compiler = { fields: new Set(), plain: new Set(), instants: new Set(), mingo };
  const key = compileKey(spec._id, c);
  if (!key) return undefined;
  const names = Object.keys(spec).filter((k) => k !== '_id');
  if (names.includes('__proto__')) return undefined;
  const accs: Accumulator[] = [];
  for (const [i, name] of names.entries()) {
    const acc = compileAccumulator(spec[name], i * SLOTS_PER_ACCUMULATOR, c);
    if (!acc) return undefined;
    accs.push(acc);
  }
  const stepping = accs.filter((a) => a.step);
  const slots = names.length * SLOTS_PER_ACCUMULATOR;
  return {
    fields: c.fields,
    instants: new Set([...c.instants].filter((f) => !c.plain.has(f))),
    run(feed) {
      const groups: Group[] = [];
      const index = new KeyIndex<Group>(key);
      const create = (doc: Doc): Group => {
        const g: Group = { id: undefined, count: 0, slots: new Array(slots) };
        groups.push(g);
        return g;
      };
      feed((doc) => {
        const g = index.find(doc, create);
        if (g.count === 0) {
          g.id = key.idOf(doc);
          g.count = 1;
          for (const a of accs) a.init(g, doc);
          return;
        }
        g.count++;
        for (const a of stepping) a.step!(g, doc);
      });
      return groups.map((g) => {
        const out: Doc = { _id: g.id };
        for (let i = 0; i < names.length; i++) out[names[i]] = copyOut(accs[i].done(g));
        return out;
      });
    },
  };
}

/** Deep copy of a result value (documents hold JSON values and Dates). */
function copyOut(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(copyOut);
  if (isPlainObject(v)) {
    const o: Doc = {};
    for (const k of Object.keys(v)) o[k] = copyOut(v[k]);
    return o;
  }
  return structuredClone(v);
}
