/** The role designer as the builder shell mounts it. */
import type { RoleDefinition } from '../../../../../schemas/role.js';
import type { KindDesigner } from '../types.js';
import { createRole } from './model.js';
import { RoleEditor } from './RoleEditor.js';

export const roleDesigner: KindDesigner<RoleDefinition> = {
  kind: 'role',
  label: { 'zh-CN': '角色', en: 'Roles' },
  create: (name, context) => createRole(name, context),
  Editor: RoleEditor,
};
