import type { Filter } from '../../port.js';
import { isPlainObject } from '../values.js';

/**
 * Top-level fields a filter reads, or null when it may read the whole
 * document (`$expr`, `$where`, `$jsonSchema`, `$text` or anything unknown).
 * Every query operator under a field name tests that field's value only.
 */
export function filterFields(filter: Filter, into = new Set<string>()): Set<string> | null {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' || k === '$or' || k === '$nor') {
      if (!Array.isArray(v)) return null;
      for (const sub of v) if (!isPlainObject(sub) || !filterFields(sub, into)) return null;
    } else if (k.startsWith('$')) {
      return null;
    } else {
      into.add(topField(k));
    }
  }
  return into;
}

/** `a.b.c` → `a`. */
export const topField = (path: string): string => {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
};
