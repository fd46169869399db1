/**
 * What changed inside each definition between two sets, as JSON Pointer
 * paths with the old and new value — what the builder shows before a publish
 * and between versions in the history.
 */
import type { StoredDefinition } from './compileApp.js';
import { definitionKey } from './compiledTypes.js';
import { diffSets, type DefinitionChange } from './diff.js';

export interface ValueChange {
  path: string;
  from: unknown;
  to: unknown;
}

export interface DetailedChange extends DefinitionChange {
  details: ValueChange[];
  /** More differences than `details` lists. */
  truncated?: boolean;
}

const MAX_DETAILS = 100;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function walk(a: unknown, b: unknown, path: string, out: ValueChange[]): void {
  if (out.length > MAX_DETAILS) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}/${i}`, out);
  } else if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], `${path}/${escape(key)}`, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path: path || '/', from: a ?? null, to: b ?? null });
  }
}

export function detailedDiff(before: readonly StoredDefinition[], after: readonly StoredDefinition[]): DetailedChange[] {
  const old = new Map(before.map((d) => [definitionKey(d.kind, d.name), d]));
  const next = new Map(after.map((d) => [definitionKey(d.kind, d.name), d]));
  return diffSets(before, after).map((change) => {
    if (change.change !== 'changed') return { ...change, details: [] };
    const details: ValueChange[] = [];
    walk(old.get(definitionKey(change.kind, change.name)), next.get(definitionKey(change.kind, change.name)), '', details);
    return details.length > MAX_DETAILS ? { ...change, details: details.slice(0, MAX_DETAILS), truncated: true } : { ...change, details };
  });
}
