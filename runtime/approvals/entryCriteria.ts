/**
 * Entry criteria with reasons: evaluated with the same synchronous evaluator
 * as form rules and transitions (rules/conditions.ts), and when they fail,
 * the conditions that made them fail, each with its path in the definition.
 */
import type { Condition, FactCondition } from '../../schemas/index.js';
import type { ErrorDetail } from '../errors.js';
import { evaluateCondition, type Facts } from '../rules/conditions.js';

function describe(condition: FactCondition, facts: Facts, hidden: ReadonlySet<string>): string {
  const target = condition.path ? `${condition.fact}${condition.path.replace(/^\$/, '')}` : condition.fact;
  const expected = condition.operator === 'isEmpty' || condition.operator === 'isNotEmpty' ? '' : ` ${JSON.stringify(condition.value)}`;
  const actual = hidden.has(condition.fact) ? '' : `; it is ${JSON.stringify(facts[condition.fact] ?? null)}`;
  return `${target} must be ${condition.operator}${expected}${actual}`;
}

/**
 * The leaf conditions responsible for `condition` not holding: every failing
 * child of an `all`, every child of a failed `any`, a `not` whose inner holds.
 * Values of fields hidden from the asking user are not repeated.
 */
export function failedConditions(condition: Condition, facts: Facts, path = '/entryCriteria', hidden: ReadonlySet<string> = new Set()): ErrorDetail[] {
  if (evaluateCondition(condition, facts)) return [];
  if ('all' in condition) return condition.all.flatMap((c, i) => failedConditions(c, facts, `${path}/all/${i}`, hidden));
  if ('any' in condition) {
    const failures = condition.any.flatMap((c, i) => failedConditions(c, facts, `${path}/any/${i}`, hidden));
    return failures.map((f) => ({ ...f, message: `${f.message} (or another condition of ${path}/any must hold)` }));
  }
  if ('not' in condition) return [{ path: `${path}/not`, message: `must not hold: ${JSON.stringify(condition.not)}` }];
  return [{ path, message: describe(condition, facts, hidden) }];
}
