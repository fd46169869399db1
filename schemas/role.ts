import { apiName, definitionHeader } from './common.js';
import { conditionRef, type DefinitionFromSchema } from './parts.js';

/** How much of an entity's records an action reaches. */
export const accessScopes = ['none', 'own', 'team', 'department', 'all'] as const;
const scope = { enum: accessScopes } as const;

/** A role: record access per entity and action, field access per entity and field. */
export const roleSchema = {
  $id: 'stagecraft:role',
  type: 'object',
  properties: {
    kind: { const: 'role' },
    ...definitionHeader,
    /** Admins bypass record and field permissions and may edit definitions. */
    isAdmin: { type: 'boolean' },
    /** The role this one reports to in the manager hierarchy. */
    reportsTo: apiName,
    /** Entity api name → action → scope. A missing entity or action means `none`. */
    permissions: {
      type: 'object',
      propertyNames: apiName,
      maxProperties: 200,
      additionalProperties: {
        type: 'object',
        properties: {
          read: scope,
          create: scope,
          update: scope,
          delete: scope,
          export: scope,
        },
        additionalProperties: false,
      },
    },
    /** Entity api name → field api name → restriction. Unlisted fields are editable. */
    fieldPermissions: {
      type: 'object',
      propertyNames: apiName,
      maxProperties: 200,
      additionalProperties: {
        type: 'object',
        propertyNames: apiName,
        maxProperties: 500,
        additionalProperties: { enum: ['hidden', 'readOnly'] },
      },
    },
    /**
     * Records that turn read-only for this role while a condition on the record
     * holds, e.g. a quote once approved: entity → condition.
     */
    readOnlyWhen: {
      type: 'object',
      propertyNames: apiName,
      maxProperties: 200,
      additionalProperties: conditionRef,
    },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'permissions'],
  additionalProperties: false,
} as const;

export type RoleDefinition = DefinitionFromSchema<typeof roleSchema>;
export type AccessScope = (typeof accessScopes)[number];
export type RoleAction = 'read' | 'create' | 'update' | 'delete' | 'export';
