import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../../runtime/formula/index.js';
import { compileError, run } from './helpers.js';

describe('logic functions', () => {
  it('IF picks a branch and only evaluates that one', () => {
    expect(run('IF(grading = "important", "A", "B")', { grading: 'important' })).toBe('A');
    expect(run('IF(grading = "important", "A", "B")', { grading: 'normal' })).toBe('B');
    expect(run('IF(false, 1)')).toBeNull();
    expect(run('IF(true, 1, 1 / 0)')).toBe(1);
    expect(run('IF(amount > 100, amount, null)', { amount: 5 })).toBeNull();
  });

  it('AND / OR / NOT', () => {
    expect(run('AND(true, 1 < 2, won)', { won: true })).toBe(true);
    expect(run('AND(true, won)', {})).toBe(false);
    expect(run('OR(false, won)', { won: true })).toBe(true);
    expect(run('OR(false, false)')).toBe(false);
    expect(run('NOT(1 > 2)')).toBe(true);
    expect(run('not(true)')).toBe(false); // function names are case-insensitive
  });

  it('ISBLANK and BLANKVALUE', () => {
    expect(run('ISBLANK(name)', {})).toBe(true);
    expect(run('ISBLANK(name)', { name: '' })).toBe(true);
    expect(run('ISBLANK(name)', { name: ' ' })).toBe(false);
    expect(run('ISBLANK(amount)', { amount: 0 })).toBe(false);
    expect(run('ISBLANK(tags)', { tags: [] })).toBe(true);
    expect(run('ISBLANK(attachment)', { attachment: [{ name: 'a.pdf' }] })).toBe(false);
    expect(run('ISBLANK(attachment)', {})).toBe(true);
    expect(run('BLANKVALUE(discount, 0) + 1', {})).toBe(1);
    expect(run('BLANKVALUE(discount, 0) + 1', { discount: 4 })).toBe(5);
    expect(run('BLANKVALUE(city, "unknown")', { city: '' })).toBe('unknown');
  });
});

describe('number functions', () => {
  it('ROUND rounds half away from zero in decimal', () => {
    expect(run('ROUND(2.5)')).toBe(3);
    expect(run('ROUND(-2.5)')).toBe(-3);
    expect(run('ROUND(1.005, 2)')).toBe(1.01);
    expect(run('ROUND(1234.5678, -2)')).toBe(1200);
    expect(run('ROUND(amount * 1.13, 2)', { amount: 99.99 })).toBe(112.99);
    expect(run('ROUND(0.0000001234, 9)')).toBe(1.23e-7);
    expect(run('ROUND(amount, 2)', {})).toBeNull();
  });

  it('FLOOR, CEIL, ABS', () => {
    expect(run('FLOOR(2.7)')).toBe(2);
    expect(run('FLOOR(-2.1)')).toBe(-3);
    expect(run('CEIL(2.1)')).toBe(3);
    expect(run('CEIL((0.1 + 0.2) * 10)')).toBe(3);
    expect(run('ABS(-4.5)')).toBe(4.5);
    expect(run('ABS(amount)', {})).toBeNull();
  });

  it('MIN, MAX skip blanks; SUM counts them as 0', () => {
    expect(run('MIN(3, 1, 2)')).toBe(1);
    expect(run('MAX(3, amount, 2)', { amount: 10 })).toBe(10);
    expect(run('MAX(3, amount, 2)', {})).toBe(3);
    expect(run('MIN(amount, quantity)', {})).toBeNull();
    expect(run('MAX(closeDate, startDate)', { closeDate: '2026-03-01', startDate: '2026-02-01' })).toBe('2026-03-01');
    expect(run('SUM(amount, quantity, discount)', { amount: 0.1, quantity: 0.2 })).toBe(0.3);
    expect(run('SUM(amount)', {})).toBe(0);
  });
});

describe('text functions', () => {
  it('LEN counts characters, not UTF-16 units', () => {
    expect(run('LEN(name)', { name: '上海客户' })).toBe(4);
    expect(run('LEN("😀ab")')).toBe(3);
    expect(run('LEN(name)', {})).toBe(0);
  });

  it('CONCAT writes every type and blanks as ""', () => {
    expect(run('CONCAT(name, " - ", city)', { name: 'Acme', city: 'Shanghai' })).toBe('Acme - Shanghai');
    expect(run('CONCAT(name, " - ", city)', { name: 'Acme' })).toBe('Acme - ');
    expect(run('CONCAT("#", 0.1 + 0.2, " ", won, " ", closeDate)', { won: true, closeDate: '2026-02-01' })).toBe('#0.3 true 2026-02-01');
    expect(run('CONCAT(tags)', { tags: ['a', 'b'] })).toBe('a, b');
    expect(run('CONCAT(createdAt)', { createdAt: '2026-01-31T17:00:00Z' })).toBe('2026-01-31T17:00:00.000Z');
  });

  it('UPPER, LOWER, TRIM', () => {
    expect(run('UPPER(name)', { name: 'acme' })).toBe('ACME');
    expect(run('LOWER("ÀB")')).toBe('àb');
    expect(run('TRIM(name)', { name: '  Acme \u3000' })).toBe('Acme');
    expect(run('UPPER(name)', {})).toBeNull();
  });

  it('LEFT and RIGHT', () => {
    expect(run('LEFT(name, 2)', { name: 'Acme' })).toBe('Ac');
    expect(run('RIGHT(name, 2)', { name: 'Acme' })).toBe('me');
    expect(run('RIGHT(name, 0)', { name: 'Acme' })).toBe('');
    expect(run('LEFT(name, 10)', { name: 'Acme' })).toBe('Acme');
    expect(run('LEFT(name, -1)', { name: 'Acme' })).toBe('');
    expect(run('LEFT(name, 1)', { name: '😀x' })).toBe('😀');
    expect(run('LEFT(name, 1)', {})).toBeNull();
  });

  it('CONTAINS on text and on a multi-select', () => {
    expect(run('CONTAINS(name, "cm")', { name: 'Acme' })).toBe(true);
    expect(run('CONTAINS(name, "CM")', { name: 'Acme' })).toBe(false);
    expect(run('CONTAINS(name, "x")', {})).toBe(false);
    expect(run('CONTAINS(tags, "vip")', { tags: ['new', 'vip'] })).toBe(true);
    expect(run('CONTAINS(tags, "vip")', { tags: ['new'] })).toBe(false);
  });

  it('TEXT and VALUE convert', () => {
    expect(run('TEXT(amount)', { amount: 1234.5 })).toBe('1234.5');
    expect(run('TEXT(0.1 + 0.2)')).toBe('0.3');
    expect(run('TEXT(closeDate)', { closeDate: '2026-02-01' })).toBe('2026-02-01');
    expect(run('TEXT(won)', { won: false })).toBe('false');
    expect(run('TEXT(amount)', {})).toBeNull();
    expect(run('VALUE(" 12.50 ")')).toBe(12.5);
    expect(run('VALUE("-1e3")')).toBe(-1000);
    expect(run('VALUE("12abc")')).toBeNull();
    expect(run('VALUE("0x1f")')).toBeNull();
    expect(run('VALUE("")')).toBeNull();
    expect(run('VALUE(name) * 2', { name: '21' })).toBe(42);
  });
});

describe('date functions', () => {
  it('TODAY and NOW', () => {
    expect(run('TODAY()')).toBe('2026-02-01');
    expect(run('NOW()')).toBe('2026-01-31T17:00:00.000Z');
  });

  it('YEAR, MONTH, DAY of dates and datetimes', () => {
    expect(run('YEAR(closeDate)', { closeDate: '2026-03-15' })).toBe(2026);
    expect(run('MONTH(closeDate)', { closeDate: '2026-03-15' })).toBe(3);
    expect(run('DAY(closeDate)', { closeDate: '2026-03-15' })).toBe(15);
    expect(run('DAY(createdAt)', { createdAt: '2026-01-31T17:00:00Z' })).toBe(1); // Feb 1 in Shanghai
    expect(run('MONTH(NOW())')).toBe(2);
    expect(run('YEAR(closeDate)', {})).toBeNull();
  });

  it('DATE_ADD on dates: days, weeks, months (clamped), years', () => {
    expect(run('DATE_ADD(closeDate, 10, "days")', { closeDate: '2026-02-25' })).toBe('2026-03-07');
    expect(run('DATE_ADD(closeDate, -1, "day")', { closeDate: '2026-03-01' })).toBe('2026-02-28');
    expect(run('DATE_ADD(closeDate, 2, "weeks")', { closeDate: '2026-02-01' })).toBe('2026-02-15');
    expect(run('DATE_ADD(closeDate, 1, "months")', { closeDate: '2026-01-31' })).toBe('2026-02-28');
    expect(run('DATE_ADD(closeDate, 1, "Months")', { closeDate: '2024-01-31' })).toBe('2024-02-29');
    expect(run('DATE_ADD(closeDate, -13, "months")', { closeDate: '2026-03-31' })).toBe('2025-02-28');
    expect(run('DATE_ADD(closeDate, 1, "years")', { closeDate: '2024-02-29' })).toBe('2025-02-28');
    expect(run('DATE_ADD(closeDate, 1, "days")', {})).toBeNull();
    expect(run('DATE_ADD(closeDate, discount, "days")', { closeDate: '2026-01-01' })).toBeNull();
  });

  it('DATE_ADD on datetimes keeps wall-clock time for calendar units', () => {
    const ny = { now: new Date('2026-03-01T00:00:00Z'), timeZone: 'America/New_York' };
    // 2026-03-07 12:00 EST + 1 day crosses the DST change: 12:00 EDT is 16:00Z.
    expect(run('DATE_ADD(createdAt, 1, "days")', { createdAt: '2026-03-07T17:00:00Z' }, ny)).toBe('2026-03-08T16:00:00.000Z');
    expect(run('DATE_ADD(createdAt, 24, "hours")', { createdAt: '2026-03-07T17:00:00Z' }, ny)).toBe('2026-03-08T17:00:00.000Z');
    expect(run('DATE_ADD(createdAt, 30, "minutes")', { createdAt: '2026-01-31T17:00:00Z' })).toBe('2026-01-31T17:30:00.000Z');
    expect(run('DATE_ADD(createdAt, 1, "months")', { createdAt: '2026-01-31T02:00:00Z' })).toBe('2026-02-28T02:00:00.000Z');
  });

  it('DAYS_BETWEEN counts calendar days from the first to the second', () => {
    expect(run('DAYS_BETWEEN(TODAY(), closeDate)', { closeDate: '2026-02-10' })).toBe(9);
    expect(run('DAYS_BETWEEN(closeDate, startDate)', { closeDate: '2026-03-01', startDate: '2026-02-01' })).toBe(-28);
    expect(run('DAYS_BETWEEN(createdAt, closeDate)', { createdAt: '2026-01-31T17:00:00Z', closeDate: '2026-02-02' })).toBe(1);
    expect(run('DAYS_BETWEEN(TODAY(), closeDate)', {})).toBeNull();
  });

  it('date arithmetic operators', () => {
    expect(run('closeDate + 7', { closeDate: '2026-02-25' })).toBe('2026-03-04');
    expect(run('closeDate - 1', { closeDate: '2026-01-01' })).toBe('2025-12-31');
    expect(run('closeDate - startDate', { closeDate: '2026-03-01', startDate: '2026-02-01' })).toBe(28);
    expect(run('createdAt + 0.5', { createdAt: '2026-01-31T17:00:00Z' })).toBe('2026-02-01T05:00:00.000Z');
    expect(run('NOW() - createdAt', { createdAt: '2026-01-30T05:00:00Z' })).toBe(1.5);
    expect(run('closeDate > TODAY()', { closeDate: '2026-02-02' })).toBe(true);
  });

  it('reads a YYYY-MM-DD text literal beside a date as a date', () => {
    expect(run('closeDate = "2026-02-02"', { closeDate: '2026-02-02' })).toBe(true);
    expect(run('"2026-01-01" < closeDate', { closeDate: '2026-02-02' })).toBe(true);
    expect(run('closeDate - "2026-01-01"', { closeDate: '2026-02-02' })).toBe(32);
    expect(compileError('closeDate = "soon"').code).toBe('TYPE');
    expect(compileError('closeDate = "2026-02-30"').code).toBe('TYPE');
  });
});

// The describe blocks above exercise each of these; a new function must be added here and tested there.
it('the whitelist is exactly the documented functions', () => {
  expect(FUNCTION_NAMES).toEqual([
    'IF', 'AND', 'OR', 'NOT', 'ISBLANK', 'BLANKVALUE', 'ROUND', 'FLOOR', 'CEIL', 'ABS', 'MIN', 'MAX', 'SUM',
    'LEN', 'CONCAT', 'UPPER', 'LOWER', 'TRIM', 'LEFT', 'RIGHT', 'CONTAINS', 'TEXT', 'VALUE',
    'TODAY', 'NOW', 'YEAR', 'MONTH', 'DAY', 'DATE_ADD', 'DAYS_BETWEEN',
  ]);
});

describe('function type checks', () => {
  it.each([
    ['UPPER(amount)', 'UPPER expects a text as argument 1, not a number', 6],
    ['IF(amount, 1, 2)', 'IF expects a boolean as argument 1, not a number', 3],
    ['IF(won, 1, "a")', 'IF needs arguments of one type, but got number and text', 11],
    ['DATE_ADD(closeDate, 1, "hours")', 'DATE_ADD unit must be "days", "weeks", "months" or "years", not "hours"', 23],
    ['DATE_ADD(closeDate, 1, name)', 'DATE_ADD needs the unit written as text, e.g. "days"', 23],
    ['YEAR(name)', 'YEAR expects a date or a datetime as argument 1, not a text', 5],
    ['SUM(1, "2")', 'SUM expects a number as argument 2, not a text', 7],
    ['CONCAT(attachment)', 'CONCAT expects a text or a number or a boolean or a date or a datetime or a list as argument 1, not an opaque', 7],
  ])('%s is refused', (expression, description, position) => {
    const error = compileError(expression);
    expect(error.code).toBe('TYPE');
    expect(error.description).toBe(description);
    expect(error.position).toBe(position);
  });

  it.each([
    ['IF(won)', 'IF takes 2 to 3 arguments, got 1: IF(condition, then, else)'],
    ['TODAY(1)', 'TODAY takes 0 arguments, got 1: TODAY()'],
    ['ROUND()', 'ROUND takes 1 to 2 arguments, got 0: ROUND(number, digits)'],
    ['AND()', 'AND takes at least 1 argument, got 0: AND(condition, …)'],
    ['LEN(name, 1)', 'LEN takes 1 argument, got 2: LEN(text)'],
  ])('%s has the wrong arity', (expression, description) => {
    const error = compileError(expression);
    expect(error.code).toBe('ARITY');
    expect(error.description).toBe(description);
  });
});
