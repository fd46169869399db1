/**
 * Validates a whole set of definitions as it would be published: each against
 * its kind's schema, then across definitions, then by compiling it.
 */
import type { EntityDefinition, FormDefinition } from '../../schemas/index.js';
import { validateDefinition } from '../../schemas/validator.js';
import { compileApp, DefinitionCompileError, type StoredDefinition } from './compileApp.js';
import type { CompiledApp } from './compiledTypes.js';
import { checkEntity, checkForm, type DefinitionIssue, type DefinitionSet } from './crossCheck.js';
import { checkOtherKinds } from './crossCheckKinds.js';

export interface SetValidation {
  issues: DefinitionIssue[];
  app?: CompiledApp;
}

/** Issue paths are pointers into the set: `/<kind>/<name>/<path inside the definition>`. */
export function issuePointer(issue: DefinitionIssue): string {
  return `/${issue.kind}/${issue.name}${issue.path === '/' ? '' : issue.path}`;
}

export function validateSet(version: number, definitions: readonly StoredDefinition[]): SetValidation {
  const issues: DefinitionIssue[] = [];
  const seen = new Set<string>();
  for (const def of definitions) {
    const key = `${def.kind}:${def.name}`;
    if (seen.has(key)) issues.push({ kind: def.kind, name: def.name, path: '/name', message: `duplicate ${def.kind} "${def.name}"` });
    seen.add(key);
    for (const issue of validateDefinition(def)) issues.push({ ...issue, kind: String(def.kind), name: String(def.name) });
  }
  if (issues.length) return { issues };

  const entities = new Map<string, EntityDefinition>();
  const forms = new Map<string, FormDefinition>();
  for (const def of definitions) {
    if (def.kind === 'entity') entities.set(def.name, def as unknown as EntityDefinition);
    if (def.kind === 'form') forms.set(def.name, def as unknown as FormDefinition);
  }
  const set: DefinitionSet = { entities, forms, all: definitions };
  for (const entity of entities.values()) {
    issues.push(...checkEntity(entity, set).map((i) => ({ ...i, kind: 'entity', name: entity.name })));
  }
  for (const form of forms.values()) {
    issues.push(...checkForm(form, set).map((i) => ({ ...i, kind: 'form', name: form.name })));
  }
  issues.push(...checkOtherKinds(set));
  if (issues.length) return { issues };

  try {
    return { issues, app: compileApp(version, definitions) };
  } catch (e) {
    if (e instanceof DefinitionCompileError) return { issues: e.issues };
    throw e;
  }
}
