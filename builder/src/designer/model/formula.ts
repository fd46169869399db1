/** Checks a formula in the browser with the runtime's own compiler, and previews it on a sample record. */
import type { EntityDefinition, FieldDefinition, FieldOf } from '../../../../schemas/entity.js';
import { compileFormula, isFormulaError, type FieldTypeDescriptor } from '../../../../runtime/formula/index.js';

export type FormulaCheck =
  | { ok: true; type: string; dependencies: readonly string[]; preview: unknown; previewError?: string }
  | { ok: false; message: string; position: number; end: number };

/** The fields a formula of `self` may read: the entity's active fields except itself. */
function scopeOf(entity: EntityDefinition, self: string): Map<string, FieldTypeDescriptor> {
  return new Map(entity.fields.filter((f) => !f.archived && f.name !== self).map((f) => [f.name, f as FieldTypeDescriptor]));
}

export function checkFormula(
  entity: EntityDefinition, field: FieldOf<'formula'>, sample: Record<string, unknown>, now = new Date(), timeZone = 'Asia/Shanghai',
): FormulaCheck {
  const compiled = compileFormula(field.expression, { fields: scopeOf(entity, field.name) }, { resultType: field.resultType });
  if (isFormulaError(compiled)) return { ok: false, message: compiled.description, position: compiled.position, end: compiled.end };
  try {
    return { ok: true, type: compiled.type, dependencies: compiled.dependencies, preview: compiled.evaluate(sample, { now, timeZone }) };
  } catch (e) {
    return { ok: true, type: compiled.type, dependencies: compiled.dependencies, preview: null, previewError: e instanceof Error ? e.message : String(e) };
  }
}

/** A plausible value of each field, so a formula or a form preview has something to show. */
export function sampleValue(field: FieldDefinition, now = new Date(), locale: 'zh-CN' | 'en' = 'en'): unknown {
  switch (field.type) {
    case 'text': case 'longText': return field.default ?? (locale === 'en' ? `${field.label.en} sample` : `示例${field.label['zh-CN']}`);
    case 'number': return field.default ?? 10;
    case 'currency': return field.default ?? 100000;
    case 'percent': return field.default ?? 50;
    case 'date': return now.toISOString().slice(0, 10);
    case 'datetime': return now.toISOString();
    case 'boolean': return field.default ?? true;
    case 'select': return field.default ?? field.options[0]?.value;
    case 'multiSelect': return field.default ?? field.options.slice(0, 1).map((o) => o.value);
    case 'email': return 'someone@example.com';
    case 'phone': return '13800000000';
    case 'url': return 'https://example.com';
    case 'rollup': return 3;
    case 'autoNumber': return field.format.replace(/\{0+\}/, (m) => '1'.padStart(m.length - 2, '0'));
    default: return undefined;
  }
}

export function sampleRecord(entity: EntityDefinition, now = new Date(), locale: 'zh-CN' | 'en' = 'en'): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const f of entity.fields) {
    if (f.archived) continue;
    const v = sampleValue(f, now, locale);
    if (v !== undefined) record[f.name] = v;
  }
  return record;
}
