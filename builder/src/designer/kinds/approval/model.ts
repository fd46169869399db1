/** Pure edits of an approval process: entry criteria, ordered steps, outcomes, recall and lock. */
import type { ApprovalDefinition, ApprovalStep, ApproverSpec } from '../../../../../schemas/approval.js';
import type { Condition } from '../../../../../schemas/conditions.js';
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import { entitiesOf, fieldsOf, roleNames } from '../entities.js';
import { compact, moveItem, removeAt, replaceAt, uniqueName } from '../listOps.js';
import type { FieldValues } from '../valuesModel.js';
import type { DesignerContext } from '../types.js';

export type ApproverType = ApproverSpec['type'];
export const APPROVER_TYPES: readonly ApproverType[] = ['ownerManager', 'role', 'user', 'userField'];
export type OutcomeKey = 'onApprove' | 'onReject' | 'onRecall';
export const OUTCOMES: readonly OutcomeKey[] = ['onApprove', 'onReject', 'onRecall'];

export function userFields(entity: EntityDefinition | undefined) {
  return fieldsOf(entity).filter((f) => f.type === 'user');
}

export function defaultApprover(type: ApproverType, entity: EntityDefinition | undefined, context: Pick<DesignerContext, 'definitions'>): ApproverSpec {
  switch (type) {
    case 'ownerManager': return { type };
    case 'role': return { type, value: roleNames(context.definitions).find((r) => r.name === 'manager')?.name ?? roleNames(context.definitions)[0]?.name ?? 'manager' };
    case 'user': return { type, value: 'admin' };
    case 'userField': return { type, value: userFields(entity)[0]?.name ?? 'owner' };
  }
}

export function newStep(def: ApprovalDefinition, entity: EntityDefinition | undefined, context: Pick<DesignerContext, 'definitions'>): ApprovalStep {
  const n = def.steps.length + 1;
  return {
    name: uniqueName(`step${n}`, def.steps.map((s) => s.name)),
    label: { 'zh-CN': `第 ${n} 步审批`, en: `Step ${n}` },
    approver: defaultApprover(entity?.hasOwner ? 'ownerManager' : 'role', entity, context),
    mode: 'firstResponse',
    onReject: 'final',
  };
}

export function createApproval(name: string, context: Pick<DesignerContext, 'definitions'>): ApprovalDefinition {
  const entity = entitiesOf(context.definitions).find((e) => e.hasOwner) ?? entitiesOf(context.definitions)[0];
  const draft: ApprovalDefinition = {
    kind: 'approval',
    name,
    label: { 'zh-CN': name, en: name },
    schemaVersion: 1,
    entity: entity?.name ?? 'entity',
    steps: [],
    allowRecall: true,
    lockRecord: true,
  };
  return { ...draft, steps: [newStep(draft, entity, context)] };
}

export const addStep = (def: ApprovalDefinition, step: ApprovalStep): ApprovalDefinition => ({ ...def, steps: [...def.steps, step] });

export function updateStep(def: ApprovalDefinition, index: number, patch: Partial<ApprovalStep>): ApprovalDefinition {
  const step = def.steps[index];
  if (!step) return def;
  return { ...def, steps: replaceAt(def.steps, index, compact({ ...step, ...patch })) };
}

export function setApproverType(def: ApprovalDefinition, index: number, type: ApproverType, entity: EntityDefinition | undefined, context: Pick<DesignerContext, 'definitions'>): ApprovalDefinition {
  const step = def.steps[index];
  if (!step || step.approver.type === type) return def;
  return updateStep(def, index, { approver: defaultApprover(type, entity, context) });
}

/** The first step of an approval cannot go back one step. */
export function removeStep(def: ApprovalDefinition, index: number): ApprovalDefinition {
  if (def.steps.length <= 1) return def;
  return normalizeFirst({ ...def, steps: removeAt(def.steps, index) });
}

export const moveStep = (def: ApprovalDefinition, from: number, to: number): ApprovalDefinition => normalizeFirst({ ...def, steps: moveItem(def.steps, from, to) });

function normalizeFirst(def: ApprovalDefinition): ApprovalDefinition {
  const first = def.steps[0];
  return first && first.onReject === 'backOneStep' ? { ...def, steps: replaceAt(def.steps, 0, { ...first, onReject: 'final' }) } : def;
}

export const setStepCondition = (def: ApprovalDefinition, index: number, when: Condition | undefined) => updateStep(def, index, { when });

export function setEntryCriteria(def: ApprovalDefinition, criteria: Condition | undefined): ApprovalDefinition {
  const { entryCriteria: _old, ...rest } = def;
  return criteria ? { ...rest, entryCriteria: criteria } : rest;
}

/** An outcome with no field to set disappears from the definition. */
export function setOutcome(def: ApprovalDefinition, key: OutcomeKey, values: FieldValues): ApprovalDefinition {
  const { [key]: _old, ...rest } = def;
  return Object.keys(values).length ? { ...rest, [key]: { setFields: values } } : rest;
}

/** Another entity: field-bound parts (criteria, `when`, user-field approvers, outcomes) restart. */
export function setEntity(def: ApprovalDefinition, entity: EntityDefinition | undefined, context: Pick<DesignerContext, 'definitions'>): ApprovalDefinition {
  if (!entity || entity.name === def.entity) return def;
  const { entryCriteria: _c, onApprove: _a, onReject: _r, onRecall: _w, ...rest } = def;
  return {
    ...rest,
    entity: entity.name,
    steps: def.steps.map((s) => {
      const { when: _when, ...step } = s;
      return step.approver.type === 'userField' ? { ...step, approver: defaultApprover('userField', entity, context) } : step;
    }),
  };
}
