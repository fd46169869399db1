/**
 * Compiles an entity definition into the JSON Schema its records must satisfy.
 * The switch is exhaustive over field types: adding a type to schemas/entity.ts
 * fails to compile here until it is handled.
 */
import type { EntityDefinition, FieldDefinition } from '../../schemas/index.js';

type JsonSchema = Record<string, unknown>;

/** Blank is null. A type union (not anyOf) keeps error messages about the value itself. */
function nullable(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
  return out;
}

/** A required value may not be blank: not null, not an empty string, not an empty list. */
function nonBlank(schema: JsonSchema): JsonSchema {
  if (schema.type === 'string') return { ...schema, minLength: Math.max(1, (schema.minLength as number) ?? 0) };
  if (schema.type === 'array') return { ...schema, minItems: Math.max(1, (schema.minItems as number) ?? 0) };
  return schema;
}

/** The schema of a non-blank value of one field. */
export function fieldValueSchema(field: FieldDefinition): JsonSchema {
  switch (field.type) {
    case 'text': {
      const s: JsonSchema = { type: 'string', maxLength: field.maxLength ?? 255 };
      if (field.minLength !== undefined) s.minLength = field.minLength;
      if (field.pattern !== undefined) s.pattern = field.pattern;
      return (s);
    }
    case 'longText':
      return ({ type: 'string', maxLength: field.maxLength ?? 32000 });
    case 'number':
    case 'currency':
    case 'percent': {
      const s: JsonSchema = { type: 'number' };
      if (field.min !== undefined) s.minimum = field.min;
      if (field.max !== undefined) s.maximum = field.max;
      return (s);
    }
    case 'date': {
      const s: JsonSchema = { type: 'string', format: 'date' };
      if (field.min !== undefined) s.formatMinimum = field.min;
      if (field.max !== undefined) s.formatMaximum = field.max;
      return (s);
    }
    case 'datetime':
      return ({ type: 'string', format: 'date-time' });
    case 'boolean':
      return ({ type: 'boolean' });
    case 'select':
      return ({ type: 'string', enum: field.options.map((o) => o.value) });
    case 'multiSelect': {
      const s: JsonSchema = {
        type: 'array',
        uniqueItems: true,
        items: { type: 'string', enum: field.options.map((o) => o.value) },
      };
      if (field.maxItems !== undefined) s.maxItems = field.maxItems;
      return (s);
    }
    case 'email':
      return ({ type: 'string', format: 'email', maxLength: 254 });
    case 'phone':
      return ({ type: 'string', pattern: '^[+0-9()\\- ]{3,32}$' });
    case 'url':
      return ({ type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 });
    case 'lookup':
    case 'user':
      return ({ type: 'string', minLength: 1, maxLength: 64 });
    case 'formula':
      return {}; // computed by the runtime; its value is never taken from input
    case 'rollup':
      return ({ type: 'number' });
    case 'autoNumber':
      return ({ type: 'string', maxLength: 100 });
    case 'file':
      return ({
        type: 'array',
        maxItems: field.multiple ? 50 : 1,
        items: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 255 },
            size: { type: 'integer', minimum: 0 },
            contentType: { type: 'string', maxLength: 255 },
            url: { type: 'string', maxLength: 2048 },
          },
          required: ['name'],
          additionalProperties: false,
        },
      });
    default: {
      const unhandled: never = field;
      throw new Error(`unhandled field type ${(unhandled as FieldDefinition).type}`);
    }
  }
}

/** Field types whose value the runtime computes; input may not set them. */
export function isComputed(field: FieldDefinition): boolean {
  switch (field.type) {
    case 'formula':
    case 'rollup':
    case 'autoNumber':
      return true;
    default:
      return false;
  }
}

/** System properties every record carries besides its fields; no field may take these names. */
export const SYSTEM_PROPERTIES: ReadonlySet<string> = new Set([
  'id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'owner',
]);

/** Schema of a full record (after defaults and formulas) as it will be stored. */
export function recordSchema(entity: EntityDefinition): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of entity.fields) {
    if (field.archived) continue;
    const value = fieldValueSchema(field);
    if (field.required && !isComputed(field)) {
      required.push(field.name);
      properties[field.name] = nonBlank(value);
    } else {
      properties[field.name] = isComputed(field) ? value : nullable(value);
    }
  }
  if (entity.hasOwner) properties.owner = nullable({ type: 'string', minLength: 1, maxLength: 64 });
  return {
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}
