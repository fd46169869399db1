/**
 * Per-field form rules and the condition trees they hold, edited without
 * JSON: a rule is one (field, effect) pair; its condition is an all/any group
 * of fact tests or nested groups, addressed by a path of child indices.
 */
import type { FieldDefinition } from '../../../../schemas/entity.js';
import type { Condition, ConditionOperator, FactCondition } from '../../../../schemas/conditions.js';
import type { FormDefinition, FormRule } from '../../../../schemas/form.js';

export type Effect = FormRule['effect'];
export const EFFECTS: readonly Effect[] = ['visible', 'required', 'readOnly'];
export type Group = { all: Condition[] } | { any: Condition[] };
export type GroupMode = 'all' | 'any';

export const ruleFor = (form: FormDefinition, field: string, effect: Effect) =>
  (form.rules ?? []).find((r) => r.field === field && r.effect === effect);

/** Sets (or with `when` null, removes) the rule of `field` for `effect`. */
export function setRule(form: FormDefinition, field: string, effect: Effect, when: Condition | null): FormDefinition {
  const rules = form.rules ?? [];
  const at = rules.findIndex((r) => r.field === field && r.effect === effect);
  let next: FormRule[];
  if (!when) next = rules.filter((_, i) => i !== at);
  else if (at < 0) next = [...rules, { field, effect, when }];
  else next = rules.map((r, i) => (i === at ? { ...r, when } : r));
  const { rules: _old, ...rest } = form;
  return next.length ? { ...rest, rules: next } : rest;
}

export const isGroup = (c: Condition): c is Group => 'all' in c || 'any' in c;
export const modeOf = (g: Group): GroupMode => ('all' in g ? 'all' : 'any');
export const childrenOf = (g: Group): Condition[] => ('all' in g ? g.all : g.any);
const makeGroup = (mode: GroupMode, children: Condition[]): Group => (mode === 'all' ? { all: children } : { any: children });

/** Any condition as a group the editor can show (a bare fact test becomes a one-item "all"). */
export const asGroup = (c: Condition): Group => (isGroup(c) ? c : { all: [c] });

export const setMode = (g: Group, mode: GroupMode): Group => makeGroup(mode, childrenOf(g));

/** Applies `fn` to the group at `path` (indices of nested groups) and rebuilds the tree. */
export function updateGroupAt(root: Group, path: readonly number[], fn: (g: Group) => Group): Group {
  if (path.length === 0) return fn(root);
  const children = [...childrenOf(root)];
  const child = children[path[0]];
  if (!child || !isGroup(child)) return root;
  children[path[0]] = updateGroupAt(child, path.slice(1), fn);
  return makeGroup(modeOf(root), children);
}

export const addChild = (g: Group, child: Condition): Group => makeGroup(modeOf(g), [...childrenOf(g), child]);
export const replaceChild = (g: Group, index: number, child: Condition): Group =>
  makeGroup(modeOf(g), childrenOf(g).map((c, i) => (i === index ? child : c)));
export const removeChild = (g: Group, index: number): Group => makeGroup(modeOf(g), childrenOf(g).filter((_, i) => i !== index));

/** Operators that make sense for a field's type (schemas/conditions.ts lists them all). */
export function operatorsFor(field: FieldDefinition | undefined): ConditionOperator[] {
  const empty: ConditionOperator[] = ['isEmpty', 'isNotEmpty'];
  switch (field?.type) {
    case 'number': case 'currency': case 'percent': case 'date': case 'datetime': case 'rollup':
      return ['equal', 'notEqual', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', ...empty];
    case 'select':
      return ['equal', 'notEqual', 'in', 'notIn', ...empty];
    case 'multiSelect':
      return ['contains', 'doesNotContain', ...empty];
    case 'boolean':
      return ['equal', 'notEqual'];
    case 'formula':
      return field.resultType === 'text' ? ['equal', 'notEqual', 'contains', 'doesNotContain', ...empty]
        : field.resultType === 'boolean' ? ['equal', 'notEqual'] : ['equal', 'notEqual', 'greaterThan', 'lessThan', ...empty];
    default:
      return ['equal', 'notEqual', 'contains', 'doesNotContain', 'in', 'notIn', ...empty];
  }
}

export type ValueShape = 'none' | 'list' | 'single';
export const valueShape = (op: ConditionOperator): ValueShape =>
  op === 'isEmpty' || op === 'isNotEmpty' ? 'none' : op === 'in' || op === 'notIn' ? 'list' : 'single';

/** A value of the right type for the field and operator, to start from. */
export function defaultValue(field: FieldDefinition | undefined, op: ConditionOperator): unknown {
  const shape = valueShape(op);
  if (shape === 'none') return undefined;
  if (shape === 'list') return [];
  switch (field?.type) {
    case 'select': case 'multiSelect':
      return field.options[0]?.value ?? '';
    case 'boolean':
      return true;
    case 'number': case 'currency': case 'percent': case 'rollup':
      return 0;
    default:
      return '';
  }
}

/** A fact test on `field`, with an operator and value that fit its type. */
export function newFactCondition(field: FieldDefinition): FactCondition {
  const operator = operatorsFor(field)[0];
  const value = defaultValue(field, operator);
  return value === undefined ? { fact: field.name, operator } : { fact: field.name, operator, value };
}

/** Changes the operator, keeping the value when its shape still fits. */
export function withOperator(c: FactCondition, field: FieldDefinition | undefined, operator: ConditionOperator): FactCondition {
  const { value: _v, ...rest } = c;
  if (valueShape(operator) === valueShape(c.operator) && c.value !== undefined) return { ...rest, operator, value: c.value };
  const value = defaultValue(field, operator);
  return value === undefined ? { ...rest, operator } : { ...rest, operator, value };
}

/** Changes the field, resetting operator and value to fit its type. */
export const withFact = (field: FieldDefinition): FactCondition => newFactCondition(field);

/** A group with no tests left means "no rule". */
export const isEmptyGroup = (g: Group) => childrenOf(g).length === 0;
