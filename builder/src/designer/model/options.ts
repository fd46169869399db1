/** Edits of a select field's options (value, labels in both languages, colour, order). */
import type { FieldOf } from '../../../../schemas/entity.js';

export type SelectOption = FieldOf<'select'>['options'][number];
export const OPTION_VALUE = /^[A-Za-z0-9_-]{1,64}$/;

export function addOption(options: readonly SelectOption[]): SelectOption[] {
  const taken = new Set(options.map((o) => o.value));
  let n = options.length + 1;
  while (taken.has(`option${n}`)) n++;
  return [...options, { value: `option${n}`, label: { 'zh-CN': `选项${n}`, en: `Option ${n}` } }];
}

export function updateOption(options: readonly SelectOption[], index: number, patch: Partial<SelectOption>): SelectOption[] {
  return options.map((o, i) => {
    if (i !== index) return o;
    const next = { ...o, ...patch };
    if (!next.color) delete next.color; // an empty colour is "none", not an invalid ""
    return next;
  });
}

export function moveOption(options: readonly SelectOption[], from: number, to: number): SelectOption[] {
  if (to < 0 || to >= options.length) return [...options];
  const next = [...options];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** The last option cannot go: a select needs at least one. */
export const removeOption = (options: readonly SelectOption[], index: number): SelectOption[] =>
  options.length <= 1 ? [...options] : options.filter((_, i) => i !== index);

/** Problems the option editor shows next to the rows (the server would refuse them too). */
export function optionProblems(options: readonly SelectOption[]): Map<number, 'badValue' | 'duplicateValue' | 'missingLabel'> {
  const problems = new Map<number, 'badValue' | 'duplicateValue' | 'missingLabel'>();
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (!OPTION_VALUE.test(o.value)) problems.set(i, 'badValue');
    else if (seen.has(o.value)) problems.set(i, 'duplicateValue');
    else if (!o.label['zh-CN'] || !o.label.en) problems.set(i, 'missingLabel');
    seen.add(o.value);
  });
  return problems;
}
