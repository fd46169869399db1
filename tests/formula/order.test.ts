import { describe, expect, it } from 'vitest';
import { compileFormula, formulaOrder, isFormulaError, type FormulaError } from '../../runtime/formula/index.js';

const field = (name: string, expression?: string) =>
  expression === undefined ? { name, type: 'number' } : { name, type: 'formula', expression, resultType: 'number' as const };

describe('formulaOrder', () => {
  it('orders formulas after the formulas they read, otherwise in definition order', () => {
    const order = formulaOrder([
      field('total', 'subtotal + tax'),
      field('tax', 'subtotal * 0.13'),
      field('amount'),
      field('subtotal', 'amount * 2'),
      field('label', '1'),
    ]);
    expect(order).toEqual(['subtotal', 'tax', 'total', 'label']);
  });

  it('ignores non-formula fields and returns [] when there are no formulas', () => {
    expect(formulaOrder([field('amount')])).toEqual([]);
  });

  it('reports a cycle with its path and the reference that closes it', () => {
    const result = formulaOrder([field('a', 'b + 1'), field('b', 'c * 2'), field('c', 'amount + a'), field('amount')]);
    expect(isFormulaError(result)).toBe(true);
    const error = result as FormulaError;
    expect(error.code).toBe('CYCLE');
    expect(error.description).toBe('formula fields refer to each other in a cycle: a → b → c → a');
    expect(error.field).toBe('c');
    expect(error.position).toBe(9);
    expect(error.message).toBe('formula field "c": formula fields refer to each other in a cycle: a → b → c → a (at character 9)');
  });

  it('reports a formula that reads itself', () => {
    const error = formulaOrder([field('a', 'IF(true, a, 1)')]) as FormulaError;
    expect(error.code).toBe('CYCLE');
    expect(error.description).toBe('formula fields refer to each other in a cycle: a → a');
    expect(error.position).toBe(9);
  });

  it('reports a formula that does not parse, naming the field', () => {
    const error = formulaOrder([field('a', 'b +')]) as FormulaError;
    expect(error.code).toBe('SYNTAX');
    expect(error.field).toBe('a');
  });

  it('works on entity FieldDefinitions and with compileFormula on the same scope', () => {
    const defs = [
      { name: 'amount', type: 'currency', label: { 'zh-CN': '金额', en: 'Amount' } },
      { name: 'weighted', type: 'formula', label: { 'zh-CN': '加权', en: 'Weighted' }, expression: 'amount * 0.5', resultType: 'currency' },
      { name: 'doubled', type: 'formula', label: { 'zh-CN': '翻倍', en: 'Doubled' }, expression: 'weighted * 2', resultType: 'currency' },
    ] as const;
    const scope = { fields: new Map(defs.map((d) => [d.name, d] as const)) };
    expect(formulaOrder(defs)).toEqual(['weighted', 'doubled']);
    const doubled = compileFormula(defs[2].expression, scope, { resultType: defs[2].resultType });
    if (isFormulaError(doubled)) throw doubled;
    expect(doubled.dependencies).toEqual(['weighted']);
    expect(doubled.evaluate({ weighted: 21 }, { now: new Date(), timeZone: 'UTC' })).toBe(42);
  });
});

describe('result type', () => {
  const scope = { fields: new Map([['closeDate', 'date'], ['name', 'text'], ['amount', 'currency']] as const) };

  it('accepts a matching result type', () => {
    expect(isFormulaError(compileFormula('amount * 2', scope, { resultType: 'currency' }))).toBe(false);
    expect(isFormulaError(compileFormula('closeDate + 1', scope, { resultType: 'date' }))).toBe(false);
    expect(isFormulaError(compileFormula('null', scope, { resultType: 'text' }))).toBe(false);
  });

  it.each([
    ['amount * 2', 'text', 'the formula produces number, but the field\'s result type is text (wrap it in TEXT(…))'],
    ['name', 'number', 'the formula produces text, but the field\'s result type is number (wrap it in VALUE(…))'],
    ['NOW()', 'date', 'the formula produces datetime, but the field\'s result type is date (use TODAY() rather than NOW(), or a date field)'],
    ['amount > 1', 'percent', 'the formula produces boolean, but the field\'s result type is percent'],
  ] as const)('refuses %s as %s', (expression, resultType, description) => {
    const error = compileFormula(expression, scope, { resultType }) as FormulaError;
    expect(error.code).toBe('RESULT_TYPE');
    expect(error.description).toBe(description);
  });

  it('reports the inferred type and dependencies', () => {
    const compiled = compileFormula('IF(ISBLANK(closeDate), name, UPPER(name))', scope);
    if (isFormulaError(compiled)) throw compiled;
    expect(compiled.type).toBe('text');
    expect(compiled.dependencies).toEqual(['closeDate', 'name']);
    expect(Object.isFrozen(compiled.dependencies)).toBe(true);
  });
});
