/**
 * Tenant secrets (e.g. the keys that sign outbound webhooks), one document per
 * name in `_secrets`. Workflows refer to a secret by name; the value is read
 * only by the code that uses it and is never returned by any API.
 */
import { badRequest, invalid } from '../errors.js';
import type { TenantStore } from '../store/port.js';

export const SECRETS = '_secrets';
/** An API name: letters, digits, underscore, starting with a letter (so `__proto__` and `$…` can never be names). */
export const SECRET_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
export const SECRET_VALUE_MIN = 16;
export const SECRET_VALUE_MAX = 512;

export interface SecretName {
  name: string;
  updatedAt: string;
}

export function isSecretName(name: unknown): name is string {
  return typeof name === 'string' && SECRET_NAME_PATTERN.test(name);
}

function assertName(name: unknown): asserts name is string {
  if (!isSecretName(name)) {
    throw badRequest('INVALID_SECRET_NAME', 'a secret name starts with a letter and has at most 64 letters, digits or underscores', [{ path: '/name', message: `must match ${SECRET_NAME_PATTERN.source}` }]);
  }
}

function assertValue(value: unknown): asserts value is string {
  // Short values are guessable keys; control characters would not survive being typed into a receiver's config.
  if (typeof value !== 'string' || value.length < SECRET_VALUE_MIN || value.length > SECRET_VALUE_MAX || /[\u0000-\u001f\u007f]/.test(value)) {
    throw invalid('the secret value is not valid', [{ path: '/value', message: `must be a string of ${SECRET_VALUE_MIN} to ${SECRET_VALUE_MAX} characters without control characters` }]);
  }
}

/** The value, or null when there is no such secret (or the name cannot be one). */
export async function getSecret(store: TenantStore, name: string): Promise<string | null> {
  if (!isSecretName(name)) return null;
  const doc = await store.collection(SECRETS).findOne({ _id: name });
  return doc && typeof doc.value === 'string' ? doc.value : null;
}

/** Creates or replaces a secret; `created` tells which. */
export async function setSecret(store: TenantStore, name: string, value: string, by: string | null, now: Date = new Date()): Promise<{ name: string; updatedAt: string; created: boolean }> {
  assertName(name);
  assertValue(value);
  const res = await store.collection(SECRETS).updateOne({ _id: name }, { $set: { value, updatedAt: now, updatedBy: by } }, { upsert: true });
  return { name, updatedAt: now.toISOString(), created: res.upsertedId !== undefined };
}

/** True when a secret was deleted. */
export async function deleteSecret(store: TenantStore, name: string): Promise<boolean> {
  assertName(name);
  return (await store.collection(SECRETS).deleteOne({ _id: name })) === 1;
}

/** Names and change times only: the projection keeps values out of the result. */
export async function listSecretNames(store: TenantStore): Promise<SecretName[]> {
  const docs = await store.collection(SECRETS).find({}, { sort: { _id: 1 }, projection: { _id: 1, updatedAt: 1 } });
  return docs.map((d) => ({ name: String(d._id), updatedAt: (d.updatedAt as Date).toISOString() }));
}
