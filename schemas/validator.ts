/**
 * The one ajv instance of the definition language. Each kind's schema is
 * compiled exactly once, at module load; callers get a validator by kind.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { conditionSchema } from './common.js';
import { filterSchema, filterValueSchema } from './filter.js';
import { definitionSchemas, type DefinitionKind } from './kinds.js';

// ajv-formats ships CJS; its default export is the plugin under ESM interop.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export interface ValidationIssue {
  /** JSON Pointer into the validated document, e.g. `/fields/3/options`. */
  path: string;
  message: string;
}

export const ajv = new Ajv({
  allErrors: true,
  discriminator: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  // Keeps the failing schema on each error, so toIssues can name allowed values.
  verbose: true,
});
(addFormats as unknown as (a: Ajv) => void)(ajv);
ajv.addFormat('iana-time-zone', {
  type: 'string',
  validate: (tz: string) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return tz.length > 0;
    } catch {
      return false;
    }
  },
});
ajv.addSchema(conditionSchema);
ajv.addSchema(filterValueSchema);
ajv.addSchema(filterSchema);

const validators = new Map<DefinitionKind, ValidateFunction>();
for (const [kind, schema] of Object.entries(definitionSchemas)) {
  validators.set(kind as DefinitionKind, ajv.compile(schema as object));
}

export function isDefinitionKind(kind: unknown): kind is DefinitionKind {
  return typeof kind === 'string' && validators.has(kind as DefinitionKind);
}

/** Escapes one key for a JSON Pointer (RFC 6901). */
export function pointerKey(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Names of a schema's `properties`, when ajv kept the schema on the error (`verbose`). */
function propertyNamesOf(schema: unknown): string[] {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/** The tags a discriminated `oneOf` accepts, read from its branches' `const`s. */
function discriminatorTags(parent: unknown, tag: string): string[] {
  const branches = (parent as { oneOf?: unknown[] } | undefined)?.oneOf ?? [];
  const tags: string[] = [];
  for (const b of branches) {
    const p = (b as { properties?: Record<string, { const?: unknown; enum?: unknown[] }> }).properties?.[tag];
    if (p?.const !== undefined) tags.push(String(p.const));
    else if (Array.isArray(p?.enum)) tags.push(...p.enum.map(String));
  }
  return tags;
}

/**
 * Turns ajv errors into `{ path, message }`, one per fault, pointing at the
 * offending property: missing and unknown keys at the key itself, bad key
 * names (propertyNames) at the key, an unknown discriminator tag at the tag.
 * Summary errors that only repeat a nested fault (`if`, `propertyNames`) are
 * dropped; a non-discriminated oneOf/anyOf that fails is reported once, at its
 * node, without the per-branch noise.
 */
export function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  const all = errors ?? [];
  // Errors from inside a failed oneOf/anyOf's branches are replaced by that one error.
  const failedUnions = all
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .map((e) => e.schemaPath + '/');
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of all) {
    if (failedUnions.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    if (e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    let path = e.instancePath || '/';
    let message = e.message ?? 'is invalid';
    const params = e.params as Record<string, unknown>;
    if (e.propertyName !== undefined) {
      // An error about a key's name (propertyNames): point at that key.
      path = `${e.instancePath}/${pointerKey(e.propertyName)}`;
      message = 'is not an allowed key';
    } else if (e.keyword === 'required') {
      path = `${e.instancePath}/${pointerKey(params.missingProperty as string)}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path = `${e.instancePath}/${pointerKey(params.additionalProperty as string)}`;
      message = 'is not an allowed property';
    } else if (e.keyword === 'false schema') {
      message = 'is not allowed here';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    } else if (e.keyword === 'const') {
      message = `must be ${JSON.stringify(params.allowedValue)}`;
    } else if (e.keyword === 'discriminator') {
      const tag = params.tag as string;
      path = `${e.instancePath}/${pointerKey(tag)}`;
      if (params.error === 'tag') {
        message = 'is required';
      } else {
        const tags = discriminatorTags(e.parentSchema, tag);
        message = tags.length ? `must be one of ${tags.join(', ')}` : 'is not a known type';
      }
    } else if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      message = 'does not match any of the allowed shapes';
    } else if (
      (e.keyword === 'maxProperties' || e.keyword === 'minProperties') &&
      (e.parentSchema as { minProperties?: number } | undefined)?.minProperties ===
        (e.parentSchema as { maxProperties?: number } | undefined)?.maxProperties
    ) {
      // `{ type, role?, team? }` with min = max = 2: exactly one of the optional keys.
      const required = new Set((e.parentSchema as { required?: string[] }).required ?? []);
      const optional = propertyNamesOf(e.parentSchema).filter((k) => !required.has(k));
      message = `must have exactly one of ${optional.join(', ')}`;
    }
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push({ path, message });
    }
  }
  return issues;
}

/** Keys that could reach an object's prototype when a definition is merged or copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const MAX_NODES = 100_000;

/**
 * Checks what JSON Schema cannot say for a whole document: no prototype keys
 * anywhere (even inside free-form values), bounded depth and size. Runs before
 * ajv so a hostile document cannot exhaust the validator's recursion.
 */
export function checkDocumentShape(doc: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let nodes = 0;
  const walk = (value: unknown, path: string, depth: number): boolean => {
    if (++nodes > MAX_NODES) {
      issues.push({ path: '/', message: `has more than ${MAX_NODES} values` });
      return false;
    }
    if (value === null || typeof value !== 'object') return true;
    if (depth > MAX_DEPTH) {
      issues.push({ path, message: `is nested more than ${MAX_DEPTH} levels deep` });
      return true;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!walk(value[i], `${path}/${i}`, depth + 1)) return false;
      return true;
    }
    for (const key of Object.keys(value)) {
      const at = `${path}/${pointerKey(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: at, message: 'is a forbidden key' });
        continue;
      }
      if (!walk((value as Record<string, unknown>)[key], at, depth + 1)) return false;
    }
    return true;
  };
  walk(doc, '', 0);
  return issues;
}

/** Validates a definition of any kind; an unknown kind is itself an issue at `/kind`. */
export function validateDefinition(def: unknown): ValidationIssue[] {
  if (typeof def !== 'object' || def === null || Array.isArray(def)) {
    return [{ path: '/', message: 'must be an object' }];
  }
  const kind = (def as { kind?: unknown }).kind;
  if (!isDefinitionKind(kind)) {
    return [{ path: '/kind', message: `must be one of ${[...validators.keys()].join(', ')}` }];
  }
  const shape = checkDocumentShape(def);
  if (shape.length) return shape;
  const validate = validators.get(kind)!;
  return validate(def) ? [] : toIssues(validate.errors);
}
