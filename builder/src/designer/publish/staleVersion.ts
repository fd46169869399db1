/** After a 409 from publish or rollback: the version that was published in the meantime. */
import { ApiError } from '../../api/http.js';
import type { DefinitionsApi } from '../api.js';

export const isStale = (e: unknown) => e instanceof ApiError && e.status === 409;

export async function latestVersion(api: DefinitionsApi): Promise<number | null> {
  try {
    return (await api.versions())[0]?.version ?? null;
  } catch {
    return null;
  }
}
