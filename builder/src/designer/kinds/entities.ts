/**
 * What the designers read from the working set: entities, their usable
 * fields (archived ones left out, system fields added), roles and pipelines.
 */
import type { EntityDefinition, FieldDefinition } from '../../../../schemas/entity.js';
import type { PipelineDefinition } from '../../../../schemas/pipeline.js';
import type { DesignerLocale } from './types.js';

type WorkingSet = readonly { kind: string; name: string }[];

export function entitiesOf(definitions: WorkingSet): EntityDefinition[] {
  return definitions.filter((d) => d.kind === 'entity') as unknown as EntityDefinition[];
}

export function entityOf(definitions: WorkingSet, name: string | undefined): EntityDefinition | undefined {
  return entitiesOf(definitions).find((e) => e.name === name);
}

export function roleNames(definitions: WorkingSet): { name: string; label?: { 'zh-CN'?: string; en?: string } }[] {
  return definitions.filter((d) => d.kind === 'role') as unknown as { name: string; label?: { 'zh-CN'?: string; en?: string } }[];
}

export function pipelinesOf(definitions: WorkingSet, entity?: string): PipelineDefinition[] {
  const all = definitions.filter((d) => d.kind === 'pipeline') as unknown as PipelineDefinition[];
  return entity ? all.filter((p) => p.entity === entity) : all;
}

export function approvalNames(definitions: WorkingSet, entity?: string): string[] {
  return (definitions.filter((d) => d.kind === 'approval') as unknown as { name: string; entity: string }[])
    .filter((a) => !entity || a.entity === entity)
    .map((a) => a.name);
}

const SYSTEM: FieldDefinition[] = [
  { name: 'owner', type: 'user', label: { 'zh-CN': '负责人', en: 'Owner' }, readOnly: true },
  { name: 'createdAt', type: 'datetime', label: { 'zh-CN': '创建时间', en: 'Created' }, readOnly: true },
  { name: 'updatedAt', type: 'datetime', label: { 'zh-CN': '最后修改', en: 'Last modified' }, readOnly: true },
];

/** Active fields, plus owner (when the entity has one) and the timestamps that rules and lists may use. */
export function fieldsOf(entity: EntityDefinition | undefined, opts: { system?: boolean } = {}): FieldDefinition[] {
  if (!entity) return [];
  const own = entity.fields.filter((f) => !f.archived);
  if (!opts.system) return own;
  return [...own, ...SYSTEM.filter((f) => (f.name === 'owner' ? entity.hasOwner : true) && !own.some((o) => o.name === f.name))];
}

export function fieldOf(entity: EntityDefinition | undefined, name: string, system = true): FieldDefinition | undefined {
  return fieldsOf(entity, { system }).find((f) => f.name === name);
}

const COMPUTED = new Set(['formula', 'rollup', 'autoNumber']);
/** Fields an automation or an outcome may write (not computed, not files, not system). */
export const isSettable = (f: FieldDefinition) => !COMPUTED.has(f.type) && f.type !== 'file' && !SYSTEM.some((s) => s.name === f.name);

export function label(text: { 'zh-CN'?: string; en?: string } | undefined, locale: DesignerLocale, fallback = ''): string {
  if (!text) return fallback;
  return text[locale] || text['zh-CN'] || text.en || fallback;
}

export const fieldLabel = (f: FieldDefinition, locale: DesignerLocale) => `${label(f.label, locale, f.name)}`;

/** The kind of value input a field needs. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'select' | 'multiSelect' | 'user' | 'lookup';

export function valueKind(f: FieldDefinition | undefined): ValueKind {
  if (!f) return 'text';
  switch (f.type) {
    case 'number': case 'currency': case 'percent': return 'number';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    case 'select': return 'select';
    case 'multiSelect': return 'multiSelect';
    case 'user': return 'user';
    case 'lookup': return 'lookup';
    case 'formula':
      return f.resultType === 'boolean' ? 'boolean' : f.resultType === 'text' ? 'text' : f.resultType === 'date' ? 'date' : 'number';
    case 'rollup': return 'number';
    default: return 'text';
  }
}

export function optionsOf(f: FieldDefinition | undefined): { value: string; label: { 'zh-CN': string; en: string }; color?: string }[] {
  return f && (f.type === 'select' || f.type === 'multiSelect') ? f.options : [];
}

/** Issues whose path is `prefix` or lies under it. */
export function issuesUnder<T extends { path: string }>(issues: readonly T[], prefix: string, exact = false): T[] {
  return issues.filter((i) => i.path === prefix || (!exact && i.path.startsWith(prefix + '/')));
}

/** Escapes one key for a JSON Pointer (RFC 6901), as the server does. */
export const pointerKey = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** The field a pipeline drives on this entity: it changes only through transitions, so nothing may set it directly. */
export function stageFieldOf(definitions: WorkingSet, entity: string | undefined): string | undefined {
  return entity ? pipelinesOf(definitions, entity)[0]?.field : undefined;
}

/** Fields an automation or an outcome may set on the entity: settable and not its pipeline's stage. */
export function writableFields(definitions: WorkingSet, entity: EntityDefinition | undefined): FieldDefinition[] {
  const stage = stageFieldOf(definitions, entity?.name);
  return fieldsOf(entity).filter((f) => isSettable(f) && f.name !== stage);
}
