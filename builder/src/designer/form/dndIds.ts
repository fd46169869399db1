/** Ids on the drag-and-drop canvas: field API names for items, prefixed ids for containers and layout blocks. */
import type { EntityDefinition } from '../../../../schemas/entity.js';
import type { FormDefinition } from '../../../../schemas/form.js';
import { unplacedFields } from '../model/form.js';

/** Field names match ^[a-z][a-zA-Z0-9]*$, so ids with ':' never clash with them. */
export const PALETTE = 'container:palette';
export const CANVAS = 'container:canvas';
export const sectionContainer = (id: string) => `section:${id}`;
export const sectionIdOf = (container: string) => (container.startsWith('section:') ? container.slice('section:'.length) : null);
export type BlockKind = 'section1' | 'section2' | 'section3' | 'tab';
export const blockId = (kind: BlockKind) => `block:${kind}`;
export const blockKindOf = (id: string): BlockKind | null => (id.startsWith('block:') ? (id.slice(6) as BlockKind) : null);

/** Container id → field names in order: the palette of unplaced fields, then every section. */
export type Items = Record<string, string[]>;

export function itemsOf(entity: EntityDefinition, form: FormDefinition): Items {
  const items: Items = { [PALETTE]: unplacedFields(entity, form).map((f) => f.name) };
  for (const s of form.sections) items[sectionContainer(s.id)] = s.fields.map((p) => p.field);
  return items;
}

export function containerOf(items: Items, id: string): string | undefined {
  if (id in items) return id;
  return Object.keys(items).find((key) => items[key].includes(id));
}
