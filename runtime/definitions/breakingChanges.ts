/**
 * Changes a publish refuses because they would lose or misread stored data:
 * a field's type changing in place, or a field or entity vanishing instead of
 * being archived. (Type changes with data migration arrive with the builder.)
 */
import type { EntityDefinition } from '../../schemas/index.js';
import type { StoredDefinition } from './compileApp.js';
import type { DefinitionIssue } from './crossCheck.js';

export function breakingChanges(before: readonly StoredDefinition[], after: readonly StoredDefinition[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const next = new Map(after.filter((d) => d.kind === 'entity').map((d) => [d.name, d as unknown as EntityDefinition]));
  for (const prevDef of before) {
    if (prevDef.kind !== 'entity') continue;
    const prev = prevDef as unknown as EntityDefinition;
    const entity = next.get(prev.name);
    if (!entity) {
      issues.push({ kind: 'entity', name: prev.name, path: '/', message: 'a published entity cannot be removed; its records would be orphaned' });
      continue;
    }
    for (const field of prev.fields) {
      const index = entity.fields.findIndex((f) => f.name === field.name);
      if (index < 0) {
        issues.push({ kind: 'entity', name: entity.name, path: '/fields', message: `field "${field.name}" was removed; archive it instead so its data is kept` });
      } else if (entity.fields[index].type !== field.type) {
        issues.push({
          kind: 'entity',
          name: entity.name,
          path: `/fields/${index}/type`,
          message: `changing "${field.name}" from ${field.type} to ${entity.fields[index].type} needs a data migration, which this version does not offer`,
        });
      }
    }
  }
  return issues;
}
