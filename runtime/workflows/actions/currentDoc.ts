import type { Doc } from '../../store/port.js';
import type { ActionContext } from './types.js';

/** The triggering record as stored now (an earlier action or another user may have changed it). */
export async function currentDoc(ac: ActionContext): Promise<Doc> {
  if (!ac.recordId) throw new Error('this workflow has no record to act on');
  const doc = await ac.ctx.store.collection(ac.entity.collection).findOne({ _id: ac.recordId });
  if (!doc) throw new Error(`the ${ac.entity.name} ${ac.recordId} no longer exists`);
  return doc;
}
