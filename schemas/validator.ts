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

/** Turns ajv errors into `{ path, message }`, pointing at the offending property. */
export function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of errors ?? []) {
    let path = e.instancePath || '/';
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      path = `${e.instancePath}/${missing}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      path = `${e.instancePath}/${extra}`;
      message = 'is not an allowed property';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    } else if (e.keyword === 'const') {
      message = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    }
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push({ path, message });
    }
  }
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
  const validate = validators.get(kind)!;
  return validate(def) ? [] : toIssues(validate.errors);
}
