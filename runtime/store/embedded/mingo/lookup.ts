import { Aggregator } from 'mingo/aggregator';
import { evalExpr } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import type { AnyObject, Options } from 'mingo/types';
import { setValue } from 'mingo/util';
import { assertForeignCollection } from '../../guards.js';
import { UnsupportedQueryError, type Doc } from '../../port.js';
import { collectPath } from '../keys.js';
import { Canonicalizer, keyText } from './collation.js';

/** How `$lookup` reaches other collections: only of the tenant the query runs in. */
export interface ForeignSource {
  /** All documents of a collection, in `_id` order (fresh copies). */
  all(collection: string): Doc[];
  /** Documents whose `field` equals one of `values`, in `_id` order, if an index or `_id` can answer; else undefined. */
  byValues(collection: string, field: string, values: unknown[]): Doc[] | undefined;
}

interface LookupSpec {
  from?: unknown;
  localField?: string;
  foreignField?: string;
  let?: AnyObject;
  pipeline?: AnyObject[];
  as?: unknown;
}

const rawOptions = (options: Options): Options => (options as unknown as { options?: Options }).options ?? options;

/**
 * `$lookup` with MongoDB semantics, including the concise form (localField/
 * foreignField together with let/pipeline), where the pipeline runs on the
 * matched documents only; mingo 7 ran it over the whole foreign collection.
 * Joined documents are copied per input document so results never share objects.
 */
export function makeLookup(source: ForeignSource, collationCmp: ((a: string, b: string) => number) | null) {
  return (coll: Iterator, spec: LookupSpec, options: Options): Iterator => {
    assertForeignCollection(spec.from, '$lookup');
    const from = spec.from;
    if (typeof spec.as !== 'string' || spec.as.length === 0) throw new UnsupportedQueryError('$lookup.as must be a field name');
    const as = spec.as;
    const concise = spec.localField !== undefined || spec.foreignField !== undefined;
    if (concise && (typeof spec.localField !== 'string' || typeof spec.foreignField !== 'string')) {
      throw new UnsupportedQueryError('$lookup needs both localField and foreignField');
    }
    if (!concise && !spec.pipeline) throw new UnsupportedQueryError('$lookup needs localField/foreignField or a pipeline');
    const base = rawOptions(options);
    const sub = spec.pipeline?.length ? spec.pipeline : undefined;
    let everything: Doc[] | undefined;
    const all = () => (everything ??= source.all(from));
    let hashed: Map<string, number[]> | undefined;
    const canon = new Canonicalizer(collationCmp);

    const matchesFor = (obj: AnyObject): Doc[] => {
      if (!concise) return all();
      const local = collectPath(obj, spec.localField!).values.map((v) => (v === undefined ? null : v));
      if (!collationCmp) {
        const found = source.byValues(from, spec.foreignField!, local);
        if (found) return found;
      }
      if (!hashed) {
        hashed = new Map();
        all().forEach((doc, i) => {
          const seen = new Set<string>();
          for (const v of collectPath(doc, spec.foreignField!).values) {
            const k = keyText(canon.canon(v));
            if (seen.has(k)) continue;
            seen.add(k);
            const list = hashed!.get(k);
            if (list) list.push(i);
            else hashed!.set(k, [i]);
          }
        });
      }
      const positions = new Set<number>();
      for (const v of local) for (const i of hashed.get(keyText(canon.canon(v))) ?? []) positions.add(i);
      return [...positions].sort((a, b) => a - b).map((i) => all()[i]);
    };

    return coll.map((input) => {
      const obj = input as AnyObject;
      let joined = matchesFor(obj);
      if (sub) {
        const vars = spec.let ? (evalExpr(obj, spec.let, options) as AnyObject) : {};
        const agg = new Aggregator(sub, { ...base, variables: { ...(base.variables ?? {}), ...vars } });
        joined = agg.run(structuredClone(joined)) as Doc[];
      } else {
        joined = structuredClone(joined);
      }
      const out = { ...obj };
      if (as.includes('.')) setValue(out, as, joined);
      else out[as] = joined;
      return out;
    });
  };
}
