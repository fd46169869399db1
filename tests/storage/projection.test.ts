import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCollection, EmbeddedStore } from '../../runtime/store/embedded/index.js';
import { openEmbeddedStore } from '../../runtime/store/embedded/index.js';
import type { Engine } from '../../runtime/store/embedded/engine.js';
import { docKey, docRange } from '../../runtime/store/embedded/layout.js';
import { offsetMinutes, offsetMinutesUncached } from '../../runtime/store/embedded/mingo/timezone.js';
import { decodeProjected, projectionOf } from '../../runtime/store/embedded/projection/msgpack.js';
import type { Doc } from '../../runtime/store/port.js';
import { tempDir } from './adapters.js';
import { prng, type Rand } from './fixtures/group-cases.js';

/**
 * The compiled `$group` path decodes only some fields of each stored
 * document (projection/msgpack.ts) and caches zone offsets per 15 minutes
 * (mingo/timezone.ts). Both must agree exactly with msgpackr and Intl.
 */

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const LONE_SURROGATE = 'a\ud800b';
const BOM_LONG = `\ufeff${'长'.repeat(40)}`;

function randomString(r: Rand): string {
  return pick(r, ['', 'u1', 'won', '李雷', '😀 emoji', 'x'.repeat(40), '汉'.repeat(30), 'y'.repeat(300), 'z'.repeat(70_000), '\ufeffbom', `é${'a'.repeat(20)}`]);
}

function randomValue(r: Rand, depth: number): unknown {
  const x = r();
  if (x < 0.15) return randomString(r);
  if (x < 0.35) return pick(r, [0, 1, 63, 64, 127, 128, 255, 256, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, -1, -32, -33, -128, -129, -32769, -(2 ** 31), -(2 ** 40), 0.5, -1.25, 1e-300, 1e300, NaN, Infinity, -Infinity]);
  if (x < 0.5) return new Date(pick(r, [0, 1, -1, 1_700_000_000_123, -2_208_988_800_000, 32_503_680_000_000, 4_102_444_800_999, 1e15]) + Math.floor(r() * 1000));
  if (x < 0.6) return pick(r, [true, false, null]);
  if (depth > 2) return 'leaf';
  if (x < 0.8) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  // Objects of a few shapes, so records repeat (and are referenced by id) within a document.
  const shape = pick(r, [['a'], ['a', 'b'], ['city', 'zip'], ['constructor', '0'], ['键', 'b']]);
  return Object.fromEntries(shape.map((k) => [k, randomValue(r, depth + 1)]));
}

function randomDoc(r: Rand, i: number): Doc {
  const doc: Doc = { _id: `p${i}` };
  for (const k of ['owner', 'amount', 'createdAt', 'nested', 'tags', '字段', 'toString']) if (r() < 0.8) doc[k] = randomValue(r, 0);
  if (i % 17 === 0) doc.special = pick(r, [LONE_SURROGATE, BOM_LONG]);
  if (i % 23 === 0) doc.many = Object.fromEntries(Array.from({ length: 80 }, (_, j) => [`k${j}`, { [`f${j}`]: j }])); // > 64 record layouts
  return doc;
}

/** Exact rendering: key order, -0, NaN and Dates show. */
const show = (v: unknown): string =>
  v instanceof Date ? `Date(${v.getTime()})` : Array.isArray(v) ? `[${v.map(show).join(',')}]`
    : v !== null && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${show(x)}`).join(',')}}`
    : typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : JSON.stringify(v) ?? 'undefined';

/** Strings msgpackr may decode differently from Buffer (lone surrogates, a leading BOM): the projection leaves those to msgpackr. */
const tricky = (v: unknown): boolean =>
  typeof v === 'string' ? v.startsWith('\ufeff') || /\p{Cs}/u.test(v) : v !== null && typeof v === 'object' && Object.values(v).some(tricky);

const only = (doc: Doc, fields: string[]): Doc => Object.fromEntries(Object.entries(doc).filter(([k]) => fields.includes(k)));

describe('projected decoding of stored documents', () => {
  let store: EmbeddedStore;
  let coll: EmbeddedCollection;
  let engine: Engine;
  const ns = { tenant: 'proj', collection: 'docs' };
  let originals: Doc[];

  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: tempDir() });
    coll = store.tenant(ns.tenant).collection(ns.collection);
    engine = (coll as unknown as { engine: Engine }).engine;
    const r = prng(7);
    originals = Array.from({ length: 400 }, (_, i) => randomDoc(r, i));
    await coll.insertMany(originals.map((d) => ({ ...d })));
  });
  afterAll(async () => store.close());

  const FIELD_SETS = [[], ['owner'], ['amount', 'createdAt'], ['nested', 'tags', '_id'], ['字段', 'toString', 'nope'], ['many', 'special'], ['owner', 'amount', 'createdAt', 'nested', 'tags', '字段', 'toString', 'special', 'many', '_id']];

  it('keeps exactly the requested fields with msgpackr values, or leaves the document to msgpackr', () => {
    const { docs } = engine.dbs;
    let projected = 0;
    for (let i = 0; i < 400; i++) {
      const bytes = docs.getBinary(docKey(ns, `p${i}`))!;
      const full = docs.get(docKey(ns, `p${i}`))!;
      for (const fields of FIELD_SETS) {
        const got = decodeProjected(bytes, bytes.length, projectionOf(fields));
        if (got === undefined) {
          expect(tricky(only(originals[i], fields)), `p${i} ${fields.join()} fell back`).toBe(true);
          continue;
        }
        projected++;
        expect(show(got)).toBe(show(only(full, fields)));
      }
    }
    expect(projected).toBeGreaterThan(2500);
  });

  it('reads through lmdb (shared buffer, string cache) give the same values as normal reads', () => {
    const { docs, projected } = engine.dbs;
    const all = [...docs.getRange(docRange(ns))].map((e) => e.value);
    for (const fields of FIELD_SETS) {
      const got = projected.withFields(new Set(fields), () => [...projected.db.getRange(docRange(ns))].map((e) => e.value));
      expect(got.length).toBe(all.length);
      got.forEach((g, i) => expect(show(only(g, fields))).toBe(show(only(all[i], fields))));
    }
    // Outside withFields the handle decodes whole documents.
    expect(show([...projected.db.getRange(docRange(ns))].map((e) => e.value))).toBe(show(all));
  });
});

/** The offset as computed before caching (formatToParts), as the reference. */
function reference(tz: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(whole))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole) / 60000);
}

describe('cached time-zone offsets', () => {
  const ZONES: [string, number, number][] = [
    ['America/New_York', Date.UTC(2023, 0, 1), Date.UTC(2026, 0, 1)],
    ['Australia/Lord_Howe', Date.UTC(2023, 0, 1), Date.UTC(2026, 0, 1)], // 30-minute DST
    ['Asia/Kolkata', Date.UTC(1940, 0, 1), Date.UTC(2026, 0, 1)],
    ['Asia/Kathmandu', Date.UTC(1980, 0, 1), Date.UTC(1990, 0, 1)], // +05:30 → +05:45 in 1986
    ['Pacific/Chatham', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1)],
    ['Asia/Shanghai', Date.UTC(1895, 0, 1), Date.UTC(1995, 0, 1)], // local mean time +08:05:43 until 1901
    ['Africa/Monrovia', Date.UTC(1960, 0, 1), Date.UTC(1975, 0, 1)], // -00:44:30 until 1972
    ['Europe/Dublin', Date.UTC(1910, 0, 1), Date.UTC(1925, 0, 1)],
  ];

  it('equal Intl for random instants and around every transition', () => {
    const r = prng(3);
    let transitions = 0;
    for (const [tz, from, to] of ZONES) {
      const step = Math.floor((to - from) / 3000);
      let previous = offsetMinutesUncached(tz, from);
      for (let t = from; t < to; t += step) {
        const now = offsetMinutesUncached(tz, t);
        const probes = [t + Math.floor(r() * step)];
        if (now !== previous) {
          transitions++;
          // Find the transition to the second, then probe right around it and its 15-minute bucket.
          let lo = t - step;
          let hi = t;
          while (hi - lo > 1000) {
            const mid = lo + Math.max(1000, Math.floor((hi - lo) / 2000) * 1000);
            if (offsetMinutesUncached(tz, mid) === previous) lo = mid;
            else hi = mid;
          }
          for (const d of [-900_001, -60_000, -1001, -1, 0, 1, 999, 1000, 60_000, 899_999]) probes.push(hi + d);
        }
        for (const p of probes) expect(offsetMinutes(tz, p), `${tz} at ${new Date(p).toISOString()}`).toBe(offsetMinutesUncached(tz, p));
        if (r() < 0.05) expect(now, `${tz} at ${new Date(t).toISOString()}`).toBe(reference(tz, t));
        previous = now;
      }
    }
    expect(transitions).toBeGreaterThan(40);
  });
});
