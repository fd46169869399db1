/**
 * compileFormula: text → checked, ready-to-run formula, in the fixed order
 * parse (jsep, bounded) → whitelist to the formula tree → names and types →
 * closures. Any fault comes back as a FormulaError value with its position.
 */
import { fieldNames, toFormulaAst, type Node } from './ast.js';
import { check } from './checker.js';
import { FormulaError, FormulaFault, fail } from './errors.js';
import { build } from './evaluator.js';
import { formatDateTime } from './dates.js';
import { parseExpression } from './parser.js';
import {
  valueTypeOfResult,
  type CompiledFormula, type FormulaContext, type FormulaResultType, type FormulaScope, type ValueType,
} from './types.js';

export interface CompileOptions {
  /** The formula field's declared `resultType`; when given, the inferred type must match it. */
  readonly resultType?: FormulaResultType;
}

/** Parses and whitelists without resolving names: enough to know what a formula reads. */
export function parseFormula(expression: string): Node | FormulaError {
  try {
    return toFormulaAst(expression, parseExpression(expression));
  } catch (e) {
    if (e instanceof FormulaFault) return e.error;
    throw e;
  }
}

function checkResultType(type: ValueType, expression: string, resultType: FormulaResultType | undefined): void {
  const end = expression.length;
  if (type === 'opaque') fail('RESULT_TYPE', 'a formula cannot produce a file value', 0, end);
  if (!resultType || type === 'null') return;
  const wanted = valueTypeOfResult(resultType);
  if (type === wanted) return;
  const hint =
    type === 'datetime' && wanted === 'date' ? ' (use TODAY() rather than NOW(), or a date field)' :
    wanted === 'text' ? ' (wrap it in TEXT(…))' :
    type === 'text' && wanted === 'number' ? ' (wrap it in VALUE(…))' : '';
  fail('RESULT_TYPE', `the formula produces ${type}, but the field's result type is ${resultType}${hint}`, 0, end);
}

/** Values leave the evaluator in their stored form: datetimes as ISO strings. */
function output(value: unknown): unknown {
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

export function compileFormula(
  expression: string,
  scope: FormulaScope,
  options: CompileOptions = {},
): CompiledFormula | FormulaError {
  try {
    if (typeof expression !== 'string') fail('SYNTAX', 'the formula must be text', 0);
    const parsed = parseFormula(expression);
    if (parsed instanceof FormulaError) return parsed;
    const type = check(parsed, scope);
    checkResultType(type, expression, options.resultType);
    const run = build(parsed);
    const dependencies = Object.freeze(fieldNames(parsed));
    return Object.freeze({
      dependencies,
      type,
      evaluate(record: Readonly<Record<string, unknown>>, ctx: FormulaContext): unknown {
        return output(run({ record: record ?? {}, ctx }));
      },
    });
  } catch (e) {
    if (e instanceof FormulaFault) return e.error;
    throw e;
  }
}
