/**
 * MongoDB filter documents, as used by view and report filters (and access
 * scopes). Keys are field paths or an allowlist of query operators: no `$where`,
 * `$expr`, `$function` or other server-side code, no dotted paths, no `__proto__`.
 */

/** Query operators a definition may use. */
/** The same allowlist as runtime/records/filterGuard.ts, which also checks fields per entity. */
export const filterOperators = [
  'and', 'or', 'nor', 'not', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin',
  'exists', 'regex', 'options', 'size', 'all',
] as const;

/** An allowed operator, or a field api name (system fields: id, owner, createdAt, …). */
const keyPattern = `^(\\$(${filterOperators.join('|')})|[a-zA-Z][a-zA-Z0-9]{0,62})$`;

/** Any value inside a filter; objects nested in it follow the same key rules. */
export const filterValueSchema = {
  $id: 'stagecraft:filterValue',
  type: ['string', 'number', 'boolean', 'null', 'array', 'object'],
  maxLength: 2000,
  maxItems: 500,
  items: { $ref: 'stagecraft:filterValue' },
  maxProperties: 50,
  propertyNames: { pattern: keyPattern },
  additionalProperties: { $ref: 'stagecraft:filterValue' },
} as const;

export const filterSchema = {
  $id: 'stagecraft:filter',
  type: 'object',
  maxProperties: 50,
  propertyNames: { pattern: keyPattern },
  additionalProperties: { $ref: 'stagecraft:filterValue' },
} as const;

/** Hand-written because the filter schema is recursive. */
export type FilterValue = string | number | boolean | null | FilterValue[] | { [key: string]: FilterValue };
export type MongoFilter = { [key: string]: FilterValue };
