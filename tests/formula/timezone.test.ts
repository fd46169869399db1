import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const at = (iso: string, timeZone: string) => ({ now: new Date(iso), timeZone });

describe('time zones', () => {
  it('TODAY() is the date in the context zone, not UTC or the host zone', () => {
    expect(run('TODAY()', {}, at('2026-01-31T17:00:00Z', 'Asia/Shanghai'))).toBe('2026-02-01');
    expect(run('TODAY()', {}, at('2026-01-31T17:00:00Z', 'UTC'))).toBe('2026-01-31');
    expect(run('TODAY()', {}, at('2026-01-31T03:00:00Z', 'America/Los_Angeles'))).toBe('2026-01-30');
    expect(run('TODAY()', {}, at('2026-01-31T10:30:00Z', 'Pacific/Kiritimati'))).toBe('2026-02-01'); // UTC+14
  });

  it('date parts of a datetime follow the zone, date fields do not', () => {
    const record = { createdAt: '2025-12-31T16:30:00Z', closeDate: '2025-12-31' };
    const sh = at('2026-01-01T00:00:00Z', 'Asia/Shanghai');
    const utc = at('2026-01-01T00:00:00Z', 'UTC');
    expect(run('YEAR(createdAt)', record, sh)).toBe(2026);
    expect(run('YEAR(createdAt)', record, utc)).toBe(2025);
    expect(run('MONTH(createdAt) + DAY(createdAt)', record, sh)).toBe(2);
    expect(run('YEAR(closeDate)', record, sh)).toBe(2025);
    expect(run('YEAR(closeDate)', record, utc)).toBe(2025);
  });

  it('DAYS_BETWEEN counts calendar days in the zone', () => {
    const record = { createdAt: '2026-01-31T17:00:00Z' };
    expect(run('DAYS_BETWEEN(createdAt, TODAY())', record, at('2026-02-01T01:00:00Z', 'Asia/Shanghai'))).toBe(0);
    expect(run('DAYS_BETWEEN(createdAt, TODAY())', record, at('2026-02-01T01:00:00Z', 'UTC'))).toBe(1);
  });

  it('a datetime stored without an offset is a wall-clock time in the context zone', () => {
    const record = { createdAt: '2026-02-01T08:00:00' };
    expect(run('TEXT(createdAt)', record, at('2026-02-01T00:00:00Z', 'Asia/Shanghai'))).toBe('2026-02-01T00:00:00.000Z');
    expect(run('TEXT(createdAt)', record, at('2026-02-01T00:00:00Z', 'UTC'))).toBe('2026-02-01T08:00:00.000Z');
    expect(run('TEXT(createdAt)', { createdAt: '2026-02-01T08:00:00+08:00' }, at('2026-02-01T00:00:00Z', 'UTC'))).toBe('2026-02-01T00:00:00.000Z');
  });

  it('refuses an unknown zone rather than guessing one', () => {
    expect(() => run('TODAY()', {}, at('2026-01-31T17:00:00Z', 'Mars/Olympus'))).toThrow(/unknown time zone "Mars\/Olympus"/);
  });

  it('a formula without dates does not need a valid zone', () => {
    expect(run('1 + 1', {}, at('2026-01-31T17:00:00Z', 'Mars/Olympus'))).toBe(2);
  });
});
