/**
 * A named counter in `_counters`, advanced with a conditional update
 * (compare-and-set) so concurrent callers — in one process or many — never get
 * the same value. Auto-numbers and round-robin assignment use it.
 */
import { DuplicateKeyError, type TenantStore } from './port.js';

const COUNTERS = '_counters';

export async function nextCounterValue(store: TenantStore, key: string, start: number): Promise<number> {
  const counters = store.collection(COUNTERS);
  for (let attempt = 0; attempt < 100; attempt++) {
    const doc = await counters.findOne({ _id: key });
    if (!doc) {
      try {
        await counters.insertOne({ _id: key, seq: start });
        return start;
      } catch (e) {
        if (e instanceof DuplicateKeyError) continue;
        throw e;
      }
    }
    const seq = (doc.seq as number) + 1;
    const { matchedCount } = await counters.updateOne({ _id: key, seq: doc.seq }, { $set: { seq } });
    if (matchedCount === 1) return seq;
  }
  throw new Error(`counter ${key} is too contended`);
}

/** The counter's current value without advancing it (null before first use), e.g. for a dry run. */
export async function peekCounterValue(store: TenantStore, key: string): Promise<number | null> {
  const doc = await store.collection(COUNTERS).findOne({ _id: key });
  return doc ? (doc.seq as number) : null;
}
