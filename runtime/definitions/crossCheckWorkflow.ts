/**
 * Publish-time checks of a workflow against the rest of the set, each fault
 * with its JSON Pointer: the trigger's field and stages, the facts its
 * conditions read, every field, entity, role and approval its actions name,
 * its handlebars templates and its cron expression.
 */
import type { Condition } from '../../schemas/conditions.js';
import type { EntityDefinition, WorkflowDefinition } from '../../schemas/index.js';
import { cronProblem } from '../workflows/schedules.js';
import { templateProblem } from '../workflows/templates.js';
import type { DefinitionSet } from './crossCheck.js';
import { checkFieldRef, fieldOf, type Push } from './crossCheckKinds.js';
import { SYSTEM_PROPERTIES } from './recordSchema.js';

const USER_FACTS = new Set(['id', 'name', 'email', 'roles', 'department', 'region', 'manager']);

function pipelineOf(set: DefinitionSet, entity: string): { field: string; stages: Set<string> } | null {
  for (const d of set.all) {
    const p = d as unknown as { kind: string; entity?: string; field?: string; stages?: { value: string }[] };
    if (p.kind === 'pipeline' && p.entity === entity) return { field: p.field!, stages: new Set((p.stages ?? []).map((s) => s.value)) };
  }
  return null;
}

const firstStep = (path: string | undefined) => (path ?? '').replace(/^\$\.?/, '').split('.')[0] ?? '';

function checkCondition(set: DefinitionSet, entity: EntityDefinition, condition: Condition, at: string, push: Push): void {
  if ('all' in condition) return condition.all.forEach((c, i) => checkCondition(set, entity, c, `${at}/all/${i}`, push));
  if ('any' in condition) return condition.any.forEach((c, i) => checkCondition(set, entity, c, `${at}/any/${i}`, push));
  if ('not' in condition) return checkCondition(set, entity, condition.not, `${at}/not`, push);
  const known = (name: string) => !!fieldOf(set, entity.name, name) || SYSTEM_PROPERTIES.has(name) || name === 'owner' || name === 'id';
  switch (condition.fact) {
    case '$previous':
      if (!known(firstStep(condition.path))) push(`${at}/path`, `$previous needs a path naming a field of ${entity.name}, e.g. "$.stage"`);
      return;
    case '$user':
      if (!USER_FACTS.has(firstStep(condition.path))) push(`${at}/path`, `$user needs a path naming one of ${[...USER_FACTS].join(', ')}`);
      return;
    case '$related': {
      const field = fieldOf(set, entity.name, firstStep(condition.path));
      if (field?.type !== 'lookup') push(`${at}/path`, `$related needs a path starting with a lookup field of ${entity.name}, e.g. "$.account.industry"`);
      return;
    }
    case '$trigger':
      return;
    default:
      if (!known(condition.fact)) push(`${at}/fact`, `unknown field "${condition.fact}"`);
  }
}

function checkTemplate(source: string | undefined, at: string, push: Push): void {
  if (source === undefined) return;
  const problem = templateProblem(source);
  if (problem) push(at, `template does not compile: ${problem}`);
}

export function checkWorkflow(def: WorkflowDefinition, set: DefinitionSet, push: Push): void {
  const entity = set.entities.get(def.entity)!;
  const pipeline = pipelineOf(set, def.entity);
  const trigger = def.trigger;
  switch (trigger.type) {
    case 'fieldChanged':
      checkFieldRef(set, def.entity, trigger.field, '/trigger/field', push);
      break;
    case 'dateRelative': {
      const field = checkFieldRef(set, def.entity, trigger.field, '/trigger/field', push);
      if (field && field.type !== 'date' && field.type !== 'datetime') push('/trigger/field', `"${trigger.field}" is not a date or datetime field`);
      break;
    }
    case 'stageChanged':
      if (!pipeline) push('/trigger', `${def.entity} has no stage pipeline`);
      else for (const k of ['from', 'to'] as const) if (trigger[k] !== undefined && !pipeline.stages.has(trigger[k]!)) push(`/trigger/${k}`, `no stage "${trigger[k]}" in the pipeline of ${def.entity}`);
      break;
    case 'schedule': {
      const problem = cronProblem(trigger.cron);
      if (problem) push('/trigger/cron', `invalid cron expression: ${problem}`);
      break;
    }
    default:
      break;
  }
  if (def.conditions) checkCondition(set, entity, def.conditions, '/conditions', push);

  const roles = new Set(set.all.filter((d) => d.kind === 'role').map((d) => d.name));
  def.actions.forEach((action, i) => {
    const at = `/actions/${i}`;
    switch (action.type) {
      case 'setFields':
        for (const f of Object.keys(action.values)) {
          const field = checkFieldRef(set, def.entity, f, `${at}/values/${f}`, push);
          if (pipeline && f === pipeline.field) push(`${at}/values/${f}`, 'the stage changes only through a pipeline transition');
          else if (field && ['formula', 'rollup', 'autoNumber'].includes(field.type)) push(`${at}/values/${f}`, `"${f}" is computed and cannot be set`);
        }
        break;
      case 'createRecord': {
        if (!set.entities.has(action.entity)) return push(`${at}/entity`, `no entity "${action.entity}"`);
        for (const f of Object.keys(action.values ?? {})) if (f !== 'owner') checkFieldRef(set, action.entity, f, `${at}/values/${f}`, push);
        for (const [f, source] of Object.entries(action.templates ?? {})) {
          if (f !== 'owner') checkFieldRef(set, action.entity, f, `${at}/templates/${f}`, push);
          checkTemplate(source, `${at}/templates/${f}`, push);
        }
        break;
      }
      case 'assignOwner':
        if (!entity.hasOwner) push(at, `${def.entity} has no owner to assign`);
        action.rules.forEach((rule, j) => {
          if (rule.when) checkCondition(set, entity, rule.when, `${at}/rules/${j}/when`, push);
          const target = rule.assignTo as { role?: string };
          if (target.role && !roles.has(target.role)) push(`${at}/rules/${j}/assignTo/role`, `no role "${target.role}"`);
        });
        break;
      case 'notify':
        checkTemplate(action.message['zh-CN'], `${at}/message/zh-CN`, push);
        checkTemplate(action.message.en, `${at}/message/en`, push);
        if (action.to.type === 'role' && !roles.has(action.to.value)) push(`${at}/to/value`, `no role "${action.to.value}"`);
        break;
      case 'sendEmail':
        checkTemplate(action.subject, `${at}/subject`, push);
        checkTemplate(action.body, `${at}/body`, push);
        action.to.forEach((to, j) => {
          if (to.type === 'field') {
            const field = checkFieldRef(set, def.entity, to.value, `${at}/to/${j}/value`, push);
            if (field && field.type !== 'email') push(`${at}/to/${j}/value`, `"${to.value}" is not an e-mail field`);
          }
          if (to.type === 'role' && !roles.has(to.value)) push(`${at}/to/${j}/value`, `no role "${to.value}"`);
        });
        break;
      case 'callWebhook':
        checkTemplate(action.payloadTemplate, `${at}/payloadTemplate`, push);
        break;
      case 'startApproval': {
        const approval = set.all.find((d) => d.kind === 'approval' && d.name === action.approval) as { entity?: string } | undefined;
        if (!approval) push(`${at}/approval`, `no approval "${action.approval}"`);
        else if (approval.entity !== def.entity) push(`${at}/approval`, `approval "${action.approval}" is for ${approval.entity}, not ${def.entity}`);
        break;
      }
      case 'delay':
        if (def.trigger.type === 'recordDeleted') push(at, 'a workflow on a deleted record cannot wait: the record is gone');
        break;
      default: {
        const unhandled: never = action;
        push(at, `unknown action ${JSON.stringify(unhandled)}`);
      }
    }
  });
}
