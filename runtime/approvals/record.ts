/** The record an approval is about, as the approval engine reads it: facts for conditions, its owner, its title. */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { notFound } from '../errors.js';
import type { RecordContext } from '../records/context.js';
import { toApiRecord } from '../records/storedForm.js';
import type { Doc, TenantStore } from '../store/port.js';

/** The stored record, read as the platform (approvers and outcomes do not depend on who asks). */
export async function readRecord(store: TenantStore, entity: CompiledEntity, recordId: string): Promise<Doc> {
  const doc = await store.collection(entity.collection).findOne({ _id: recordId });
  if (!doc) throw notFound(`no ${entity.name} with id "${recordId}"`);
  return doc;
}

/** What conditions see: the record as the API speaks it (fields, owner, id, version, timestamps). */
export const recordFacts = (entity: CompiledEntity, doc: Doc): Record<string, unknown> => toApiRecord(entity, doc);

/** Whose record it is: the owner, or for entities without owners its creator (as access control sees it). */
export function recordOwner(entity: CompiledEntity, doc: Doc): string | null {
  const owner = entity.definition.hasOwner ? doc.owner : doc.createdBy;
  return typeof owner === 'string' ? owner : null;
}

export function recordTitle(entity: CompiledEntity, doc: Doc | null, ctx?: RecordContext): string | null {
  if (!doc || ctx?.access?.hiddenFields(entity.name).has(entity.titleField)) return null;
  const title = doc[entity.titleField];
  return title === undefined || title === null ? null : String(title);
}
