/**
 * Pure edits of a role: the entity × action scope grid, per-entity field
 * restrictions (hidden / read-only) and read-only-when conditions.
 */
import type { Condition } from '../../../../../schemas/conditions.js';
import { accessScopes, type AccessScope, type RoleAction, type RoleDefinition } from '../../../../../schemas/role.js';
import type { DesignerContext } from '../types.js';

export const ROLE_ACTIONS: readonly RoleAction[] = ['read', 'create', 'update', 'delete', 'export'];
export const SCOPES = accessScopes;
export type FieldAccess = 'editable' | 'hidden' | 'readOnly';

export function createRole(name: string, _context: Pick<DesignerContext, 'definitions'>): RoleDefinition {
  return { kind: 'role', name, label: { 'zh-CN': name, en: name }, schemaVersion: 1, permissions: {} };
}

export function scopeOf(def: RoleDefinition, entity: string, action: RoleAction): AccessScope {
  return def.permissions[entity]?.[action] ?? 'none';
}

/** `none` is the default, so it is stored only while the entity has other actions (keeps the grid readable in JSON). */
export function setScope(def: RoleDefinition, entity: string, action: RoleAction, scope: AccessScope): RoleDefinition {
  const row = { ...(def.permissions[entity] ?? {}), [action]: scope };
  const permissions = { ...def.permissions, [entity]: row };
  if (Object.values(row).every((s) => s === 'none')) delete permissions[entity];
  return { ...def, permissions };
}

/** One scope for every action of an entity (a row's quick set). */
export function setRow(def: RoleDefinition, entity: string, scope: AccessScope): RoleDefinition {
  const permissions = { ...def.permissions };
  if (scope === 'none') delete permissions[entity];
  else permissions[entity] = Object.fromEntries(ROLE_ACTIONS.map((a) => [a, scope]));
  return { ...def, permissions };
}

export function fieldAccess(def: RoleDefinition, entity: string, field: string): FieldAccess {
  return def.fieldPermissions?.[entity]?.[field] ?? 'editable';
}

export function setFieldAccess(def: RoleDefinition, entity: string, field: string, access: FieldAccess): RoleDefinition {
  const { fieldPermissions, ...rest } = def;
  const all = { ...(fieldPermissions ?? {}) };
  const forEntity = { ...(all[entity] ?? {}) };
  if (access === 'editable') delete forEntity[field];
  else forEntity[field] = access;
  if (Object.keys(forEntity).length) all[entity] = forEntity;
  else delete all[entity];
  return Object.keys(all).length ? { ...rest, fieldPermissions: all } : rest;
}

export function setReadOnlyWhen(def: RoleDefinition, entity: string, condition: Condition | undefined): RoleDefinition {
  const { readOnlyWhen, ...rest } = def;
  const all = { ...(readOnlyWhen ?? {}) };
  if (condition) all[entity] = condition;
  else delete all[entity];
  return Object.keys(all).length ? { ...rest, readOnlyWhen: all } : rest;
}

export function setFlag(def: RoleDefinition, key: 'isAdmin', value: boolean): RoleDefinition {
  const { [key]: _old, ...rest } = def;
  return value ? { ...rest, [key]: true } : rest;
}

export function setReportsTo(def: RoleDefinition, role: string | undefined): RoleDefinition {
  const { reportsTo: _old, ...rest } = def;
  return role ? { ...rest, reportsTo: role } : rest;
}
