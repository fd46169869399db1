import type { Database, RootDatabase } from 'lmdb';
import type { Doc } from '../../port.js';
import type { Key } from '../layout.js';
import { decodeProjected, projectionOf, type Projection } from './msgpack.js';

interface Decoder {
  decode(bytes: Uint8Array, end?: number): unknown;
}

/**
 * A second read-only handle on the `docs` database whose decoder keeps only
 * the top-level fields a query needs (see msgpack.ts). lmdb hands a custom
 * decoder its shared read buffer without copying; the decoder copies what it
 * keeps. Outside `withFields`, or when a document cannot be projected, it
 * decodes with the store's own msgpackr decoder, so values are always the
 * ones a normal read returns.
 */
export class ProjectedDocs {
  readonly db: Database<Doc, Key>;
  private projection: Projection | null = null;

  constructor(env: RootDatabase, private readonly full: Decoder) {
    const encoder = {
      decode: (bytes: Uint8Array, end?: number) => this.decode(bytes, end),
      encode: () => {
        throw new Error('the projected documents handle is read-only');
      },
    };
    this.db = env.openDB<Doc, Key>('docs', { encoder } as never);
  }

  /**
   * Runs `fn` (synchronously) with reads through `db` keeping only `fields`;
   * null keeps whole documents. Dates of `instants` fields come as one Date
   * per field, overwritten by the next document: only for callers that read
   * the time at once and keep neither the Date nor the document.
   */
  withFields<T>(fields: ReadonlySet<string> | null, fn: () => T, instants?: ReadonlySet<string>): T {
    const previous = this.projection;
    this.projection = fields ? projectionOf(fields, instants) : null;
    try {
      return fn();
    } finally {
      this.projection = previous;
    }
  }

  private decode(bytes: Uint8Array, end?: number): unknown {
    const size = typeof end === 'number' ? end : bytes.length;
    const p = this.projection;
    if (p) {
      const doc = decodeProjected(bytes, size, p);
      if (doc) return doc;
    }
    return this.full.decode(bytes, size);
  }
}

/** The msgpackr decoder lmdb created for a database (not in lmdb's types). */
export function decoderOf(db: Database<unknown, Key>): Decoder {
  const decoder = (db as unknown as { decoder?: Decoder }).decoder;
  if (!decoder || typeof decoder.decode !== 'function') throw new Error('lmdb database has no decoder');
  return decoder;
}
