/**
 * Fields every record has without the entity declaring them (owner, created,
 * last modified). Views may name them as columns; described as ordinary field
 * definitions they format like any other field.
 */
import type { EntityDefinition, FieldDefinition } from '../../schemas/entity.js';

const owner: FieldDefinition = { name: 'owner', type: 'user', label: { 'zh-CN': '负责人', en: 'Owner' }, readOnly: true };
const createdAt: FieldDefinition = { name: 'createdAt', type: 'datetime', label: { 'zh-CN': '创建时间', en: 'Created' }, readOnly: true };
const updatedAt: FieldDefinition = { name: 'updatedAt', type: 'datetime', label: { 'zh-CN': '最后修改', en: 'Last modified' }, readOnly: true };

export function systemField(entity: EntityDefinition, name: string): FieldDefinition | undefined {
  if (name === 'owner') return entity.hasOwner ? owner : undefined;
  if (name === 'createdAt') return createdAt;
  if (name === 'updatedAt') return updatedAt;
  return undefined;
}
