/**
 * jsep, configured for the formula language. jsep keeps its operators, literals
 * and hooks in static (process-wide) state; other code in the process may use
 * jsep with its own settings, so instead of changing that state for good we swap
 * our configuration in for the duration of one synchronous parse and put the
 * previous one back afterwards. Nothing can interleave with a synchronous parse.
 *
 * jsep also records no source positions; two hooks add `start`/`end` offsets to
 * every token node so that later passes can point at the faulty text, and the
 * same hooks bound how deeply tokens nest (jsep parses recursively).
 */
import jsep from 'jsep';
import { fail, FormulaError, FormulaFault } from './errors.js';
import { MAX_EXPRESSION_LENGTH, MAX_NESTING } from './limits.js';

/** A jsep node with the offsets our hooks attach. */
export type ParsedNode = jsep.Expression & { start?: number; end?: number };

type HookCallback = (this: JsepInstance, env: { node?: ParsedNode | false }) => void;

interface JsepInstance {
  index: number;
  readonly code: number;
  throwError(message: string): never;
  gobbleNumericLiteral(): ParsedNode;
}

/** The static state of jsep's parser class that a parse reads. */
interface JsepState {
  unary_ops: Record<string, number>;
  binary_ops: Record<string, number>;
  right_associative: Set<string>;
  additional_identifier_chars: Set<string>;
  literals: Record<string, unknown>;
  this_str: string;
  max_unop_len: number;
  max_binop_len: number;
  hooks: unknown;
}

type JsepClass = JsepState & { parse(expression: string): ParsedNode };

const Jsep = (jsep as unknown as { Jsep: JsepClass }).Jsep;

const STATE_KEYS = [
  'unary_ops', 'binary_ops', 'right_associative', 'additional_identifier_chars',
  'literals', 'this_str', 'max_unop_len', 'max_binop_len', 'hooks',
] as const satisfies readonly (keyof JsepState)[];

// jsep calls `.hasOwnProperty` on these maps, so they must be ordinary objects.
const UNARY_OPS: Record<string, number> = { '-': 1, '+': 1, '!': 1, NOT: 1 };

/** Higher binds tighter. Word operators are upper case: field API names start lower case, so they never clash. */
const BINARY_OPS: Record<string, number> = {
  '||': 1, OR: 1,
  '&&': 2, AND: 2,
  '=': 6, '==': 6, '!=': 6, '<>': 6,
  '<': 7, '<=': 7, '>': 7, '>=': 7,
  '+': 9, '-': 9,
  '*': 10, '/': 10, '%': 10,
};

const LITERALS: Record<string, unknown> = {
  true: true, false: false, null: null,
  TRUE: true, FALSE: false, NULL: null,
};

const longest = (ops: Record<string, number>) => Math.max(...Object.keys(ops).map((k) => k.length));

function formulaState(hooks: unknown): JsepState {
  return {
    unary_ops: UNARY_OPS,
    binary_ops: BINARY_OPS,
    right_associative: new Set(),
    // `_` and `$` stay identifier characters so that `__proto__` parses and is then
    // refused by name with a clear message instead of an odd syntax error.
    additional_identifier_chars: new Set(['_', '$']),
    literals: LITERALS,
    this_str: 'this',
    max_unop_len: longest(UNARY_OPS),
    max_binop_len: longest(BINARY_OPS),
    hooks,
  };
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const PERIOD = 46;

/**
 * Hooks for one parse. `gobble-token` runs as every token starts and `after-token`
 * as it ends, so a stack of start offsets pairs them up. jsep returns numeric
 * literals without running `after-token`, so the start hook parses those itself
 * to keep the pairs balanced.
 */
function positionHooks() {
  const starts: number[] = [];
  const gobbleToken: HookCallback = function (env) {
    starts.push(this.index);
    if (starts.length > MAX_NESTING) {
      this.throwError(`the formula nests more than ${MAX_NESTING} levels deep`);
    }
    const code = this.code;
    if ((code >= DIGIT_0 && code <= DIGIT_9) || code === PERIOD) env.node = this.gobbleNumericLiteral();
  };
  const afterToken: HookCallback = function (env) {
    const start = starts.pop() ?? this.index;
    if (env.node) {
      // A parenthesized group hands back its inner node; keep the inner offsets.
      env.node.start ??= start;
      env.node.end ??= this.index;
    }
  };
  const registry: Record<string, HookCallback[]> = { 'gobble-token': [gobbleToken], 'after-token': [afterToken] };
  return {
    ...registry,
    run(name: string, env: { context?: JsepInstance; node?: ParsedNode | false }) {
      for (const callback of registry[name] ?? []) callback.call(env.context as JsepInstance, env);
    },
  };
}

function withFormulaSyntax<T>(parse: () => T): T {
  const saved = Object.fromEntries(STATE_KEYS.map((key) => [key, Jsep[key]])) as unknown as JsepState;
  const state = formulaState(positionHooks());
  Object.assign(Jsep, state);
  try {
    return parse();
  } finally {
    Object.assign(Jsep, saved);
  }
}

/** Parses with the formula syntax; throws FormulaFault for text that is too long or does not parse. */
export function parseExpression(expression: string): ParsedNode {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    fail('TOO_LONG', `the formula is ${expression.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`, MAX_EXPRESSION_LENGTH);
  }
  if (expression.trim() === '') fail('SYNTAX', 'the formula is empty', 0);
  try {
    return withFormulaSyntax(() => Jsep.parse(expression));
  } catch (error) {
    if (error instanceof FormulaFault) throw error;
    const e = error as { index?: unknown; description?: unknown };
    if (typeof e.index === 'number' && typeof e.description === 'string') {
      const tooDeep = e.description.startsWith('the formula nests');
      throw new FormulaFault(new FormulaError(tooDeep ? 'TOO_DEEP' : 'SYNTAX', describeSyntaxError(e.description, expression, e.index), e.index));
    }
    if (error instanceof RangeError) {
      // Belt and braces: the nesting hook should stop recursion long before the stack runs out.
      fail('TOO_DEEP', 'the formula is nested too deeply', 0);
    }
    throw error;
  }
}

/** jsep's messages speak JavaScript; a few are reworded for people writing formulas. */
function describeSyntaxError(description: string, expression: string, index: number): string {
  const ch = expression.charAt(index);
  if (ch === '?' ) return 'the `? :` operator is not supported; use IF(condition, then, else)';
  if (ch === '{' ) return 'unexpected "{"; objects are not supported';
  if (ch === '=' && expression.charAt(index - 1) === '=') return 'unexpected "="; compare with = or ==';
  return description;
}
