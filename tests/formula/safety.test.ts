import jsep from 'jsep';
import { describe, expect, it } from 'vitest';
import { compileFormula, isFormulaError, MAX_EXPRESSION_LENGTH } from '../../runtime/formula/index.js';
import { compileError, fields, run } from './helpers.js';

describe('unknown names', () => {
  it('rejects an unknown field with its position', () => {
    const error = compileError('amount + ammount * 2');
    expect(error.code).toBe('UNKNOWN_FIELD');
    expect(error.position).toBe(9);
    expect(error.end).toBe(16);
    expect(error.message).toBe('unknown field "ammount" (at character 9)');
  });

  it('suggests a field that differs only in case', () => {
    expect(compileError('CloseDate').description).toBe('unknown field "CloseDate" (did you mean "closeDate"?)');
  });

  it('rejects an unknown function with its position', () => {
    const error = compileError('1 + EXEC("rm -rf /")');
    expect(error.code).toBe('UNKNOWN_FUNCTION');
    expect(error.position).toBe(4);
    expect(error.end).toBe(8);
    expect(error.description).toMatch(/^unknown function "EXEC"; available: IF, AND/);
  });

  it('explains a field called like a function and a function used like a field', () => {
    expect(compileError('amount(1)').description).toBe('"amount" is a field, not a function');
    expect(compileError('TODAY + 1').description).toBe('"TODAY" is a function; call it as TODAY(…)');
  });

  it('positions type errors at the operator', () => {
    const error = compileError('name   * 2');
    expect(error.code).toBe('TYPE');
    expect(error.position).toBe(7);
    expect(error.description).toBe('operator "*" cannot be applied to text and number');
    expect(compileError('tags = "vip"').description).toBe('operator "=" cannot be applied to list and text; test a multi-select with CONTAINS(field, "value")');
    expect(compileError('name + 1').description).toBe('operator "+" cannot be applied to text and number; convert with TEXT(…) or VALUE(…)');
  });

  it('reports syntax errors with jsep\'s position', () => {
    expect(compileError('amount +').position).toBe(8);
    expect(compileError('(amount').code).toBe('SYNTAX');
    expect(compileError('"open').description).toMatch(/Unclosed quote/);
    expect(compileError('   ').description).toBe('the formula is empty');
    const two = compileError('amount quantity');
    expect(two.description).toBe('expected an operator: a formula is a single expression');
    expect(two.position).toBe(7);
    expect(compileError('won ? 1 : 2').description).toBe('the `? :` operator is not supported; use IF(condition, then, else)');
  });
});

describe('no way to reach JavaScript objects', () => {
  it.each([
    'constructor',
    '__proto__',
    'prototype',
    '__defineGetter__',
    'name + constructor',
  ])('refuses the name in %s', (expression) => {
    expect(compileError(expression).code).toBe('FORBIDDEN_NAME');
  });

  it('refuses prototype names even when the scope declares them', () => {
    const scope = { fields: new Map([['constructor', 'text'], ['__proto__', 'text']] as const) };
    for (const expression of ['constructor', '__proto__']) {
      const r = compileFormula(expression, scope);
      expect(isFormulaError(r) && r.code).toBe('FORBIDDEN_NAME');
    }
  });

  it.each([
    ['name.constructor', 0],
    ['name["constructor"]', 0],
    ['name.length', 0],
    ['name?.length', 0],
    ['UPPER(name).constructor', 0],
    ['"x".constructor.constructor("return process")()', 0],
    ['amount + name.__proto__', 9],
  ])('refuses member access in %s', (expression, position) => {
    const error = compileError(expression);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.position).toBe(position);
  });

  it.each([
    ['this', '"this" is not supported; refer to fields by their API name'],
    ['[1, 2]', 'lists (`[...]`) are not supported'],
    ['(1, 2)', 'commas may only separate the arguments of a function'],
    ['"x"(1)', 'only formula functions can be called, e.g. ROUND(amount, 2)'],
    ['toString()', undefined],
    ['valueOf()', undefined],
    ['hasOwnProperty("x")', undefined],
  ])('refuses %s', (expression, description) => {
    const error = compileError(expression);
    if (description) expect(error.description).toBe(description);
    else expect(error.code).toBe('UNKNOWN_FUNCTION');
  });

  it.each(['~1', '1 << 2', '1 ** 2', '1 | 2', '1 ^ 2', '1 === 1', 'a = 1 = 2 ='])('refuses the JavaScript-only operator in %s', (expression) => {
    expect(isFormulaError(compileFormula(expression, { fields }))).toBe(true);
  });

  it('returns data, never functions or objects from the prototype chain', () => {
    const record = JSON.parse('{"name": "x", "__proto__": {"amount": 5}}') as Record<string, unknown>;
    expect(run('amount', record)).toBeNull();
    expect(run('name', record)).toBe('x');
  });
});

describe('bounded size', () => {
  it('rejects an over-long expression before parsing', () => {
    const error = compileError('1+'.repeat(MAX_EXPRESSION_LENGTH) + '1');
    expect(error.code).toBe('TOO_LONG');
  });

  it('rejects deeply nested parentheses without overflowing the stack', () => {
    const error = compileError('('.repeat(900) + '1' + ')'.repeat(900));
    expect(error.code).toBe('TOO_DEEP');
    expect(error.position).toBeGreaterThan(0);
  });

  it('rejects long unary chains and deep calls', () => {
    expect(compileError('-'.repeat(1500) + '1').code).toBe('TOO_DEEP');
    expect(compileError('ABS('.repeat(300) + '1' + ')'.repeat(300)).code).toBe('TOO_DEEP');
  });

  it('rejects a binary chain deeper than the tree limit', () => {
    expect(compileError(Array(150).fill('1').join('+')).code).toBe('TOO_DEEP');
  });

  it('accepts realistic nesting', () => {
    const nested = 'IF(amount > 90, "A", '.repeat(20) + '"Z"' + ')'.repeat(20);
    expect(run(nested, { amount: 50 })).toBe('Z');
    expect(run(Array(60).fill('1').join('+'))).toBe(60);
  });

  it('rejects number literals that overflow', () => {
    expect(compileError('1e999').description).toBe('the number 1e999 is too large');
  });
});

describe('jsep isolation', () => {
  it('leaves jsep\'s global configuration as it found it', () => {
    const before = jsep('a === b ? c : d');
    compileFormula('amount <> 1 AND NOT won', { fields });
    compileFormula('(', { fields });
    const after = jsep('a === b ? c : d');
    expect(after).toEqual(before);
    expect(after.type).toBe('ConditionalExpression');
    expect(jsep('x AND y').type).toBe('Compound'); // AND is no operator outside formulas
  });
});
