import { compileFormula, isFormulaError, type FieldTypeDescriptor, type FormulaError } from '../../runtime/formula/index.js';

export const fields = new Map<string, FieldTypeDescriptor>([
  ['amount', 'currency'],
  ['probability', 'percent'],
  ['quantity', 'number'],
  ['discount', 'number'],
  ['grading', 'select'],
  ['name', 'text'],
  ['city', 'text'],
  ['note', 'longText'],
  ['closeDate', 'date'],
  ['startDate', 'date'],
  ['createdAt', 'datetime'],
  ['won', 'boolean'],
  ['tags', 'multiSelect'],
  ['attachment', 'file'],
  ['weighted', { type: 'formula', resultType: 'currency' }],
]);

export const shanghai = { now: new Date('2026-01-31T17:00:00Z'), timeZone: 'Asia/Shanghai' };
export const utc = { now: new Date('2026-01-31T17:00:00Z'), timeZone: 'UTC' };

/** Compiles (failing the test on a compile error) and evaluates. */
export function run(expression: string, record: Record<string, unknown> = {}, ctx = shanghai): unknown {
  const compiled = compileFormula(expression, { fields });
  if (isFormulaError(compiled)) throw new Error(`did not compile: ${compiled.message}`);
  return compiled.evaluate(record, ctx);
}

/** Compiles expecting a FormulaError. */
export function compileError(expression: string): FormulaError {
  const compiled = compileFormula(expression, { fields });
  if (!isFormulaError(compiled)) throw new Error(`compiled but should not have: ${expression}`);
  return compiled;
}
