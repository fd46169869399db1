/**
 * Renaming a field that was never published: its forms must follow, or they
 * would place a field that no longer exists. (A published field's API name is
 * fixed: updateField refuses it.)
 */
import type { Condition } from '../../../../schemas/conditions.js';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import { asDefinition, entityNamed, formsOf, upsert, type Definition, type DefinitionSet } from './definitionSet.js';
import { updateField } from './entity.js';

function renameFact(c: Condition, from: string, to: string): Condition {
  if ('all' in c) return { all: c.all.map((x) => renameFact(x, from, to)) };
  if ('any' in c) return { any: c.any.map((x) => renameFact(x, from, to)) };
  if ('not' in c) return { not: renameFact(c.not, from, to) };
  return c.fact === from ? { ...c, fact: to } : c;
}

export function renameFieldInSet(set: DefinitionSet, entityName: string, from: string, to: string, publishedNames: ReadonlySet<string>): Definition[] {
  const entity = entityNamed(set, entityName);
  const field = entity?.fields.find((f) => f.name === from);
  if (!entity || !field) return [...set];
  let next = upsert(set, asDefinition(updateField(entity, from, { ...field, name: to } as FieldDefinition, publishedNames)));
  for (const form of formsOf(next, entityName)) {
    next = upsert(next, asDefinition({
      ...form,
      sections: form.sections.map((s) => ({ ...s, fields: s.fields.map((p) => (p.field === from ? { ...p, field: to } : p)) })),
      ...(form.rules ? { rules: form.rules.map((r) => ({ ...r, field: r.field === from ? to : r.field, when: renameFact(r.when, from, to) })) } : {}),
    }));
  }
  return next;
}
