/**
 * UTF-8 string decoding for the projection reader, matching msgpackr.
 * Short strings repeat across documents (owners, stages, months), so each
 * short byte sequence is decoded once and the same string instance is
 * returned afterwards: no native call per value, and Maps keyed by it reuse
 * the hash V8 keeps on the string.
 */

const utf8 = Buffer.prototype.utf8Slice as (this: Uint8Array, start: number, end: number) => string;
const latin1 = Buffer.prototype.latin1Slice as (this: Uint8Array, start: number, end: number) => string;

const copyBytes = Uint8Array.prototype.slice as (this: Uint8Array, start: number, end: number) => Uint8Array;

const SLOTS = 4096;
const MAX_CACHED = 16;
const cachedBytes: (Uint8Array | undefined)[] = new Array(SLOTS);
const cachedText: string[] = new Array(SLOTS);

/** The string msgpackr decodes from bytes [a, b), or undefined when only msgpackr can say. */
export function decodeString(src: Uint8Array, a: number, b: number): string | undefined {
  const len = b - a;
  if (len === 0) return '';
  if (len > MAX_CACHED) return uncached(src, a, b);
  let h = len;
  for (let i = a; i < b; i++) h = (Math.imul(h, 31) + src[i]) | 0;
  const slot = h & (SLOTS - 1);
  const bytes = cachedBytes[slot];
  if (bytes && bytes.length === len) {
    let i = 0;
    while (i < len && bytes[i] === src[a + i]) i++;
    if (i === len) return cachedText[slot];
  }
  const text = uncached(src, a, b);
  if (text !== undefined) {
    cachedBytes[slot] = copyBytes.call(src, a, b); // Buffer#slice would be a view of lmdb's reused buffer
    cachedText[slot] = text;
  }
  return text;
}

function uncached(src: Uint8Array, a: number, b: number): string | undefined {
  for (let i = a; i < b; i++) {
    if (src[i] >= 0x80) {
      // Bytes encoding a surrogate (ED A0..BF) decode differently in msgpackr and Buffer, and
      // TextDecoder (msgpackr, long strings) drops a leading BOM: leave those to msgpackr.
      if (src[a] === 0xef && src[a + 1] === 0xbb && src[a + 2] === 0xbf) return undefined;
      for (let j = i; j < b - 1; j++) if (src[j] === 0xed && src[j + 1] >= 0xa0) return undefined;
      return utf8.call(src, a, b);
    }
  }
  return latin1.call(src, a, b);
}
