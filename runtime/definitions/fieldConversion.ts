/**
 * Converting a stored field value when an admin changes the field's type:
 * which type changes are supported, and the conversion of one value, checked
 * against the new field's value schema. Lookups, users, files and computed
 * fields (formula, roll-up, auto-number) keep their type: their values mean
 * something only as that type.
 */
import type { ValidateFunction } from 'ajv';
import type { FieldDefinition } from '../../schemas/index.js';
import { recordAjv } from '../records/recordAjv.js';
import { localDate, zonedInstant } from '../time.js';
import { fieldValueSchema } from './recordSchema.js';

type FieldType = FieldDefinition['type'];

const CONVERTIBLE: ReadonlySet<FieldType> = new Set([
  'text', 'longText', 'email', 'phone', 'url', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean', 'select', 'multiSelect',
]);

export function isConvertible(from: FieldType, to: FieldType): boolean {
  return from === to || (CONVERTIBLE.has(from) && CONVERTIBLE.has(to));
}

export type Conversion = { ok: true; value: unknown } | { ok: false; reason: string };

export interface ConversionContext {
  timeZone: string;
  locale: string;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '错', 'off']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Options = { value: string; label: Record<string, string> }[];

/** An option by its value, or by any of its labels (case-insensitive). */
function option(options: Options, text: string): string | null {
  const t = text.trim().toLowerCase();
  const hit = options.find((o) => o.value.toLowerCase() === t || Object.values(o.label).some((l) => l.toLowerCase() === t));
  return hit ? hit.value : null;
}

function optionLabel(options: Options, value: string, locale: string): string {
  const o = options.find((x) => x.value === value);
  return o ? (o.label[locale] ?? o.label.en ?? value) : value;
}

/** The value as text, the way a person would read it (select options by their label). */
function asText(from: FieldDefinition, value: unknown, ctx: ConversionContext): string | null {
  if (value instanceof Date) return from.type === 'date' ? localDate(value, ctx.timeZone) : value.toISOString();
  if (from.type === 'select' && typeof value === 'string') return optionLabel(from.options as Options, value, ctx.locale);
  if (from.type === 'multiSelect' && Array.isArray(value)) return value.map((v) => optionLabel(from.options as Options, String(v), ctx.locale)).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function coerce(from: FieldDefinition, to: FieldDefinition, value: unknown, ctx: ConversionContext): Conversion {
  const fail = (reason: string): Conversion => ({ ok: false, reason });
  switch (to.type) {
    case 'number':
    case 'currency':
    case 'percent': {
      if (typeof value === 'number') return { ok: true, value };
      if (typeof value === 'string' && value.trim() !== '') {
        const n = Number(value.trim().replace(/,/g, ''));
        return Number.isFinite(n) ? { ok: true, value: n } : fail(`"${value}" is not a number`);
      }
      return fail(`${JSON.stringify(value)} is not a number`);
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const t = String(value).trim().toLowerCase();
      if (TRUE.has(t)) return { ok: true, value: true };
      if (FALSE.has(t)) return { ok: true, value: false };
      return fail(`"${String(value)}" is not yes or no`);
    }
    case 'date': {
      if (value instanceof Date) return { ok: true, value: localDate(value, ctx.timeZone) };
      if (typeof value === 'string' && ISO_DATE.test(value.trim())) return { ok: true, value: value.trim() };
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return { ok: true, value: localDate(new Date(value), ctx.timeZone) };
      return fail(`"${String(value)}" is not a date`);
    }
    case 'datetime': {
      if (value instanceof Date) return { ok: true, value };
      if (typeof value === 'string' && ISO_DATE.test(value.trim())) return { ok: true, value: zonedInstant(value.trim(), 0, ctx.timeZone) };
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return { ok: true, value: new Date(value) };
      return fail(`"${String(value)}" is not a date and time`);
    }
    case 'select': {
      const text = asText(from, Array.isArray(value) && value.length === 1 ? value[0] : value, ctx);
      const v = text === null ? null : option(to.options as Options, from.type === 'select' && typeof value === 'string' ? value : text);
      return v ? { ok: true, value: v } : fail(`"${text ?? String(value)}" is not an option`);
    }
    case 'multiSelect': {
      const parts = Array.isArray(value) ? value.map(String) : String(value).split(/[,，;；]/).map((s) => s.trim()).filter(Boolean);
      const values: string[] = [];
      for (const p of parts) {
        const v = option(to.options as Options, p);
        if (!v) return fail(`"${p}" is not an option`);
        if (!values.includes(v)) values.push(v);
      }
      return { ok: true, value: values };
    }
    default: {
      const text = asText(from, value, ctx);
      return text === null ? fail(`${JSON.stringify(value)} has no text form`) : { ok: true, value: text.trim() };
    }
  }
}

const validators = new WeakMap<FieldDefinition, ValidateFunction>();

/** Converts a stored value from `from`'s type to `to`'s; the result is valid for `to` or the reason it cannot be. */
export function convertValue(from: FieldDefinition, to: FieldDefinition, value: unknown, ctx: ConversionContext): Conversion {
  const result = coerce(from, to, value, ctx);
  if (!result.ok) return result;
  let validate = validators.get(to);
  if (!validate) {
    validate = recordAjv.compile(fieldValueSchema(to));
    validators.set(to, validate);
  }
  // Datetimes are stored as Date but validated as ISO text, as the API speaks them.
  const checked = result.value instanceof Date ? result.value.toISOString() : result.value;
  if (!validate(checked)) return { ok: false, reason: `does not fit the new field: ${validate.errors?.map((e) => e.message).join(', ')}` };
  return result;
}
