/**
 * Turns a dry run's answer into rows a person can read: each condition with
 * the value seen and whether it held, each action with what it would do.
 */
export type ConditionTrace =
  | { all: ConditionTrace[]; result?: boolean }
  | { any: ConditionTrace[]; result?: boolean }
  | { not: ConditionTrace; result?: boolean }
  | { fact: string; path?: string; operator: string; value: unknown; factValue?: unknown; result?: boolean };

export interface DryRun {
  matched: boolean;
  status: string;
  message?: string;
  conditions: ConditionTrace | null;
  actions: { index?: number; type: string; status: string; detail?: Record<string, unknown>; error?: string }[];
}

export interface TraceRow {
  depth: number;
  /** `none` is `not` over `any`, as the condition builder writes "none of". */
  kind: 'all' | 'any' | 'not' | 'none' | 'test';
  /** For a test: the fact (with its path), the operator, the expected and the seen value. */
  fact?: string;
  operator?: string;
  expected?: unknown;
  seen?: unknown;
  /** undefined: not evaluated (the engine stopped once the group's outcome was known). */
  result?: boolean;
}

/**
 * json-rules-engine leaves `result` off some groups (a `not`, a group it did
 * not finish); where the children settle it, the group's outcome is derived.
 */
function groupResult(kind: 'all' | 'any', own: boolean | undefined, kids: (boolean | undefined)[]): boolean | undefined {
  if (own !== undefined) return own;
  if (kind === 'all') return kids.some((k) => k === false) ? false : kids.every((k) => k === true) ? true : undefined;
  return kids.some((k) => k === true) ? true : kids.every((k) => k === false) ? false : undefined;
}

function resultOf(trace: ConditionTrace): boolean | undefined {
  if ('all' in trace) return groupResult('all', trace.result, trace.all.map(resultOf));
  if ('any' in trace) return groupResult('any', trace.result, trace.any.map(resultOf));
  if ('not' in trace) {
    if (trace.result !== undefined) return trace.result;
    const inner = resultOf(trace.not);
    return inner === undefined ? undefined : !inner;
  }
  return trace.result;
}

export function traceRows(trace: ConditionTrace | null, depth = 0, out: TraceRow[] = []): TraceRow[] {
  if (!trace) return out;
  if ('all' in trace) {
    out.push({ depth, kind: 'all', result: resultOf(trace) });
    trace.all.forEach((c) => traceRows(c, depth + 1, out));
  } else if ('any' in trace) {
    out.push({ depth, kind: 'any', result: resultOf(trace) });
    trace.any.forEach((c) => traceRows(c, depth + 1, out));
  } else if ('not' in trace) {
    const inner = trace.not;
    if ('any' in inner) {
      out.push({ depth, kind: 'none', result: resultOf(trace) });
      inner.any.forEach((c) => traceRows(c, depth + 1, out));
    } else {
      out.push({ depth, kind: 'not', result: resultOf(trace) });
      traceRows(inner, depth + 1, out);
    }
  } else {
    const fact = trace.path ? `${trace.fact}.${trace.path.replace(/^\$\.?/, '')}` : trace.fact;
    out.push({ depth, kind: 'test', fact, operator: trace.operator, expected: trace.value, seen: trace.factValue, result: trace.result });
  }
  return out;
}

/** A value as a short readable text: strings quoted, empty shown as "—". */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return `"${v}"`;
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The detail of a planned action as label/value lines (nested objects flattened one level). */
export function detailLines(detail: Record<string, unknown> | undefined): { key: string; value: string }[] {
  if (!detail) return [];
  const out: { key: string; value: string }[] = [];
  for (const [k, v] of Object.entries(detail)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) out.push({ key: `${k}.${k2}`, value: typeof v2 === 'string' ? v2 : showValue(v2) });
    } else out.push({ key: k, value: typeof v === 'string' ? v : showValue(v) });
  }
  return out;
}
