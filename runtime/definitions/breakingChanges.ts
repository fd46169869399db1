/**
 * Changes a publish refuses because they would lose or misread stored data:
 * a field or entity vanishing instead of being archived, or a field's type
 * changing to one its values cannot be converted to (supported changes are
 * migrated on publish: definitions/fieldMigration.ts).
 */
import type { EntityDefinition } from '../../schemas/index.js';
import type { StoredDefinition } from './compileApp.js';
import type { DefinitionIssue } from './crossCheck.js';
import { isConvertible } from './fieldConversion.js';

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
      } else if (!isConvertible(field.type, entity.fields[index].type)) {
        issues.push({
          kind: 'entity',
          name: entity.name,
          path: `/fields/${index}/type`,
          message: `"${field.name}" cannot change from ${field.type} to ${entity.fields[index].type}: its values cannot be converted; add a new field instead`,
        });
      }
    }
  }
  return issues;
}
