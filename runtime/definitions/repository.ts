/**
 * Where a tenant's definitions live: drafts being edited, and published
 * versions, each an immutable snapshot of the whole set. Publishing a version
 * is one insert keyed by the version number, so two concurrent publishes of
 * the same base cannot both win.
 */
import type { TenantStore } from '../store/port.js';
import { DuplicateKeyError } from '../store/port.js';
import { validateDefinition } from '../../schemas/validator.js';
import { conflict, invalid, notFound } from '../errors.js';
import type { StoredDefinition } from './compileApp.js';
import { definitionKey } from './compiledTypes.js';
import { diffSets, type DefinitionChange } from './diff.js';
import { issuePointer, validateSet } from './validateSet.js';
import { breakingChanges } from './breakingChanges.js';

const DRAFTS = '_definitionDrafts';
const VERSIONS = '_definitionVersions';
/** The definitions of each version, apart from its small metadata so "which version is latest" stays cheap. */
const SNAPSHOTS = '_definitionSnapshots';

export interface VersionDoc {
  version: number;
  definitions: StoredDefinition[];
  publishedAt: Date;
  publishedBy: string;
  message?: string;
  changes: DefinitionChange[];
}

export interface Draft {
  kind: string;
  name: string;
  /** The edited definition, or null when the draft deletes the definition. */
  definition: StoredDefinition | null;
  updatedAt: Date;
  updatedBy: string;
}

const versionId = (n: number) => `v${String(n).padStart(10, '0')}`;

/*
 * Definitions are stored as JSON text: they hold MongoDB filter documents
 * (views, reports) whose `$`-operators may not be field names in a store, and
 * a snapshot is only ever read whole.
 */
function fromVersionDoc(meta: Record<string, unknown>, snapshot: Record<string, unknown>): VersionDoc {
  const { _id, ...rest } = meta;
  return { ...(rest as Omit<VersionDoc, 'definitions'>), definitions: JSON.parse(snapshot.definitionsJson as string) };
}

function fromDraftDoc(doc: Record<string, unknown>): Draft {
  const { definitionJson, _id, ...rest } = doc;
  return { ...(rest as Omit<Draft, 'definition'>), definition: JSON.parse(definitionJson as string) };
}

export class DefinitionRepository {
  constructor(private readonly store: TenantStore) {}

  async latestVersion(): Promise<number> {
    const [doc] = await this.store.collection(VERSIONS).find({}, { sort: { _id: -1 }, limit: 1, projection: { version: 1 } });
    return doc ? (doc.version as number) : 0;
  }

  async getVersion(version: number): Promise<VersionDoc | null> {
    const [meta, snapshot] = await Promise.all([
      this.store.collection(VERSIONS).findOne({ _id: versionId(version) }),
      this.store.collection(SNAPSHOTS).findOne({ _id: versionId(version) }),
    ]);
    return meta && snapshot ? fromVersionDoc(meta, snapshot) : null;
  }

  async listVersions(): Promise<Omit<VersionDoc, 'definitions'>[]> {
    const docs = await this.store.collection(VERSIONS).find({}, { sort: { _id: -1 } });
    return docs as unknown as Omit<VersionDoc, 'definitions'>[];
  }

  async published(): Promise<StoredDefinition[]> {
    const latest = await this.latestVersion();
    return latest ? ((await this.getVersion(latest))?.definitions ?? []) : [];
  }

  async drafts(): Promise<Draft[]> {
    return (await this.store.collection(DRAFTS).find({}, { sort: { _id: 1 } })).map(fromDraftDoc);
  }

  /** Saves a draft after checking it against its kind's schema (cross-definition checks run at publish). */
  async saveDraft(definition: unknown, by: string): Promise<Draft> {
    const issues = validateDefinition(definition);
    if (issues.length) throw invalid('the definition is invalid', issues);
    const def = definition as StoredDefinition;
    const draft: Draft = { kind: def.kind, name: def.name, definition: def, updatedAt: new Date(), updatedBy: by };
    await this.writeDraft(draft);
    return draft;
  }

  /** Records the removal of a published definition as a draft. */
  async draftRemoval(kind: string, name: string, by: string): Promise<void> {
    const exists = (await this.published()).some((d) => d.kind === kind && d.name === name);
    if (!exists) throw notFound(`no published ${kind} "${name}"`);
    await this.writeDraft({ kind, name, definition: null, updatedAt: new Date(), updatedBy: by });
  }

  private async writeDraft(draft: Draft): Promise<void> {
    const { definition, ...rest } = draft;
    await this.store
      .collection(DRAFTS)
      .updateOne({ _id: definitionKey(draft.kind, draft.name) }, { ...rest, definitionJson: JSON.stringify(definition) }, { upsert: true });
  }

  async discardDraft(kind: string, name: string): Promise<void> {
    await this.store.collection(DRAFTS).deleteOne({ _id: definitionKey(kind, name) });
  }

  /** The set a publish would produce: the latest version overlaid with the drafts. */
  async candidate(): Promise<{ base: number; definitions: StoredDefinition[]; drafts: Draft[] }> {
    const base = await this.latestVersion();
    const current = new Map((await this.published()).map((d) => [definitionKey(d.kind, d.name), d]));
    const drafts = await this.drafts();
    for (const draft of drafts) {
      const key = definitionKey(draft.kind, draft.name);
      if (draft.definition) current.set(key, draft.definition);
      else current.delete(key);
    }
    return { base, definitions: [...current.values()], drafts };
  }

  /**
   * Publishes the drafts as a new immutable version. `expectedBase` is the version
   * the editor started from: if another publish landed since, this one is refused.
   */
  async publish(opts: {
    by: string;
    expectedBase?: number;
    message?: string;
    /** Publish this set instead of the drafts (template install and upgrade). */
    definitions?: StoredDefinition[];
    /** Runs after validation and before the version is committed, e.g. to build indexes; a throw aborts the publish. */
    prepare?: (definitions: StoredDefinition[]) => Promise<void>;
  }): Promise<VersionDoc> {
    const { base, definitions: fromDrafts, drafts } = await this.candidate();
    if (opts.expectedBase !== undefined && opts.expectedBase !== base) {
      throw conflict('STALE_DEFINITIONS', `version ${base} was published after version ${opts.expectedBase} that this change is based on; reload and try again`);
    }
    const definitions = opts.definitions ?? fromDrafts;
    const version = base + 1;
    const { issues } = validateSet(version, definitions);
    const previous = base ? ((await this.getVersion(base))?.definitions ?? []) : [];
    issues.push(...breakingChanges(previous, definitions));
    if (issues.length) {
      throw invalid('the definitions cannot be published', issues.map((i) => ({ path: issuePointer(i), message: i.message })));
    }
    await opts.prepare?.(definitions);
    const doc: VersionDoc = {
      version,
      definitions,
      publishedAt: new Date(),
      publishedBy: opts.by,
      changes: diffSets(previous, definitions),
      ...(opts.message ? { message: opts.message } : {}),
    };
    try {
      const { definitions: defs, ...rest } = doc;
      // One batch: a version exists with its definitions or not at all; its key makes a concurrent publish fail whole.
      await this.store.batch([
        { op: 'insert', collection: VERSIONS, doc: { _id: versionId(version), ...rest } },
        { op: 'insert', collection: SNAPSHOTS, doc: { _id: versionId(version), definitionsJson: JSON.stringify(defs) } },
      ]);
    } catch (e) {
      if (e instanceof DuplicateKeyError) {
        throw conflict('STALE_DEFINITIONS', `another publish created version ${version} first; reload and try again`);
      }
      throw e;
    }
    // Only the drafts this publish included are cleared (a draft saved meanwhile stays);
    // publishing a given set (template install, rollback) leaves the admins' drafts alone.
    for (const draft of opts.definitions ? [] : drafts) {
      await this.store.collection(DRAFTS).deleteOne({ _id: definitionKey(draft.kind, draft.name), updatedAt: draft.updatedAt });
    }
    return doc;
  }
}
