/**
 * Evaluates json-rules-engine condition JSON against a record's values,
 * synchronously, so the form can show and hide fields as the user types.
 * Shared by the form renderer and the server's save pipeline, so a rule
 * means the same in the browser and on every channel.
 *
 * Operator semantics follow json-rules-engine's defaults (strict equality,
 * numeric comparisons only on numbers, `contains` only on arrays) so a rule
 * means the same thing in the form and on the server. Two additions, which
 * the engine registers as custom operators: `isEmpty` and `isNotEmpty`.
 * ISO date strings also compare with lessThan… so "close date before X" works.
 */
import type { Condition, ConditionOperator, FactCondition } from '../../schemas/conditions.js';

export type Facts = Readonly<Record<string, unknown>>;

/** `$.a.b` style JSONPath, the subset json-rules-engine users write for object facts. */
function pick(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  const steps = path.replace(/^\$\.?/, '').split('.').filter(Boolean);
  let current = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** A condition's value may itself name a fact: `{ "fact": "budget" }`. */
function resolveValue(value: unknown, facts: Facts): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'fact' in value) {
    const ref = value as { fact: unknown; path?: unknown };
    return typeof ref.fact === 'string' ? pick(facts[ref.fact], typeof ref.path === 'string' ? ref.path : undefined) : undefined;
  }
  return value;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
/** Orderable as json-rules-engine orders them: numbers, plus ISO dates for our date fields. */
function comparable(a: unknown, b: unknown): [number | string, number | string] | null {
  if (typeof a === 'number' && typeof b === 'number' && !Number.isNaN(a) && !Number.isNaN(b)) return [a, b];
  if (typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b)) return [a, b];
  return null;
}

/** One operator applied to a fact's value; json-rules-engine engines register these too (runtime/workflows/engines.ts). */
export function compare(op: ConditionOperator, fact: unknown, value: unknown): boolean {
  switch (op) {
    case 'equal': return fact === value;
    case 'notEqual': return fact !== value;
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive': {
      const pair = comparable(fact, value);
      if (!pair) return false;
      const [a, b] = pair;
      if (op === 'lessThan') return a < b;
      if (op === 'lessThanInclusive') return a <= b;
      if (op === 'greaterThan') return a > b;
      return a >= b;
    }
    case 'in': return Array.isArray(value) && value.includes(fact);
    case 'notIn': return Array.isArray(value) && !value.includes(fact);
    case 'contains': return Array.isArray(fact) && fact.includes(value);
    case 'doesNotContain': return Array.isArray(fact) && !fact.includes(value);
    case 'isEmpty': return isEmpty(fact);
    case 'isNotEmpty': return !isEmpty(fact);
    default: {
      const unknownOperator: never = op;
      throw new Error(`unknown condition operator ${String(unknownOperator)}`);
    }
  }
}

function evaluateFact(condition: FactCondition, facts: Facts): boolean {
  const fact = pick(facts[condition.fact], condition.path);
  return compare(condition.operator, fact, resolveValue(condition.value, facts));
}

export function evaluateCondition(condition: Condition, facts: Facts): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, facts));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  return evaluateFact(condition, facts);
}

/** Field names a condition reads, so callers can tell which edits may change its outcome. */
export function factsOf(condition: Condition, into = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => factsOf(c, into));
  else if ('any' in condition) condition.any.forEach((c) => factsOf(c, into));
  else if ('not' in condition) factsOf(condition.not, into);
  else into.add(condition.fact);
  return into;
}
