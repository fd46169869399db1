import { randomBytes } from 'node:crypto';

/**
 * Document ids: 24 hex chars laid out like a MongoDB ObjectId (4-byte seconds,
 * 5-byte per-process random, 3-byte counter) so ids sort roughly by creation
 * time in both adapters, while staying plain strings as the port requires.
 */
const processRandom = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

export function newId(): string {
  const seconds = Math.floor(Date.now() / 1000);
  counter = (counter + 1) % 0x1000000;
  return seconds.toString(16).padStart(8, '0') + processRandom + counter.toString(16).padStart(6, '0');
}

/** `_id` must be a non-empty string; NUL is refused because lmdb keys use it as a delimiter. */
export function assertValidId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128 || id.includes('\u0000')) {
    throw new TypeError(`_id must be a non-empty string of at most 128 chars without NUL, got ${JSON.stringify(id)}`);
  }
}
