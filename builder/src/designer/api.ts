/** The admin-only definitions API the designer works against (see server/routes/definitions.ts). */
import { ApiError, request, type Method } from '../api/http.js';
import { readSession } from '../auth/session.js';
import type { Definition, DraftEntry } from './model/definitionSet.js';
import type { Issue } from './model/issues.js';
import type { DetailedChange as DefinitionDiff } from '../../../runtime/definitions/detailedDiff.js';
import type { FieldChangeImpact } from '../../../runtime/definitions/fieldMigration.js';

export interface DefinitionsAnswer {
  version: number;
  published: Definition[];
  drafts: DraftEntry[];
}

// The server's own shapes (type-only imports: nothing of the runtime enters the bundle).
export type { ValueChange as DiffDetail, DetailedChange as DefinitionDiff } from '../../../runtime/definitions/detailedDiff.js';
export type { FieldChangeImpact } from '../../../runtime/definitions/fieldMigration.js';
export interface DiffAnswer { base: number; changes: DefinitionDiff[] }
export interface ImpactAnswer { base: number; fieldChanges: FieldChangeImpact[] }

export interface VersionEntry {
  version: number;
  publishedAt: string;
  publishedBy: string;
  message?: string;
  changes?: unknown[];
}

export interface DefinitionsApi {
  load(): Promise<DefinitionsAnswer>;
  saveDraft(def: Definition): Promise<void>;
  validate(): Promise<{ base: number; issues: Issue[] }>;
  diff(range?: { from: number; to: number }): Promise<DiffAnswer>;
  impact(): Promise<ImpactAnswer>;
  publish(expectedBase: number, message: string): Promise<{ version: number }>;
  versions(): Promise<VersionEntry[]>;
  rollback(version: number, expectedBase: number): Promise<{ version: number; rolledBackTo: number }>;
}

export function definitionsApi(tenant: string, onUnauthorized: () => void): DefinitionsApi {
  const root = `/api/t/${encodeURIComponent(tenant)}/definitions`;
  async function call<T>(method: Method, url: string, body?: unknown): Promise<T> {
    const session = readSession(tenant);
    if (!session) {
      onUnauthorized();
      throw new ApiError(401, 'UNAUTHENTICATED', 'sign in first');
    }
    try {
      return await request<T>(method, url, body, session.token);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized();
      throw e;
    }
  }
  return {
    load: () => call('GET', root),
    saveDraft: async (def) => {
      await call('PUT', `${root}/${encodeURIComponent(def.kind)}/${encodeURIComponent(def.name)}`, def);
    },
    validate: () => call('POST', `${root}/validate`, {}),
    diff: (range) => call('GET', range ? `${root}/diff?from=${range.from}&to=${range.to}` : `${root}/diff`),
    impact: () => call('POST', `${root}/impact`, {}),
    publish: (expectedBase, message) => call('POST', `${root}/publish`, { expectedBase, message }),
    versions: async () => (await call<{ items: VersionEntry[] }>('GET', `${root}/versions`)).items,
    rollback: (version, expectedBase) => call('POST', `${root}/rollback`, { version, expectedBase }),
  };
}
