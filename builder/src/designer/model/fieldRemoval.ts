/** Deleting a field reaches past its entity: forms must stop placing it and drop its rules. */
import type { Condition } from '../../../../schemas/conditions.js';
import { asDefinition, entityNamed, formsOf, upsert, type Definition, type DefinitionSet } from './definitionSet.js';
import { deleteField } from './entity.js';

function mentions(c: Condition, field: string): boolean {
  if ('all' in c) return c.all.some((x) => mentions(x, field));
  if ('any' in c) return c.any.some((x) => mentions(x, field));
  if ('not' in c) return mentions(c.not, field);
  return c.fact === field;
}

/** Deletes (archives when published) `field` of `entityName`, and takes it out of that entity's forms. */
export function deleteFieldInSet(set: DefinitionSet, entityName: string, field: string, publishedNames: ReadonlySet<string>): Definition[] {
  const entity = entityNamed(set, entityName);
  if (!entity) return [...set];
  let next = upsert(set, asDefinition(deleteField(entity, field, publishedNames)));
  for (const form of formsOf(next, entityName)) {
    const rules = (form.rules ?? []).filter((r) => r.field !== field && !mentions(r.when, field));
    const { rules: _r, ...rest } = form;
    next = upsert(next, asDefinition({
      ...rest,
      ...(rules.length ? { rules } : {}),
      sections: form.sections.map((s) => ({ ...s, fields: s.fields.filter((p) => p.field !== field) })),
    }));
  }
  return next;
}
