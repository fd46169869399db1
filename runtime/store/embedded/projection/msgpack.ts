import type { Doc } from '../../port.js';
import { NAME_FALLBACK, type Projection, matchName } from './names.js';
import { decodeString } from './strings.js';
import { decodeTimestamp, timestampTime } from './timestamp.js';

/**
 * Decodes only some top-level fields of a stored document. lmdb writes
 * documents with msgpackr records: `d4 72 <id>`, the array of field names,
 * then the values in that order. A report's `$group` reads three fields of
 * twenty; skipping the others (strings by length, no objects built) costs a
 * fraction of msgpackr's full decode, which dominated aggregation time.
 *
 * Every value read reproduces msgpackr's result exactly. Anything this reader
 * does not fully understand (other extensions, 64-bit integers, two-byte record
 * ids, bundled strings, binary, strings holding encoded lone surrogates)
 * throws FALLBACK, and the caller decodes the document with msgpackr instead.
 */

export const FALLBACK = new Error('msgpack projection: use the full decoder');
export { type Projection, projectionOf } from './names.js';

let src: Uint8Array = new Uint8Array(0);
let pos = 0;
let end = 0;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));
/** Record layouts defined so far in the current document, by id (0x40..0x7f & 0x3f): names, or where they start. */
const structs: (string[] | number)[] = new Array(64).fill(0);
const structGen = new Int32Array(64);
let gen = 0;
/** Per top-level field: index into Projection.names, or -1 to skip. */
let keep = new Int32Array(64);

function bind(bytes: Uint8Array, size: number): void {
  if (bytes !== src || view.byteLength !== bytes.byteLength) view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  src = bytes;
  pos = 0;
  end = size;
  gen = (gen + 1) | 0;
}

/** Returns the projected document, or undefined when msgpackr must decode it. */
export function decodeProjected(bytes: Uint8Array, size: number, p: Projection): Doc | undefined {
  bind(bytes, size);
  try {
    if (end < 4 || src[0] !== 0xd4 || src[1] !== 0x72) return undefined;
    const id = src[2] & 0x3f;
    pos = 3;
    structs[id] = pos; // names decoded only if a nested value refers to this layout again
    structGen[id] = gen;
    const n = arrayHeader();
    fits(n);
    if (keep.length < n) keep = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const t = src[pos++];
      const len = t >= 0xa0 && t <= 0xbf ? t - 0xa0 : strLength(t);
      if (len < 0) throw FALLBACK;
      keep[i] = matchName(p, src, pos, len);
      pos += len;
    }
    const out: Doc = {};
    for (let i = 0; i < n; i++) {
      const k = keep[i];
      if (k >= 0) {
        const shared = p.instants[k];
        out[p.names[k]] = shared === null ? read() : instant(shared);
        continue;
      }
      const t = src[pos]; // the commonest values inline: short strings, small integers
      if (t >= 0xa0 && t <= 0xbf) pos += t - 0x9f;
      else if (t < 0x40) pos++;
      else skip();
    }
    return pos === end ? out : undefined;
  } catch (e) {
    if (e === FALLBACK || e === NAME_FALLBACK || e instanceof RangeError) return undefined;
    throw e;
  }
}

function define(id: number, names: string[]): void {
  structs[id] = names;
  structGen[id] = gen;
}

function defined(id: number): string[] | undefined {
  if (structGen[id] !== gen) return undefined;
  const s = structs[id];
  if (typeof s !== 'number') return s;
  const saved = pos;
  pos = s;
  const names = readNames();
  pos = saved;
  structs[id] = names;
  return names;
}

function arrayHeader(): number {
  const t = src[pos++];
  if (t >= 0x90 && t <= 0x9f) return t - 0x90;
  if (t === 0xdc) return u16();
  if (t === 0xdd) return u32();
  throw FALLBACK;
}

function strLength(t: number): number {
  if (t >= 0xa0 && t <= 0xbf) return t - 0xa0;
  if (t === 0xd9) return src[pos++];
  if (t === 0xda) return u16();
  if (t === 0xdb) return u32();
  return -1;
}

function readNames(): string[] {
  const n = arrayHeader();
  fits(n);
  const names: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const len = strLength(src[pos++]);
    if (len < 0) throw FALLBACK;
    const name = str(len);
    if (name === '__proto__') throw FALLBACK; // msgpackr renames it; documents never hold it
    names[i] = name;
  }
  return names;
}

function u16(): number {
  const v = view.getUint16(pos);
  pos += 2;
  return v;
}

function u32(): number {
  const v = view.getUint32(pos);
  pos += 4;
  return v;
}

function str(len: number): string {
  const a = pos;
  if ((pos += len) > end) throw FALLBACK;
  const text = decodeString(src, a, pos);
  if (text === undefined) throw FALLBACK;
  return text;
}

function record(names: string[]): Doc {
  const o: Doc = {};
  for (let i = 0; i < names.length; i++) o[names[i]] = read();
  return o;
}

/** Every element takes at least one byte: a count beyond the end means a damaged value. */
function fits(n: number): void {
  if (n > end - pos) throw FALLBACK;
}

function map(n: number): Doc {
  fits(n);
  const o: Doc = {};
  for (let i = 0; i < n; i++) {
    const len = strLength(src[pos++]);
    if (len < 0) throw FALLBACK;
    const k = str(len);
    if (k === '__proto__') throw FALLBACK;
    o[k] = read();
  }
  return o;
}

function array(n: number): unknown[] {
  fits(n);
  const a: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) a[i] = read();
  return a;
}

/** A timestamp into the field's reused Date (see Projection.instants); any other value as usual. */
function instant(shared: Date): unknown {
  const t = src[pos];
  const len = t === 0xd7 ? 8 : t === 0xd6 ? 4 : t === 0xc7 && src[pos + 1] === 12 ? 12 : 0;
  const at = pos + (len === 12 ? 3 : 2);
  if (len === 0 || src[at - 1] !== 0xff || at + len > end) return read();
  pos = at + len;
  shared.setTime(timestampTime(src, at, len));
  return shared;
}

function timestamp(len: number): Date {
  const p = pos;
  pos += len;
  if (pos > end) throw FALLBACK;
  return decodeTimestamp(src, p, len);
}

function read(): unknown {
  const t = src[pos++];
  if (t < 0x40) return t;
  if (t < 0x80) {
    const names = defined(t & 0x3f);
    return names ? record(names) : t;
  }
  if (t < 0x90) return map(t - 0x80);
  if (t < 0xa0) return array(t - 0x90);
  if (t < 0xc0) return str(t - 0xa0);
  if (t >= 0xe0) return t - 0x100;
  let v: number;
  switch (t) {
    case 0xc0: return null;
    case 0xc2: return false;
    case 0xc3: return true;
    case 0xca: v = view.getFloat32(pos); pos += 4; return v;
    case 0xcb: v = view.getFloat64(pos); pos += 8; return v;
    case 0xcc: return src[pos++];
    case 0xcd: return u16();
    case 0xce: return u32();
    case 0xd0: v = view.getInt8(pos); pos += 1; return v;
    case 0xd1: v = view.getInt16(pos); pos += 2; return v;
    case 0xd2: v = view.getInt32(pos); pos += 4; return v;
    case 0xd4: {
      if (src[pos] !== 0x72) throw FALLBACK;
      const id = src[pos + 1] & 0x3f;
      pos += 2;
      const names = readNames();
      define(id, names);
      return record(names);
    }
    case 0xd6: if (src[pos++] !== 0xff) throw FALLBACK; return timestamp(4);
    case 0xd7: if (src[pos++] !== 0xff) throw FALLBACK; return timestamp(8);
    case 0xc7: if (src[pos] !== 12 || src[pos + 1] !== 0xff) throw FALLBACK; pos += 2; return timestamp(12);
    case 0xd9: case 0xda: case 0xdb: return str(strLength(t));
    case 0xdc: return array(u16());
    case 0xdd: return array(u32());
    case 0xde: return map(u16());
    case 0xdf: return map(u32());
    default: throw FALLBACK; // c1, binary, other extensions, 64-bit integers (BigInt in msgpackr)
  }
}

/** Steps over one value; record definitions inside it are still registered for later references. */
function skip(): void {
  const t = src[pos++];
  if (t < 0x40 || t >= 0xe0) return;
  if (t < 0x80) {
    const names = defined(t & 0x3f);
    if (names) for (let i = 0; i < names.length; i++) skip();
    return;
  }
  if (t < 0x90) return skipN(2 * (t - 0x80));
  if (t < 0xa0) return skipN(t - 0x90);
  if (t < 0xc0) {
    pos += t - 0xa0;
    return;
  }
  switch (t) {
    case 0xc0: case 0xc2: case 0xc3: return;
    case 0xcc: case 0xd0: pos += 1; return;
    case 0xcd: case 0xd1: pos += 2; return;
    case 0xca: case 0xce: case 0xd2: pos += 4; return;
    case 0xcb: case 0xcf: case 0xd3: pos += 8; return;
    case 0xd4: {
      if (src[pos] !== 0x72) throw FALLBACK;
      const id = src[pos + 1] & 0x3f;
      pos += 2;
      const names = readNames();
      define(id, names);
      return skipN(names.length);
    }
    case 0xd6: if (src[pos] !== 0xff) throw FALLBACK; pos += 5; return;
    case 0xd7: if (src[pos] !== 0xff) throw FALLBACK; pos += 9; return;
    case 0xc7: if (src[pos] !== 12 || src[pos + 1] !== 0xff) throw FALLBACK; pos += 14; return;
    case 0xd9: case 0xda: case 0xdb: {
      const len = strLength(t); // reads the length bytes first: `pos += strLength(t)` would add to the old pos
      pos += len;
      return;
    }
    case 0xdc: return skipN(u16());
    case 0xdd: return skipN(u32());
    case 0xde: return skipN(2 * u16());
    case 0xdf: return skipN(2 * u32());
    default: throw FALLBACK;
  }
}

function skipN(n: number): void {
  fits(n);
  for (let i = 0; i < n; i++) skip();
}
