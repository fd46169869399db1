/**
 * The key that signs bearer tokens. From STAGECRAFT_SECRET when set; otherwise
 * generated once and kept in the store's platform namespace, so every server
 * process on the same store signs and verifies alike.
 */
import { randomBytes } from 'node:crypto';
import { DuplicateKeyError, type Store } from '../store/port.js';
import { PLATFORM_NAMESPACE } from '../tenants/registry.js';

export async function signingSecret(store: Store, fromEnv = process.env.STAGECRAFT_SECRET): Promise<Buffer> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('STAGECRAFT_SECRET must be at least 32 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const secrets = store.tenant(PLATFORM_NAMESPACE).collection('secrets');
  const existing = await secrets.findOne({ _id: 'tokenSigning' });
  if (existing) return Buffer.from(existing.value as string, 'base64url');
  try {
    await secrets.insertOne({ _id: 'tokenSigning', value: randomBytes(32).toString('base64url'), createdAt: new Date() });
  } catch (e) {
    if (!(e instanceof DuplicateKeyError)) throw e; // another process created it first
  }
  return Buffer.from((await secrets.findOne({ _id: 'tokenSigning' }))!.value as string, 'base64url');
}
