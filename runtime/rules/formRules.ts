/** Applies a form's rules (visible / required / readOnly while a condition holds) to current values. */
import type { FieldDefinition } from '../../schemas/entity.js';
import type { FormRule } from '../../schemas/form.js';
import { evaluateCondition, type Facts } from './conditions.js';

export interface FieldState {
  visible: boolean;
  required: boolean;
  readOnly: boolean;
}

/**
 * A field with `visible` rules shows only while one of them holds; `required`
 * and `readOnly` rules add to what the field definition already says.
 */
export function fieldStates(fields: Iterable<FieldDefinition>, rules: readonly FormRule[] | undefined, values: Facts): Map<string, FieldState> {
  const states = new Map<string, FieldState>();
  for (const field of fields) {
    states.set(field.name, { visible: true, required: field.required === true, readOnly: field.readOnly === true });
  }
  const visibleRuleSeen = new Set<string>();
  for (const rule of rules ?? []) {
    const state = states.get(rule.field);
    if (!state) continue; // a rule on an archived or unknown field has nothing to act on
    const holds = evaluateCondition(rule.when, values);
    if (rule.effect === 'visible') {
      state.visible = visibleRuleSeen.has(rule.field) ? state.visible || holds : holds;
      visibleRuleSeen.add(rule.field);
    } else if (rule.effect === 'required') {
      state.required ||= holds;
    } else {
      state.readOnly ||= holds;
    }
  }
  return states;
}
