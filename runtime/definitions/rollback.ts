/**
 * The definition set that rolls a tenant back to an earlier version without
 * losing data: the old version's definitions, except that entities created
 * since are kept, and fields added since are kept as archived fields (their
 * values stay in the records and can be restored).
 */
import type { EntityDefinition } from '../../schemas/index.js';
import type { StoredDefinition } from './compileApp.js';

export function rollbackSet(target: readonly StoredDefinition[], current: readonly StoredDefinition[]): StoredDefinition[] {
  const targetEntities = new Map(target.filter((d) => d.kind === 'entity').map((d) => [d.name, d as unknown as EntityDefinition]));
  const out: StoredDefinition[] = target.filter((d) => d.kind !== 'entity');
  for (const def of current) {
    if (def.kind !== 'entity') continue;
    const now = def as unknown as EntityDefinition;
    const then = targetEntities.get(now.name);
    if (!then) {
      out.push(def);
      continue;
    }
    const known = new Set(then.fields.map((f) => f.name));
    const kept = now.fields.filter((f) => !known.has(f.name)).map((f) => ({ ...f, archived: true }));
    out.push({ ...then, fields: [...then.fields, ...kept] } as unknown as StoredDefinition);
    targetEntities.delete(now.name);
  }
  // Entities of the old version that no longer exist cannot be: entities are never removed.
  for (const then of targetEntities.values()) out.push(then as unknown as StoredDefinition);
  return out;
}
