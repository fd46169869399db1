/**
 * Pure edits of a json-rules-engine condition tree as the condition builder
 * shows it: a root group (all / any / none) of rules and nested groups. A
 * rule is a fact (a field of the entity, or e.g. its previous value), an
 * operator allowed for the field's type and a value typed by the field.
 * "None of" is written as `{ not: { any: [...] } }`.
 */
import type { Condition, ConditionOperator, FactCondition } from '../../../../schemas/conditions.js';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import { valueKind, type ValueKind } from './entities.js';

export type Combinator = 'all' | 'any' | 'none';
export type GroupCondition = { all: Condition[] } | { any: Condition[] } | { not: { any: Condition[] } };

/** A fact the builder offers: a field, read from the record or from another fact (`$previous`) by path. */
export interface FactOption {
  /** Unique key in the picker: `amount`, `$previous.amount`. */
  key: string;
  fact: string;
  path?: string;
  field: FieldDefinition;
}

export function fieldFacts(fields: readonly FieldDefinition[], previous = false): FactOption[] {
  const own = fields.map((field) => ({ key: field.name, fact: field.name, field }));
  if (!previous) return own;
  return [...own, ...fields.map((field) => ({ key: `$previous.${field.name}`, fact: '$previous', path: `$.${field.name}`, field }))];
}

export const factKey = (c: FactCondition) => (c.path ? `${c.fact}.${c.path.replace(/^\$\.?/, '')}` : c.fact);

const NO_VALUE: ReadonlySet<ConditionOperator> = new Set(['isEmpty', 'isNotEmpty']);
const LIST_VALUE: ReadonlySet<ConditionOperator> = new Set(['in', 'notIn']);
export const takesValue = (op: ConditionOperator) => !NO_VALUE.has(op);
export const takesList = (op: ConditionOperator) => LIST_VALUE.has(op);

/** Operators that make sense for a kind of value. */
export function operatorsFor(kind: ValueKind): ConditionOperator[] {
  switch (kind) {
    case 'number': case 'date': case 'datetime':
      return ['equal', 'notEqual', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'isEmpty', 'isNotEmpty'];
    case 'boolean':
      return ['equal', 'notEqual', 'isEmpty', 'isNotEmpty'];
    case 'select': case 'user': case 'lookup':
      return ['equal', 'notEqual', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];
    case 'multiSelect':
      return ['contains', 'doesNotContain', 'isEmpty', 'isNotEmpty'];
    default:
      return ['equal', 'notEqual', 'contains', 'doesNotContain', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];
  }
}

/** The value a rule starts with for a field and operator. */
export function defaultValue(field: FieldDefinition | undefined, op: ConditionOperator): unknown {
  if (!takesValue(op)) return undefined;
  const kind = valueKind(field);
  if (takesList(op)) return [];
  switch (kind) {
    case 'number': return 0;
    case 'boolean': return true;
    case 'select': case 'multiSelect':
      return field && (field.type === 'select' || field.type === 'multiSelect') ? field.options[0]?.value ?? '' : '';
    default: return '';
  }
}

function withValue(c: FactCondition, value: unknown): FactCondition {
  const { value: _old, ...rest } = c;
  return value === undefined ? rest : { ...rest, value };
}

export function newRule(option: FactOption): FactCondition {
  const op = operatorsFor(valueKind(option.field))[0]!;
  const rule: FactCondition = { fact: option.fact, operator: op };
  if (option.path) rule.path = option.path;
  return withValue(rule, defaultValue(option.field, op));
}

/** Another fact: the operator is kept when the new field allows it, the value restarts. */
export function changeFact(rule: FactCondition, option: FactOption): FactCondition {
  const ops = operatorsFor(valueKind(option.field));
  const op = ops.includes(rule.operator) ? rule.operator : ops[0]!;
  const next: FactCondition = { fact: option.fact, operator: op };
  if (option.path) next.path = option.path;
  return withValue(next, defaultValue(option.field, op));
}

/** Another operator: the value is kept where its shape still fits (one value ↔ a list). */
export function changeOperator(rule: FactCondition, op: ConditionOperator, field: FieldDefinition | undefined): FactCondition {
  const next = { ...rule, operator: op };
  if (!takesValue(op)) return withValue(next, undefined);
  const v = rule.value;
  if (takesList(op)) return withValue(next, Array.isArray(v) ? v : v === undefined || v === '' || v === null ? [] : [v as string]);
  if (Array.isArray(v)) return withValue(next, v.length ? v[0] : defaultValue(field, op));
  return withValue(next, v === undefined ? defaultValue(field, op) : v);
}

export const changeValue = (rule: FactCondition, value: unknown): FactCondition => withValue(rule, value);

// ---- groups --------------------------------------------------------------

export const isGroup = (c: Condition): c is GroupCondition =>
  'all' in c || 'any' in c || ('not' in c && typeof c.not === 'object' && 'any' in c.not);

export function combinatorOf(g: GroupCondition): Combinator {
  return 'all' in g ? 'all' : 'any' in g ? 'any' : 'none';
}

export function childrenOf(g: GroupCondition): Condition[] {
  return 'all' in g ? g.all : 'any' in g ? g.any : g.not.any;
}

export function makeGroup(comb: Combinator, children: Condition[]): GroupCondition {
  return comb === 'all' ? { all: children } : comb === 'any' ? { any: children } : { not: { any: children } };
}

/** The JSON Pointer segment(s) of a group's children, relative to the group. */
const childrenPointer = (g: GroupCondition) => ('all' in g ? '/all' : 'any' in g ? '/any' : '/not/any');

/** The tree as the builder edits it: always a group at the root (a lone test or a `not` is wrapped in `all`). */
export function rootGroup(c: Condition | undefined): GroupCondition {
  if (!c) return { all: [] };
  return isGroup(c) ? c : { all: [c] };
}

/** Back to a definition: an empty root means "no condition". */
export function toCondition(g: GroupCondition): Condition | undefined {
  return childrenOf(g).length === 0 ? undefined : g;
}

/** A node is addressed by child indexes from the root group. */
export type NodePath = readonly number[];

export function nodeAt(root: GroupCondition, path: NodePath): Condition | undefined {
  let node: Condition = root;
  for (const i of path) {
    if (!isGroup(node)) return undefined;
    const next: Condition | undefined = childrenOf(node)[i];
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/** JSON Pointer of a node relative to the condition (for issues). */
export function nodePointer(root: GroupCondition, path: NodePath): string {
  let node: Condition = root;
  let out = '';
  for (const i of path) {
    if (!isGroup(node)) break;
    out += `${childrenPointer(node)}/${i}`;
    node = childrenOf(node)[i]!;
  }
  return out;
}

function updateAt(root: GroupCondition, path: NodePath, fn: (node: Condition) => Condition | null): GroupCondition {
  if (path.length === 0) {
    const out = fn(root);
    return out && isGroup(out) ? out : root;
  }
  const [head, ...rest] = path;
  const kids = childrenOf(root);
  const child = kids[head!];
  if (!child) return root;
  let next: Condition | null;
  if (rest.length === 0) next = fn(child);
  else next = isGroup(child) ? updateAt(child, rest, fn) : child;
  const nextKids = next === null ? kids.filter((_, i) => i !== head) : kids.map((k, i) => (i === head ? next! : k));
  return makeGroup(combinatorOf(root), nextKids);
}

export const replaceNode = (root: GroupCondition, path: NodePath, node: Condition) => updateAt(root, path, () => node);
export const removeNode = (root: GroupCondition, path: NodePath) => (path.length === 0 ? { all: [] } : updateAt(root, path, () => null));

export function appendChild(root: GroupCondition, groupPath: NodePath, child: Condition): GroupCondition {
  return updateAt(root, groupPath, (g) => (isGroup(g) ? makeGroup(combinatorOf(g), [...childrenOf(g), child]) : g));
}

export function setCombinator(root: GroupCondition, groupPath: NodePath, comb: Combinator): GroupCondition {
  return updateAt(root, groupPath, (g) => (isGroup(g) ? makeGroup(comb, childrenOf(g)) : g));
}

/** Does every rule have a fact the builder knows and a value where the operator needs one? */
export function incompleteRules(root: GroupCondition): NodePath[] {
  const out: NodePath[] = [];
  const walk = (g: GroupCondition, at: number[]) =>
    childrenOf(g).forEach((c, i) => {
      if (isGroup(c)) walk(c, [...at, i]);
      else if ('fact' in c && takesValue(c.operator) && (c.value === undefined || c.value === '' || (Array.isArray(c.value) && c.value.length === 0))) out.push([...at, i]);
    });
  walk(root, []);
  return out;
}
