import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('arithmetic and precedence', () => {
  it('computes the motivating example', () => {
    expect(run('amount * probability / 100', { amount: 25000, probability: 40 })).toBe(10000);
  });

  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3], // left-associative
    ['100 / 10 / 5', 2],
    ['2 * 3 % 4', 2],
    ['-2 * 3', -6],
    ['- -2', 2],
    ['+5', 5],
    ['7 % 3', 1],
    ['1e3 + .5', 1000.5],
  ])('%s = %s', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });

  it('comparison binds looser than arithmetic and logic looser than comparison', () => {
    expect(run('1 + 1 = 2')).toBe(true);
    expect(run('1 + 1 = 2 AND 3 > 2 OR false')).toBe(true);
    expect(run('false AND true OR true')).toBe(true); // (false AND true) OR true
    expect(run('true OR true AND false')).toBe(true); // true OR (true AND false)
    expect(run('NOT false && 1 < 2')).toBe(true);
  });

  it.each([
    ['1 = 1', true], ['1 == 1', true], ['1 != 2', true], ['1 <> 1', false],
    ['1 < 2', true], ['2 <= 2', true], ['3 > 4', false], ['4 >= 5', false],
    ['"a" < "b"', true], ['"a" = "a"', true], ['"a" = "A"', false],
    ['true = true', true], ['!true', false], ['true && false', false], ['true || false', true],
  ])('%s is %s', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });

  it('does not leave binary floating point artefacts', () => {
    expect(run('0.1 + 0.2')).toBe(0.3);
    expect(run('1.1 * 3')).toBe(3.3);
    expect(run('amount * 3', { amount: 1234567.1 })).toBe(3703701.3);
    expect(run('0.3 - 0.1')).toBe(0.2);
    expect(run('1 / 3')).toBe(0.3333333333);
  });

  it('gives blank (not Infinity or NaN) for division by zero and overflow', () => {
    expect(run('amount / 0', { amount: 5 })).toBeNull();
    expect(run('0 / 0')).toBeNull();
    expect(run('5 % 0')).toBeNull();
    expect(run('amount * 1e308 * 10', { amount: 1e10 })).toBeNull();
  });

  it('concatenates text with +', () => {
    expect(run('name + " " + city', { name: 'Acme', city: 'Shanghai' })).toBe('Acme Shanghai');
    expect(run('name + "!"', {})).toBe('!');
  });

  it('lets a formula read another formula field', () => {
    expect(run('weighted * 2', { weighted: 50.5 })).toBe(101);
  });
});

describe('blank values', () => {
  it('propagates blank through arithmetic', () => {
    expect(run('amount * probability / 100', { amount: 1000 })).toBeNull();
    expect(run('amount + 1', { amount: null })).toBeNull();
    expect(run('-amount', {})).toBeNull();
    expect(run('amount - quantity', { quantity: 2 })).toBeNull();
  });

  it('gives blank for ordering comparisons with a blank side', () => {
    expect(run('amount > 5', {})).toBeNull();
    expect(run('closeDate < TODAY()', {})).toBeNull();
  });

  it('treats blanks as equal to each other and to nothing else', () => {
    expect(run('amount = null', {})).toBe(true);
    expect(run('amount = null', { amount: 0 })).toBe(false);
    expect(run('name = ""', {})).toBe(true);
    expect(run('name != "x"', {})).toBe(true);
    expect(run('null = null')).toBe(true);
  });

  it('treats blank as false in logic and conditions', () => {
    expect(run('won AND true', {})).toBe(false);
    expect(run('won OR true', {})).toBe(true);
    expect(run('NOT won', {})).toBe(true);
    expect(run('IF(won, "yes", "no")', {})).toBe('no');
    expect(run('IF(amount > 5, "big", "small")', {})).toBe('small');
  });

  it('treats a stored value of the wrong shape as blank', () => {
    expect(run('amount + 1', { amount: '12' })).toBeNull();
    expect(run('amount + 1', { amount: Number.NaN })).toBeNull();
    expect(run('LEN(name)', { name: 42 })).toBe(0);
    expect(run('YEAR(closeDate)', { closeDate: '2026-02-30' })).toBeNull();
    expect(run('ISBLANK(createdAt)', { createdAt: 'yesterday' })).toBe(true);
    expect(run('won = true', { won: 'true' })).toBe(false);
  });

  it('reads only the record\'s own properties', () => {
    const record = Object.create({ amount: 99 }) as Record<string, unknown>;
    expect(run('amount', record)).toBeNull();
  });
});
