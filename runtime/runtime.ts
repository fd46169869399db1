/**
 * The runtime's front door: tenants, their published apps, and record
 * contexts, on one store. The server and the CLI both go through it.
 */
import type { EntityDefinition } from '../schemas/index.js';
import { AppCache } from './definitions/appCache.js';
import type { StoredDefinition } from './definitions/compileApp.js';
import type { CompiledApp, TenantSettings } from './definitions/compiledTypes.js';
import { ensureIndexes } from './definitions/indexes.js';
import { DefinitionRepository, type VersionDoc } from './definitions/repository.js';
import { notFound } from './errors.js';
import type { Channel } from './records/audit.js';
import type { RecordContext } from './records/context.js';
import type { Store } from './store/port.js';
import { installSampleData } from './templates/install.js';
import { loadTemplatePackage } from './templates/loadPackage.js';
import { TenantRegistry } from './tenants/registry.js';
import { AccessPolicy } from './access/policy.js';
import type { User } from './identity/users.js';
import { AuthService } from './identity/auth.js';
import { signingSecret } from './identity/secret.js';
import { ensureSystemIndexes } from './tenants/systemIndexes.js';
import { writeAudit, type Channel as AuditChannel } from './records/audit.js';
import { WorkflowEngine, workflowIndex, workflowJobHandlers, reconcileWorkflowJobs } from './workflows/index.js';
import { Scheduler, type JobHandler, type SchedulerOptions } from './scheduler/index.js';
import { rollbackSet } from './definitions/rollback.js';
import { fieldChangeImpact, fieldTypeChanges, migrateFieldTypes, type FieldChangeImpact } from './definitions/fieldMigration.js';

const setOf = (app: CompiledApp) => [...app.definitions.values()] as unknown as StoredDefinition[];

export class Runtime {
  readonly tenants: TenantRegistry;
  private readonly apps = new AppCache();
  private authService?: Promise<AuthService>;
  /** After-save automation: every record context but a template install's runs workflows. */
  readonly automation = new WorkflowEngine();

  constructor(readonly store: Store) {
    this.tenants = new TenantRegistry(store);
  }

  /** Sign-in and request authentication, keyed by the store's signing secret. */
  auth(): Promise<AuthService> {
    this.authService ??= signingSecret(this.store).then((secret) => new AuthService(this.store, secret));
    return this.authService;
  }

  async tenant(id: string): Promise<TenantSettings> {
    const tenant = await this.tenants.get(id);
    if (!tenant) throw notFound(`no tenant "${id}"`);
    return tenant;
  }

  definitions(tenantId: string): DefinitionRepository {
    return new DefinitionRepository(this.store.tenant(tenantId));
  }

  async app(tenantId: string): Promise<CompiledApp> {
    return this.apps.get(this.store.tenant(tenantId));
  }

  /** A record context acting as `user` under their roles, or as the system itself when `user` is null. */
  async context(tenantId: string, opts: { user: User | null; channel: Channel }): Promise<RecordContext> {
    const tenant = await this.tenant(tenantId);
    const store = this.store.tenant(tenantId);
    const app = await this.apps.get(store);
    const access = opts.user ? await AccessPolicy.load(store, app, opts.user) : null;
    return {
      store, tenant, app, user: opts.user?.id ?? null, channel: opts.channel, access,
      // Sample data is history, not news: loading it fires no workflows.
      ...(opts.channel === 'template' ? {} : { automation: this.automation }),
    };
  }

  /**
   * A scheduler over every tenant's jobs: the workflow engine's (date-relative,
   * idle, schedule, delays, backfills) plus the given handlers (e-mail, webhooks).
   */
  scheduler(handlers: Record<string, JobHandler>, opts: Omit<SchedulerOptions, 'store' | 'tenants' | 'handlers'> = {}): Scheduler {
    return new Scheduler({
      ...opts,
      store: this.store,
      tenants: async () => (await this.tenants.list()).map((t) => t.id),
      handlers: { ...workflowJobHandlers(this), ...handlers },
    });
  }

  /** Converts stored values of fields whose type the new version changed (their old values kept in `_fieldArchive`). */
  private async migrateChangedFields(tenantId: string, before: CompiledApp | null, version: number): Promise<void> {
    if (!before) return;
    const after = await this.app(tenantId);
    const changes = fieldTypeChanges(setOf(before), setOf(after));
    if (changes.length === 0) return;
    const settings = await this.tenant(tenantId);
    await migrateFieldTypes(this.store.tenant(tenantId), changes, version, { timeZone: settings.timeZone, locale: settings.locale });
  }

  /** Publishes an earlier version's definitions as a new version (entities and fields added since are kept, archived). */
  async rollback(tenantId: string, opts: { version: number; by: string; expectedBase?: number; channel?: AuditChannel }): Promise<VersionDoc> {
    const repo = this.definitions(tenantId);
    const target = await repo.getVersion(opts.version);
    if (!target) throw notFound(`no version ${opts.version}`);
    const definitions = rollbackSet(target.definitions, await repo.published());
    return this.publish(tenantId, { by: opts.by, channel: opts.channel, expectedBase: opts.expectedBase, definitions, message: `rollback to version ${opts.version}` });
  }

  /** What the drafts' field type changes would do to stored records, before publishing them. */
  async fieldChangeImpact(tenantId: string): Promise<{ base: number; fieldChanges: FieldChangeImpact[] }> {
    const settings = await this.tenant(tenantId);
    const repo = this.definitions(tenantId);
    const [published, { base, definitions }] = await Promise.all([repo.published(), repo.candidate()]);
    const changes = fieldTypeChanges(published, definitions);
    return { base, fieldChanges: await fieldChangeImpact(this.store.tenant(tenantId), changes, { timeZone: settings.timeZone, locale: settings.locale }) };
  }

  /** Schedules the jobs that follow the definitions (cron firings, timer backfills) after a change of version or data. */
  private async reconcileJobs(tenantId: string, before: CompiledApp | null, opts: { force?: boolean } = {}): Promise<void> {
    const settings = await this.tenant(tenantId);
    const after = await this.app(tenantId);
    await reconcileWorkflowJobs(this.store.tenant(tenantId), before ? workflowIndex(before) : null, workflowIndex(after), settings.timeZone, new Date(), opts);
  }

  /** Publishes the tenant's drafts (or a given set) as a new version, building the indexes it needs first. */
  async publish(
    tenantId: string,
    opts: { by: string; channel?: AuditChannel; expectedBase?: number; message?: string; definitions?: StoredDefinition[] },
  ): Promise<VersionDoc> {
    const store = this.store.tenant(tenantId);
    const before = await this.app(tenantId).catch(() => null);
    const doc = await this.definitions(tenantId).publish({
      ...opts,
      prepare: async (defs) => {
        await ensureSystemIndexes(store);
        await ensureIndexes(store, defs.filter((d) => d.kind === 'entity') as unknown as EntityDefinition[]);
      },
    });
    await writeAudit(store, {
      entity: '_definitions', recordId: `v${doc.version}`, action: 'publish', channel: opts.channel ?? 'api', user: opts.by, at: doc.publishedAt,
      changes: doc.changes.map((c) => ({ field: `${c.kind}:${c.name}`, from: c.change === 'added' ? null : 'published', to: c.change === 'removed' ? null : c.change })),
    });
    await this.reconcileJobs(tenantId, before);
    await this.migrateChangedFields(tenantId, before, doc.version);
    return doc;
  }

  /**
   * Creates a tenant from a template folder: settings from the template's
   * defaults (overridable), its definitions published as version 1, and
   * optionally its sample data.
   */
  async createTenantFromTemplate(
    templateDir: string,
    tenant: { id: string; label: string; locale?: string; timeZone?: string; currency?: string },
    opts: {
      sampleData: boolean;
      by: string;
      /** Runs after the definitions are published and before sample data loads, e.g. to create the users who own it. */
      beforeSampleData?: (tenant: TenantSettings) => Promise<void>;
      /** Gives every sample record this owner instead of the template's (whose users this tenant does not have). */
      sampleOwner?: () => string;
    },
  ): Promise<{ tenant: TenantSettings; version: number; sampleCounts: Record<string, number> }> {
    const pkg = await loadTemplatePackage(templateDir);
    const settings = await this.tenants.create({
      id: tenant.id,
      label: tenant.label,
      locale: tenant.locale ?? pkg.manifest.defaults.locale,
      timeZone: tenant.timeZone ?? pkg.manifest.defaults.timeZone,
      currency: tenant.currency ?? pkg.manifest.defaults.currency,
    });
    const { version } = await this.publish(settings.id, { by: opts.by, definitions: pkg.definitions, message: `install ${pkg.manifest.name}@${pkg.manifest.version}` });
    await opts.beforeSampleData?.(settings);
    let sampleCounts: Record<string, number> = {};
    if (opts.sampleData) {
      const ctx = await this.context(settings.id, { user: null, channel: 'template' });
      sampleCounts = await installSampleData(ctx, pkg, { owner: opts.sampleOwner?.() });
      // The sample records need their date-relative and idle timers too.
      await this.reconcileJobs(settings.id, null, { force: true });
    }
    return { tenant: settings, version, sampleCounts };
  }

  /** Installs a template's definitions into an existing tenant, as a new version on top of what it has. */
  async installTemplate(tenantId: string, templateDir: string, opts: { sampleData: boolean; by: string }): Promise<{ version: number; sampleCounts: Record<string, number> }> {
    await this.tenant(tenantId);
    const pkg = await loadTemplatePackage(templateDir);
    const current = await this.definitions(tenantId).published();
    const incoming = new Map(pkg.definitions.map((d) => [`${d.kind}:${d.name}`, d]));
    const merged = [...current.filter((d) => !incoming.has(`${d.kind}:${d.name}`)), ...incoming.values()];
    const { version } = await this.publish(tenantId, { by: opts.by, definitions: merged, message: `install ${pkg.manifest.name}@${pkg.manifest.version}` });
    // Sample records go to the installing user: the template's demo owners are not people of this tenant.
    const sampleCounts = opts.sampleData ? await installSampleData(await this.context(tenantId, { user: null, channel: 'template' }), pkg, { owner: opts.by }) : {};
    if (opts.sampleData) await this.reconcileJobs(tenantId, null, { force: true });
    return { version, sampleCounts };
  }
}
