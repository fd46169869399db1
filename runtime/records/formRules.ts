/**
 * The server half of form rules: a field a form makes required while a
 * condition holds must be filled on every channel, and a field a form makes
 * read-only while a condition holds cannot be changed through any channel.
 */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { invalid, type ErrorDetail } from '../errors.js';
import { fieldStates } from '../rules/formRules.js';

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** `before` is the stored record on update (read-only rules judge the record as it was), null on create. */
export function enforceFormRules(entity: CompiledEntity, values: Record<string, unknown>, before: Record<string, unknown> | null): void {
  if (entity.formRules.length === 0) return;
  const now = fieldStates(entity.fields.values(), entity.formRules, values);
  const problems: ErrorDetail[] = [];
  for (const [name, state] of now) {
    if (state.visible && state.required && isBlank(values[name])) problems.push({ path: `/${name}`, message: 'is required' });
  }
  if (before) {
    const was = fieldStates(entity.fields.values(), entity.formRules, before);
    for (const [name, state] of was) {
      const field = entity.fields.get(name)!;
      if (state.readOnly && !field.readOnly && !same(before[name], values[name])) problems.push({ path: `/${name}`, message: 'is read-only here' });
    }
  }
  if (problems.length) throw invalid(`the ${entity.name} breaks its form rules`, problems);
}
