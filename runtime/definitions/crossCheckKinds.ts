/**
 * Cross-definition checks for the kinds beyond entity and form: every reference
 * to an entity or a field by name must resolve.
 */
import type { DefinitionIssue, DefinitionSet } from './crossCheck.js';

type Def = DefinitionSet['all'][number];

function fieldExists(set: DefinitionSet, entity: string, field: string): boolean {
  return set.entities.get(entity)?.fields.some((f) => f.name === field && !f.archived) ?? false;
}

export function checkOtherKinds(set: DefinitionSet): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const push = (def: Def, path: string, message: string) => issues.push({ kind: def.kind, name: def.name, path, message });
  for (const def of set.all) {
    if (def.kind === 'entity' || def.kind === 'form' || def.kind === 'template') continue;
    const entity = typeof def.entity === 'string' ? def.entity : undefined;
    if (entity === undefined) continue;
    if (!set.entities.has(entity)) {
      push(def, '/entity', `no entity "${entity}"`);
      continue;
    }
    if (def.kind === 'pipeline' && typeof def.field === 'string') {
      const field = set.entities.get(entity)!.fields.find((f) => f.name === def.field);
      if (!field || field.type !== 'select') {
        push(def, '/field', `"${def.field}" is not a select field of ${entity}`);
        continue;
      }
      const values = new Set(field.options.map((o) => o.value));
      const stages = Array.isArray(def.stages) ? (def.stages as { value?: string; name?: string }[]) : [];
      stages.forEach((stage, i) => {
        const value = stage.value ?? stage.name;
        if (value !== undefined && !values.has(value)) push(def, `/stages/${i}`, `"${value}" is not an option of ${entity}.${field.name}`);
      });
    }
    if (def.kind === 'view' && Array.isArray(def.columns)) {
      (def.columns as unknown[]).forEach((c, i) => {
        const name = typeof c === 'string' ? c : (c as { field?: string })?.field;
        if (typeof name === 'string' && !fieldExists(set, entity, name) && !['owner', 'createdAt', 'updatedAt'].includes(name)) {
          push(def, `/columns/${i}`, `no field "${name}" on ${entity}`);
        }
      });
    }
  }
  return issues;
}
