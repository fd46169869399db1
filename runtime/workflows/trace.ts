/**
 * A condition's evaluation as stored in a run: the tree as written, each leaf
 * with the fact's value and its result. json-rules-engine stops evaluating an
 * `all`/`any` once its outcome is known; leaves it skipped have no result.
 */
import type { RuleResult } from 'json-rules-engine';

export type ConditionTrace =
  | { all: ConditionTrace[]; result?: boolean }
  | { any: ConditionTrace[]; result?: boolean }
  | { not: ConditionTrace; result?: boolean }
  | { fact: string; path?: string; operator: string; value: unknown; factValue?: unknown; result?: boolean };

type ResultNode = Record<string, unknown>;

function convert(node: ResultNode): ConditionTrace {
  const result = typeof node.result === 'boolean' ? node.result : undefined;
  if (Array.isArray(node.all)) return { all: (node.all as ResultNode[]).map(convert), result };
  if (Array.isArray(node.any)) return { any: (node.any as ResultNode[]).map(convert), result };
  if (node.not && typeof node.not === 'object') return { not: convert(node.not as ResultNode), result };
  const leaf: ConditionTrace = { fact: String(node.fact), operator: String(node.operator), value: node.value ?? null, result };
  if (typeof node.path === 'string') leaf.path = node.path;
  if (result !== undefined) leaf.factValue = node.factResult ?? null;
  return leaf;
}

/** The trace of a rule's conditions; `wrapped` when a single test was wrapped in `all` for the engine. */
export function conditionTrace(result: RuleResult, wrapped: boolean): ConditionTrace {
  const root = result.conditions as unknown as ResultNode;
  return wrapped && Array.isArray(root.all) ? convert((root.all as ResultNode[])[0]!) : convert(root);
}
