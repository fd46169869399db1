/**
 * The template editor's data: variables offered in the picker, a sample
 * record to preview on, and the preview itself — rendered by the runtime's
 * own handlebars environment (runtime/workflows/templates.ts), so the helpers
 * and escaping are exactly what a published workflow produces.
 */
import type { EntityDefinition, FieldDefinition } from '../../../../../schemas/entity.js';
import { renderTemplate, templateProblem } from '../../../../../runtime/workflows/templates.js';
import { fieldsOf, label } from '../entities.js';
import type { DesignerLocale } from '../types.js';

export interface TemplateVariable {
  /** Text inserted at the cursor. */
  insert: string;
  label: string;
  group: 'field' | 'previous' | 'owner' | 'helper';
}

export function templateVariables(entity: EntityDefinition | undefined, locale: DesignerLocale, helperLabels: { owner: string; previous: string; today: string; inDays: string }): TemplateVariable[] {
  const fields = fieldsOf(entity, { system: true });
  return [
    ...fields.map((f) => ({ insert: `{{${f.name}}}`, label: label(f.label, locale, f.name), group: 'field' as const })),
    { insert: '{{$owner.name}}', label: helperLabels.owner, group: 'owner' },
    ...fields.filter((f) => f.name !== 'createdAt' && f.name !== 'updatedAt').map((f) => ({
      insert: `{{$previous.${f.name}}}`,
      label: `${helperLabels.previous}: ${label(f.label, locale, f.name)}`,
      group: 'previous' as const,
    })),
    { insert: '{{today}}', label: helperLabels.today, group: 'helper' },
    { insert: '{{addDays today 3}}', label: helperLabels.inDays, group: 'helper' },
  ];
}

/** Inserts `text` into `source` at the selection, returning the new text and caret. */
export function insertAt(source: string, text: string, start: number, end = start): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, source.length));
  const e = Math.max(s, Math.min(end, source.length));
  return { text: source.slice(0, s) + text + source.slice(e), caret: s + text.length };
}

function sampleValue(f: FieldDefinition, today: string): unknown {
  switch (f.type) {
    case 'text': case 'longText': return f.name === 'name' ? '华东智造 ERP 升级' : `${f.name} 示例`;
    case 'number': return 42;
    case 'currency': return 1_200_000;
    case 'percent': return 30;
    case 'date': return today;
    case 'datetime': return `${today}T09:30:00.000Z`;
    case 'boolean': return true;
    case 'select': return f.options[0]?.value ?? null;
    case 'multiSelect': return f.options.slice(0, 2).map((o) => o.value);
    case 'email': return 'li.lei@example.com';
    case 'phone': return '+86 138 0000 0000';
    case 'url': return 'https://example.com';
    case 'user': return 'rep1';
    case 'lookup': return 'rec_0001';
    case 'autoNumber': return f.format.replace(/\{0+\}/, '0001').replace(/\{YYYY\}/, today.slice(0, 4)).replace(/\{MM\}/, today.slice(5, 7));
    default: return 100;
  }
}

/** A made-up record of the entity (plus `$owner` and `$previous`) for the live preview. */
export function sampleData(entity: EntityDefinition | undefined, today: string, record?: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = { id: 'rec_0001', owner: 'rep1', createdAt: `${today}T08:00:00.000Z`, updatedAt: `${today}T09:30:00.000Z` };
  for (const f of fieldsOf(entity)) base[f.name] = sampleValue(f, today);
  const data = { ...base, ...(record ?? {}) };
  const previous = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 0.8) : v]));
  return { ...data, $owner: { id: 'rep1', name: '李雷 Li Lei', email: 'li.lei@example.com' }, $previous: previous };
}

export type Preview = { ok: true; text: string } | { ok: false; error: string };

/** Renders like the server does; a syntax error is reported, not thrown. */
export function renderPreview(source: string, data: Record<string, unknown>, now: Date, timeZone = 'Asia/Shanghai'): Preview {
  const problem = templateProblem(source);
  if (problem) return { ok: false, error: problem };
  try {
    return { ok: true, text: renderTemplate(source, data, { now, timeZone }) };
  } catch (e) {
    return { ok: false, error: (e as Error).message.split('\n')[0] ?? 'invalid template' };
  }
}
