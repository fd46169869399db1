/**
 * Pure edits of a workflow definition: entity, trigger (every type of
 * schemas/workflow.ts with its settings), conditions and the ordered actions.
 */
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import type { Condition } from '../../../../../schemas/conditions.js';
import type {
  WorkflowAction, WorkflowActionOf, WorkflowActionType, WorkflowDefinition, WorkflowTrigger, WorkflowTriggerType,
} from '../../../../../schemas/workflow.js';
import { entitiesOf, entityOf, fieldsOf, pipelinesOf } from '../entities.js';
import { compact, moveItem, removeAt, replaceAt } from '../listOps.js';
import type { DesignerContext } from '../types.js';

export const TRIGGER_TYPES: readonly WorkflowTriggerType[] = [
  'recordCreated', 'recordUpdated', 'fieldChanged', 'stageChanged', 'recordDeleted', 'dateRelative', 'idle', 'schedule', 'manual', 'webhook',
];

export const ACTION_TYPES: readonly WorkflowActionType[] = [
  'setFields', 'createRecord', 'assignOwner', 'notify', 'sendEmail', 'callWebhook', 'startApproval', 'delay',
];

/** Triggers that fire on a save, where "the value before" (`$previous`) means something. */
export const SAVE_TRIGGERS: ReadonlySet<WorkflowTriggerType> = new Set(['recordUpdated', 'fieldChanged', 'stageChanged']);

const DATE_TYPES = new Set(['date', 'datetime']);

export function dateFields(entity: EntityDefinition | undefined) {
  return fieldsOf(entity, { system: true }).filter((f) => DATE_TYPES.has(f.type) || (f.type === 'formula' && f.resultType === 'date'));
}

export function defaultTrigger(type: WorkflowTriggerType, entity: EntityDefinition | undefined): WorkflowTrigger {
  switch (type) {
    case 'fieldChanged':
      return { type, field: fieldsOf(entity)[0]?.name ?? 'name' };
    case 'dateRelative':
      return { type, field: dateFields(entity)[0]?.name ?? 'createdAt', offset: 3, unit: 'days', direction: 'before' };
    case 'idle':
      return { type, days: 7 };
    case 'schedule':
      return { type, cron: '0 9 * * 1' };
    case 'manual':
      return { type, buttonLabel: { 'zh-CN': '执行', en: 'Run' } };
    default:
      return { type } as WorkflowTrigger;
  }
}

/** Keeps the settings the new trigger type shares with the old one (e.g. the field). */
export function setTriggerType(def: WorkflowDefinition, type: WorkflowTriggerType, entity: EntityDefinition | undefined): WorkflowDefinition {
  if (def.trigger.type === type) return def;
  const fresh = defaultTrigger(type, entity) as Record<string, unknown>;
  const old = def.trigger as Record<string, unknown>;
  if ('field' in fresh && typeof old.field === 'string') {
    const ok = type === 'dateRelative' ? dateFields(entity).some((f) => f.name === old.field) : true;
    if (ok) fresh.field = old.field;
  }
  return { ...def, trigger: fresh as WorkflowTrigger };
}

export function updateTrigger(def: WorkflowDefinition, patch: Record<string, unknown>): WorkflowDefinition {
  return { ...def, trigger: compact({ ...def.trigger, ...patch }) as WorkflowTrigger };
}

/** Another entity: field-bound settings restart, since the old fields mean nothing there. */
export function setEntity(def: WorkflowDefinition, entity: EntityDefinition | undefined): WorkflowDefinition {
  if (!entity || entity.name === def.entity) return def;
  const { conditions: _dropped, ...rest } = def;
  return { ...rest, entity: entity.name, trigger: defaultTrigger(def.trigger.type, entity) };
}

export function setConditions(def: WorkflowDefinition, conditions: Condition | undefined): WorkflowDefinition {
  const { conditions: _old, ...rest } = def;
  return conditions ? { ...rest, conditions } : rest;
}

export function defaultAction(type: WorkflowActionType, entity: EntityDefinition | undefined, context: Pick<DesignerContext, 'definitions'>): WorkflowAction {
  switch (type) {
    case 'setFields':
      return { type, values: {} };
    case 'createRecord': {
      const target = entityOf(context.definitions, 'task') ?? entitiesOf(context.definitions)[0];
      return { type, entity: target?.name ?? 'task', values: {}, templates: {} };
    }
    case 'assignOwner':
      return { type, rules: [{ assignTo: { type: 'roundRobin', role: 'rep' } }] };
    case 'notify':
      return { type, to: { type: 'owner' }, message: { 'zh-CN': `{{${entity?.titleField ?? 'id'}}} 需要处理`, en: `{{${entity?.titleField ?? 'id'}}} needs attention` } };
    case 'sendEmail':
      return { type, to: [{ type: 'owner' }], subject: `{{${entity?.titleField ?? 'id'}}}`, body: '…' };
    case 'callWebhook':
      return { type, url: 'https://example.com/hook', secretRef: 'webhookSecret' };
    case 'startApproval': {
      const approval = context.definitions.find((d) => d.kind === 'approval' && (d as unknown as { entity: string }).entity === entity?.name);
      return { type, approval: approval?.name ?? 'approval' };
    }
    case 'delay':
      return { type, amount: 1, unit: 'days' };
  }
}

export const addAction = (def: WorkflowDefinition, action: WorkflowAction): WorkflowDefinition => ({ ...def, actions: [...def.actions, action] });

export function updateAction<T extends WorkflowActionType>(def: WorkflowDefinition, index: number, next: WorkflowActionOf<T>): WorkflowDefinition {
  if (!def.actions[index]) return def;
  return { ...def, actions: replaceAt(def.actions, index, compact(next) as WorkflowAction) };
}

/** A workflow needs at least one action, so the last one stays. */
export function removeAction(def: WorkflowDefinition, index: number): WorkflowDefinition {
  if (def.actions.length <= 1) return def;
  return { ...def, actions: removeAt(def.actions, index) };
}

export const moveAction = (def: WorkflowDefinition, from: number, to: number): WorkflowDefinition => ({ ...def, actions: moveItem(def.actions, from, to) });

export function createWorkflow(name: string, context: Pick<DesignerContext, 'definitions'>): WorkflowDefinition {
  const entity = entitiesOf(context.definitions)[0];
  return {
    kind: 'workflow',
    name,
    label: { 'zh-CN': name, en: name },
    schemaVersion: 1,
    entity: entity?.name ?? 'entity',
    trigger: { type: 'recordCreated' },
    actions: [defaultAction('notify', entity, context)],
    active: true,
  };
}

/** Stage values of the entity's pipeline, for stageChanged from / to. */
export function stageChoices(def: WorkflowDefinition, context: Pick<DesignerContext, 'definitions'>) {
  return pipelinesOf(context.definitions, def.entity)[0]?.stages ?? [];
}
