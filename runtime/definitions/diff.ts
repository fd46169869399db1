/** What changed between two definition sets, per definition (added / removed / changed). */
import type { StoredDefinition } from './compileApp.js';
import { definitionKey } from './compiledTypes.js';

export interface DefinitionChange {
  kind: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

export function diffSets(before: readonly StoredDefinition[], after: readonly StoredDefinition[]): DefinitionChange[] {
  const old = new Map(before.map((d) => [definitionKey(d.kind, d.name), d]));
  const changes: DefinitionChange[] = [];
  for (const def of after) {
    const key = definitionKey(def.kind, def.name);
    const prev = old.get(key);
    if (!prev) changes.push({ kind: def.kind, name: def.name, change: 'added' });
    else if (canonical(prev) !== canonical(def)) changes.push({ kind: def.kind, name: def.name, change: 'changed' });
    old.delete(key);
  }
  for (const def of old.values()) changes.push({ kind: def.kind, name: def.name, change: 'removed' });
  return changes;
}
