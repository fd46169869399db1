/**
 * The formula language's value types and how entity field types map onto them.
 */
import type { FieldOf, FieldType } from '../../schemas/entity.js';

/**
 * Static types of formula values.
 * - `date` values are 'YYYY-MM-DD' strings; `datetime` values are `Date`s inside
 *   the evaluator and ISO strings outside it.
 * - `list` is a multi-select's array of option values.
 * - `opaque` is a value the language can only test for blank (files).
 * - `null` is the type of the `null` literal; it fits wherever any type fits.
 */
export type ValueType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'list' | 'opaque' | 'null';

/** What a formula field declares it produces (from the entity schema). */
export type FormulaResultType = FieldOf<'formula'>['resultType'];

/**
 * How a caller describes an identifier: a field type name, a formula value type,
 * or any object with a `type` (a FieldDefinition fits; a formula field's
 * `resultType` is then used as its type).
 */
export type FieldTypeDescriptor =
  | FieldType
  | Exclude<ValueType, 'null'>
  | { readonly type: FieldType | Exclude<ValueType, 'null'>; readonly resultType?: FormulaResultType };

export interface FormulaScope {
  /** The identifiers a formula may use: the entity's field API names. */
  readonly fields: ReadonlyMap<string, FieldTypeDescriptor>;
}

export interface FormulaContext {
  /** The instant TODAY() and NOW() refer to; pass one per save so every formula of a record agrees. */
  readonly now: Date;
  /** IANA zone (e.g. 'Asia/Shanghai') in which TODAY(), YEAR/MONTH/DAY of datetimes and DAYS_BETWEEN count days. */
  readonly timeZone: string;
}

export interface CompiledFormula {
  /** Field API names the formula reads, each once, in order of first use. */
  readonly dependencies: readonly string[];
  /** The inferred type of the result (`null` only for a formula that is the `null` literal). */
  readonly type: ValueType;
  /**
   * Computes the value for a record. Never throws for bad data (a value of the
   * wrong shape counts as blank); throws only for a bad `ctx` (unknown time zone).
   * Returns a number, string, boolean, null, or for lists an array of strings;
   * dates come out as 'YYYY-MM-DD', datetimes as ISO strings in UTC.
   */
  evaluate(record: Readonly<Record<string, unknown>>, ctx: FormulaContext): unknown;
}

const FIELD_TYPE_TO_VALUE: Record<FieldType, ValueType> = {
  text: 'text',
  longText: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  select: 'text',
  lookup: 'text', // the target record's id
  user: 'text', // the user's id
  autoNumber: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number', // stored as the number shown (50 for 50 %), hence `amount * probability / 100`
  rollup: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  multiSelect: 'list',
  file: 'opaque',
  formula: 'null', // replaced by the formula's resultType below
};

const RESULT_TYPE_TO_VALUE: Record<FormulaResultType, ValueType> = {
  number: 'number',
  currency: 'number',
  percent: 'number',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
};

const VALUE_TYPES: ReadonlySet<string> = new Set(['number', 'text', 'boolean', 'date', 'datetime', 'list', 'opaque']);

/** The formula type of an identifier, or undefined for a descriptor this version does not know. */
export function valueTypeOf(descriptor: FieldTypeDescriptor): ValueType | undefined {
  const type = typeof descriptor === 'string' ? descriptor : descriptor.type;
  if (type === 'formula') {
    const result = typeof descriptor === 'string' ? undefined : descriptor.resultType;
    return result ? RESULT_TYPE_TO_VALUE[result] : undefined;
  }
  if (Object.hasOwn(FIELD_TYPE_TO_VALUE, type)) return FIELD_TYPE_TO_VALUE[type as FieldType];
  return VALUE_TYPES.has(type) ? (type as ValueType) : undefined;
}

/** The value type a declared `resultType` requires. */
export function valueTypeOfResult(resultType: FormulaResultType): ValueType {
  return RESULT_TYPE_TO_VALUE[resultType];
}
