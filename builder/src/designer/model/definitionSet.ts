/**
 * The working draft: every definition of the tenant as the admin is editing it,
 * held in memory as one immutable array so undo/redo can keep whole snapshots.
 */
import type { EntityDefinition } from '../../../../schemas/entity.js';
import type { FormDefinition } from '../../../../schemas/form.js';

/** Any definition kind; entity and form are read through the typed accessors below. */
export interface Definition {
  readonly kind: string;
  readonly name: string;
  readonly [key: string]: unknown;
}

export type DefinitionSet = readonly Definition[];

/** A server draft: the edited definition, or null when the draft deletes it. */
export interface DraftEntry {
  kind: string;
  name: string;
  definition: Definition | null;
}

export const keyOf = (d: { kind: string; name: string }) => `${d.kind}:${d.name}`;

/** Published definitions with the drafts laid over them by kind+name (what a publish would produce). */
export function overlay(published: DefinitionSet, drafts: readonly DraftEntry[]): Definition[] {
  const byKey = new Map(published.map((d) => [keyOf(d), d]));
  for (const draft of drafts) {
    if (draft.definition) byKey.set(keyOf(draft), draft.definition);
    else byKey.delete(keyOf(draft));
  }
  return [...byKey.values()];
}

export function find(set: DefinitionSet, kind: string, name: string): Definition | undefined {
  return set.find((d) => d.kind === kind && d.name === name);
}

/** Replaces the definition with the same kind+name, or appends it. */
export function upsert(set: DefinitionSet, def: Definition): Definition[] {
  const key = keyOf(def);
  const at = set.findIndex((d) => keyOf(d) === key);
  if (at < 0) return [...set, def];
  const next = [...set];
  next[at] = def;
  return next;
}

export const entitiesOf = (set: DefinitionSet) => set.filter((d) => d.kind === 'entity') as unknown as EntityDefinition[];
export const entityNamed = (set: DefinitionSet, name: string) => find(set, 'entity', name) as unknown as EntityDefinition | undefined;
export const formsOf = (set: DefinitionSet, entity?: string) =>
  (set.filter((d) => d.kind === 'form') as unknown as FormDefinition[]).filter((f) => entity === undefined || f.entity === entity);
export const formNamed = (set: DefinitionSet, name: string) => find(set, 'form', name) as unknown as FormDefinition | undefined;

export const asDefinition = (def: EntityDefinition | FormDefinition): Definition => def as unknown as Definition;

/** Definitions added or changed in `set` compared with `saved` (what Save must PUT). */
export function changedSince(set: DefinitionSet, saved: DefinitionSet): Definition[] {
  const before = new Map(saved.map((d) => [keyOf(d), JSON.stringify(d)]));
  return set.filter((d) => before.get(keyOf(d)) !== JSON.stringify(d));
}

export const isDirty = (set: DefinitionSet, saved: DefinitionSet) => set !== saved && (set.length !== saved.length || changedSince(set, saved).length > 0);
