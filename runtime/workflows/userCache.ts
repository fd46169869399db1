/**
 * The users one save's workflow runs look up (who saved, owners, managers),
 * each read once: fifty workflows notifying the same owner need one read.
 * Lives for one record event or one job, so changes to people apply to the next.
 */
import { USERS } from '../identity/users.js';
import type { Doc, TenantStore } from '../store/port.js';

export class UserCache {
  private readonly docs = new Map<string, Promise<Doc | null>>();
  constructor(readonly store: TenantStore) {}

  get(id: string): Promise<Doc | null> {
    let doc = this.docs.get(id);
    if (!doc) {
      doc = this.store.collection(USERS).findOne({ _id: id }, { projection: { passwordHash: 0 } });
      this.docs.set(id, doc);
    }
    return doc;
  }
}
