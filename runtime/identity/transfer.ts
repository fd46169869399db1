/**
 * 客户移交: when a rep leaves, every record they own moves to another user in
 * one action. Each moved record gets a new version and an audit entry naming
 * who moved it, from whom, to whom.
 */
import type { CompiledApp } from '../definitions/compiledTypes.js';
import { invalid } from '../errors.js';
import { AUDIT_COLLECTION, type Channel } from '../records/audit.js';
import type { BatchOp, TenantStore } from '../store/port.js';
import { UserDirectory } from './users.js';

const CHUNK = 500;

export async function transferOwnership(
  store: TenantStore,
  app: CompiledApp,
  opts: { from: string; to: string; by: string; channel: Channel; now?: Date },
): Promise<Record<string, number>> {
  const users = new UserDirectory(store);
  await users.require(opts.from);
  const target = await users.require(opts.to);
  if (target.status !== 'active') throw invalid('records can only go to an active user', [{ path: '/to', message: `${target.id} has left` }]);
  if (opts.from === opts.to) throw invalid('choose another user', [{ path: '/to', message: 'is the same user' }]);
  const at = opts.now ?? new Date();
  const moved: Record<string, number> = {};
  for (const entity of app.entities.values()) {
    if (!entity.definition.hasOwner) continue;
    const collection = store.collection(entity.collection);
    let count = 0;
    for (;;) {
      const docs = await collection.find({ owner: opts.from }, { projection: { _id: 1, version: 1 }, limit: CHUNK });
      if (docs.length === 0) break;
      const ops: BatchOp[] = docs.flatMap((doc): BatchOp[] => [
        { op: 'update', collection: entity.collection, filter: { _id: doc._id, owner: opts.from }, update: { $set: { owner: opts.to, updatedAt: at, updatedBy: opts.by }, $inc: { version: 1 } } },
        { op: 'insert', collection: AUDIT_COLLECTION, doc: { entity: entity.name, recordId: String(doc._id), action: 'transfer', channel: opts.channel, user: opts.by, at, changes: [{ field: 'owner', from: opts.from, to: opts.to }] } },
      ]);
      await store.batch(ops);
      count += docs.length;
    }
    if (count) moved[entity.name] = count;
  }
  return moved;
}
