/**
 * json-rules-engine engines for one entity's trigger type in one published
 * version: each workflow is a rule named after it. An engine is checked out
 * for one run and returned after, so concurrent runs never share one (an
 * engine carries run status; facts travel per run in its almanac).
 * The operators are ours (runtime/rules/conditions.ts), so a condition means
 * the same in a form rule, an approval's criteria and a workflow.
 */
import { Engine, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, ConditionOperator } from '../../schemas/conditions.js';
import type { WorkflowDefinition } from '../../schemas/index.js';
import { compare } from '../rules/conditions.js';

const OPERATORS: ConditionOperator[] = [
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
  'in', 'notIn', 'contains', 'doesNotContain', 'isEmpty', 'isNotEmpty',
];
const ALWAYS: TopLevelCondition = { all: [] };
/** Idle engines kept per pool; more are built while runs overlap and dropped after. */
const MAX_IDLE = 8;

/** The engine insists on a `value` even where our operators need none (isEmpty, isNotEmpty). */
function withValues(condition: Condition): Condition {
  if ('all' in condition) return { all: condition.all.map(withValues) };
  if ('any' in condition) return { any: condition.any.map(withValues) };
  if ('not' in condition) return { not: withValues(condition.not) };
  return 'value' in condition ? condition : { ...condition, value: null };
}

/** The engine wants all / any / not at the root; a single test is wrapped (and unwrapped again in the trace). */
export function rootCondition(condition: WorkflowDefinition['conditions']): TopLevelCondition {
  if (!condition) return ALWAYS;
  const c = withValues(condition);
  return ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as TopLevelCondition;
}

function buildEngine(workflows: readonly WorkflowDefinition[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of OPERATORS) engine.addOperator(op, (fact: unknown, value: unknown) => compare(op, fact, value));
  for (const w of workflows) {
    engine.addRule({ name: w.name, conditions: rootCondition(w.conditions), event: { type: w.name } });
  }
  return engine;
}

export class EnginePool {
  private readonly idle: Engine[] = [];
  constructor(private readonly workflows: readonly WorkflowDefinition[]) {}

  /** Evaluates every rule against the facts; results by workflow name. */
  async evaluate(facts: Record<string, unknown>): Promise<Map<string, RuleResult>> {
    const engine = this.idle.pop() ?? buildEngine(this.workflows);
    try {
      const { results, failureResults } = await engine.run(facts);
      return new Map([...results, ...failureResults].map((r) => [r.name, r]));
    } finally {
      if (this.idle.length < MAX_IDLE) this.idle.push(engine);
    }
  }
}
