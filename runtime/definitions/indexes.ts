/** The store indexes an entity needs: declared ones, unique fields, lookups, owner. */
import type { EntityDefinition } from '../../schemas/index.js';
import type { IndexSpec, TenantStore } from '../store/port.js';
import { recordCollection } from './compiledTypes.js';

export function entityIndexes(entity: EntityDefinition): IndexSpec[] {
  const specs: IndexSpec[] = [];
  const add = (fields: string[], unique = false) => {
    const name = `${unique ? 'u' : 'i'}_${fields.join('_')}`;
    if (!specs.some((s) => s.name === name)) {
      specs.push({ name, unique, keys: Object.fromEntries(fields.map((f) => [f, 1 as const])) });
    }
  };
  for (const field of entity.fields) {
    if (field.unique) add([field.name], true);
    if (field.type === 'lookup') add([field.name]);
  }
  for (const index of entity.indexes ?? []) add([...index.fields], index.unique ?? false);
  if (entity.hasOwner) add(['owner']);
  add(['updatedAt']);
  return specs;
}

export async function ensureIndexes(store: TenantStore, entities: readonly EntityDefinition[]): Promise<void> {
  for (const entity of entities) {
    const collection = store.collection(recordCollection(entity.name));
    for (const spec of entityIndexes(entity)) await collection.createIndex(spec);
  }
}
