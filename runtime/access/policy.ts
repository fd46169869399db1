/**
 * What one user may do, as MongoDB filter documents the store runs: per entity
 * and action a scope (none / own / team / department / all) from the user's
 * roles, widened by records shared with them, plus per-field hidden and
 * read-only sets. Routes never check access themselves: the record operations
 * AND these filters into every query they make.
 */
import type { AccessScope, RoleAction, RoleDefinition } from '../../schemas/index.js';
import type { CompiledApp, CompiledEntity } from '../definitions/compiledTypes.js';
import type { User } from '../identity/users.js';
import type { Filter, TenantStore } from '../store/port.js';
import { OrgChart } from './orgChart.js';
import { evaluateCondition } from '../rules/conditions.js';

export const SHARES = '_shares';
const RANK: Record<AccessScope, number> = { none: 0, own: 1, team: 2, department: 3, all: 4 };

export interface ScopeExplanation {
  action: RoleAction;
  scope: AccessScope;
  /** Roles that grant the scope. */
  roles: string[];
  allowed: boolean;
  reason: string;
  /** For team access: the manager chain from the owner up to the user. */
  hierarchyPath?: string[];
}

export class AccessPolicy {
  private readonly sharedIds = new Map<string, Promise<string[]>>();

  constructor(
    readonly user: User,
    private readonly roles: readonly RoleDefinition[],
    readonly org: OrgChart,
    private readonly store: TenantStore,
    private readonly app: CompiledApp,
  ) {}

  static async load(store: TenantStore, app: CompiledApp, user: User): Promise<AccessPolicy> {
    const roles = user.roles.map((r) => app.roles.get(r)).filter((r): r is RoleDefinition => r !== undefined);
    return new AccessPolicy(user, roles, await OrgChart.load(store), store, app);
  }

  get isAdmin(): boolean {
    return this.roles.some((r) => r.isAdmin === true);
  }

  /** The widest scope any of the user's roles grants. */
  scope(entity: string, action: RoleAction): { scope: AccessScope; roles: string[] } {
    if (this.isAdmin) return { scope: 'all', roles: this.roles.filter((r) => r.isAdmin).map((r) => r.name) };
    let best: AccessScope = 'none';
    let by: string[] = [];
    for (const role of this.roles) {
      const scope = role.permissions[entity]?.[action] ?? 'none';
      if (RANK[scope] > RANK[best]) [best, by] = [scope, [role.name]];
      else if (scope === best && scope !== 'none') by.push(role.name);
    }
    return { scope: best, roles: by };
  }

  /** Owners whose records the scope covers; null means everyone. */
  owners(scope: AccessScope): string[] | null {
    switch (scope) {
      case 'all': return null;
      case 'department': return this.org.department(this.user.id);
      case 'team': return this.org.team(this.user.id);
      case 'own': return [this.user.id];
      case 'none': return [];
    }
  }

  private ownerField(entity: CompiledEntity): string {
    return entity.definition.hasOwner ? 'owner' : 'createdBy';
  }

  private shared(entity: CompiledEntity, access: 'read' | 'edit'): Promise<string[]> {
    const key = `${entity.name}:${access}`;
    let ids = this.sharedIds.get(key);
    if (!ids) {
      const department = this.org.departmentOf(this.user.id);
      const to: Filter[] = [{ user: this.user.id }, ...(department ? [{ department }] : [])];
      const accessFilter = access === 'edit' ? { access: 'edit' } : {};
      ids = this.store.collection(SHARES).find({ entity: entity.name, $or: to, ...accessFilter }, { projection: { recordId: 1 } }).then((d) => d.map((s) => s.recordId as string));
      this.sharedIds.set(key, ids);
    }
    return ids;
  }

  /** The filter to AND into any query for `action` on `entity`; `{}` when everything is allowed. */
  async filter(entity: CompiledEntity, action: RoleAction): Promise<Filter> {
    const owners = this.owners(this.scope(entity.name, action).scope);
    if (owners === null) return {};
    const master = entity.master && this.app.entities.get(entity.master.target);
    if (entity.master && master) {
      // A detail record (a deal line) is reachable through its parent: what the user may do to the parent.
      const parentFilter = await this.filter(master, action === 'read' || action === 'export' ? action : 'update');
      if (Object.keys(parentFilter).length === 0) return {};
      const parents = await this.store.collection(master.collection).find(parentFilter, { projection: { _id: 1 } });
      return { [entity.master.name]: { $in: parents.map((p) => p._id) } };
    }
    const byOwner: Filter = { [this.ownerField(entity)]: { $in: owners } };
    if (action !== 'read' && action !== 'update') return byOwner;
    const shared = await this.shared(entity, action === 'read' ? 'read' : 'edit');
    return shared.length ? { $or: [byOwner, { _id: { $in: shared } }] } : byOwner;
  }

  /** May a record owned by `owner` be given away — only through ownership scope, never through a share? */
  mayReassignFrom(entity: string, owner: string | null): boolean {
    return this.mayAssign(entity, 'update', owner);
  }

  /** May a record of `entity` be (re)assigned to `owner` under the scope of `action`? */
  mayAssign(entity: string, action: RoleAction, owner: string | null): boolean {
    const owners = this.owners(this.scope(entity, action).scope);
    return owners === null || (owner !== null && owners.includes(owner));
  }

  /**
   * Whether the record is locked for this user by `readOnlyWhen` rules: only
   * when every role that grants `action` on the entity locks it while its
   * condition holds on the record.
   */
  lockedByRecordRules(entity: string, action: RoleAction, record: Record<string, unknown>): boolean {
    if (this.isAdmin) return false;
    const granting = this.roles.filter((r) => (r.permissions[entity]?.[action] ?? 'none') !== 'none');
    return granting.length > 0 && granting.every((r) => {
      const when = r.readOnlyWhen?.[entity];
      return when !== undefined && evaluateCondition(when, record);
    });
  }

  private fieldRules(entity: string, rule: 'hidden' | 'readOnly'): Set<string> {
    if (this.isAdmin) return new Set();
    // A field is restricted only if every role of the user restricts it.
    const perRole = this.roles.map((r) => new Set(Object.entries(r.fieldPermissions?.[entity] ?? {}).filter(([, v]) => v === rule || (rule === 'readOnly' && v === 'hidden')).map(([f]) => f)));
    if (perRole.length === 0) return new Set();
    return new Set([...perRole[0]].filter((f) => perRole.every((s) => s.has(f))));
  }

  hiddenFields(entity: string): Set<string> {
    return this.fieldRules(entity, 'hidden');
  }

  /** Fields the user may not write: read-only ones and hidden ones. */
  readOnlyFields(entity: string): Set<string> {
    return this.fieldRules(entity, 'readOnly');
  }

  /** Why this user can or cannot do `action` on a record owned by `owner`. */
  async explain(entity: CompiledEntity, record: { _id: unknown; owner?: unknown; createdBy?: unknown }, action: RoleAction): Promise<ScopeExplanation> {
    const decision = await this.explainScope(entity, record, action);
    if (decision.allowed && (action === 'update' || action === 'delete') && this.lockedByRecordRules(entity.name, action, record as Record<string, unknown>)) {
      return { ...decision, allowed: false, reason: `the record is read-only for this role in its current state (readOnlyWhen); otherwise: ${decision.reason}` };
    }
    return decision;
  }

  private async explainScope(entity: CompiledEntity, record: { _id: unknown; owner?: unknown; createdBy?: unknown }, action: RoleAction): Promise<ScopeExplanation> {
    const { scope, roles } = this.scope(entity.name, action);
    const owner = (record[this.ownerField(entity) as 'owner' | 'createdBy'] as string | null | undefined) ?? null;
    const base = { action, scope, roles };
    if (scope === 'all') return { ...base, allowed: true, reason: this.isAdmin ? 'an administrator role sees everything' : `role ${roles.join(', ')} grants ${action} on all ${entity.name} records` };
    const shared = (action === 'read' || action === 'update') && (await this.shared(entity, action === 'read' ? 'read' : 'edit')).includes(String(record._id));
    if (scope === 'none' && !shared) return { ...base, allowed: false, reason: `no role of this user grants ${action} on ${entity.name}` };
    if (owner === this.user.id && scope !== 'none') return { ...base, allowed: true, reason: `the user owns the record and role ${roles.join(', ')} grants ${scope} scope` };
    if (scope === 'team' && owner) {
      const path = this.org.pathUp(owner, this.user.id);
      if (path) return { ...base, allowed: true, reason: `the owner ${owner} reports to the user`, hierarchyPath: path };
    }
    if (scope === 'department' && owner && this.org.department(this.user.id).includes(owner)) {
      return { ...base, allowed: true, reason: `the owner ${owner} is in the user's department (${this.org.departmentOf(this.user.id)})` };
    }
    if (shared) return { ...base, allowed: true, reason: 'the record is shared with the user (or their department)' };
    return { ...base, allowed: false, reason: `${scope} scope does not cover records owned by ${owner ?? 'nobody'}` };
  }
}
