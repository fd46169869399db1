/**
 * Cross-definition checks for the kinds beyond entity and form: every entity,
 * field, stage, pipeline, report and approval named in a definition must exist.
 */
import type {
  ApprovalDefinition,
  DashboardDefinition,
  PipelineDefinition,
  ReportDefinition,
  RoleDefinition,
  ViewDefinition,
  WorkflowDefinition,
} from '../../schemas/index.js';
import type { FieldDefinition } from '../../schemas/index.js';
import type { DefinitionIssue, DefinitionSet } from './crossCheck.js';
import { checkConditionFacts } from './crossCheck.js';
import { isComputed, SYSTEM_PROPERTIES } from './recordSchema.js';
import { checkWorkflow } from './crossCheckWorkflow.js';

export type Push = (path: string, message: string) => void;

export function fieldOf(set: DefinitionSet, entity: string, name: string): FieldDefinition | undefined {
  return set.entities.get(entity)?.fields.find((f) => f.name === name && !f.archived);
}

export function checkFieldRef(set: DefinitionSet, entity: string, name: string, path: string, push: Push): FieldDefinition | undefined {
  const field = fieldOf(set, entity, name);
  if (!field && !SYSTEM_PROPERTIES.has(name)) push(path, `no field "${name}" on ${entity}`);
  return field;
}

function checkPipeline(def: PipelineDefinition, set: DefinitionSet, push: Push): void {
  const field = fieldOf(set, def.entity, def.field);
  if (!field || field.type !== 'select') return push('/field', `"${def.field}" is not a select field of ${def.entity}`);
  const options = new Set(field.options.map((o) => o.value));
  const stages = new Set<string>();
  def.stages.forEach((s, i) => {
    if (!options.has(s.value)) push(`/stages/${i}/value`, `"${s.value}" is not an option of ${def.entity}.${def.field}`);
    if (stages.has(s.value)) push(`/stages/${i}/value`, `duplicate stage "${s.value}"`);
    stages.add(s.value);
  });
  if (!stages.has(def.initialStage)) push('/initialStage', `"${def.initialStage}" is not a stage of this pipeline`);
  def.transitions.forEach((t, i) => {
    if (t.from !== '*' && !stages.has(t.from)) push(`/transitions/${i}/from`, `"${t.from}" is not a stage of this pipeline`);
    if (!stages.has(t.to)) push(`/transitions/${i}/to`, `"${t.to}" is not a stage of this pipeline`);
    (t.requiredFields ?? []).forEach((f, j) => checkFieldRef(set, def.entity, f, `/transitions/${i}/requiredFields/${j}`, push));
    (t.allowed?.roles ?? []).forEach((r, j) => {
      if (!set.all.some((d) => d.kind === 'role' && d.name === r)) push(`/transitions/${i}/allowed/roles/${j}`, `no role "${r}"`);
    });
    if (t.from === t.to) push(`/transitions/${i}/to`, `a transition must lead to another stage than "${t.from}"`);
    const twin = def.transitions.findIndex((o) => o.from === t.from && o.to === t.to);
    if (twin < i) push(`/transitions/${i}`, `duplicate transition from ${t.from} to ${t.to} (see /transitions/${twin})`);
    if (t.condition) {
      for (const issue of checkConditionFacts(t.condition, `/transitions/${i}/condition`, (f) => !!fieldOf(set, def.entity, f) || SYSTEM_PROPERTIES.has(f))) push(issue.path, issue.message);
    }
  });
  def.stages.forEach((s, i) => {
    const ids = new Set<string>();
    (s.sopChecklist ?? []).forEach((item, j) => {
      if (ids.has(item.id)) push(`/stages/${i}/sopChecklist/${j}/id`, `duplicate checklist item "${item.id}"`);
      ids.add(item.id);
    });
  });
  const other = set.all.find((d) => d !== (def as unknown) && d.kind === 'pipeline' && (d as unknown as PipelineDefinition).entity === def.entity);
  if (other) push('/entity', `${def.entity} already has pipeline "${other.name}"; an entity has at most one`);
}

function checkView(def: ViewDefinition, set: DefinitionSet, push: Push): void {
  (def.columns ?? []).forEach((c, i) => checkFieldRef(set, def.entity, c, `/columns/${i}`, push));
  (def.sort ?? []).forEach((s, i) => checkFieldRef(set, def.entity, s.field, `/sort/${i}/field`, push));
  if (def.kanban?.groupBy) checkFieldRef(set, def.entity, def.kanban.groupBy, '/kanban/groupBy', push);
  if (def.kanban?.pipeline) {
    const pipeline = set.all.find((d) => d.kind === 'pipeline' && d.name === def.kanban!.pipeline);
    if (!pipeline || pipeline.entity !== def.entity) push('/kanban/pipeline', `no pipeline "${def.kanban.pipeline}" on ${def.entity}`);
  }
  if (def.calendar) {
    checkFieldRef(set, def.entity, def.calendar.dateField, '/calendar/dateField', push);
    if (def.calendar.endDateField) checkFieldRef(set, def.entity, def.calendar.endDateField, '/calendar/endDateField', push);
  }
}

function checkReport(def: ReportDefinition, set: DefinitionSet, push: Push): void {
  def.metrics.forEach((m, i) => {
    if (m.field) checkFieldRef(set, def.entity, m.field, `/metrics/${i}/field`, push);
  });
  (def.dimensions ?? []).forEach((d, i) => {
    const field = checkFieldRef(set, def.entity, d.field, `/dimensions/${i}/field`, push);
    if (d.dateBucket && field && field.type !== 'date' && field.type !== 'datetime') {
      push(`/dimensions/${i}/dateBucket`, `"${d.field}" is not a date field`);
    }
  });
}

function checkRole(def: RoleDefinition, set: DefinitionSet, push: Push): void {
  for (const entity of Object.keys(def.permissions)) {
    if (!set.entities.has(entity)) push(`/permissions/${entity}`, `no entity "${entity}"`);
  }
  for (const [entity, fields] of Object.entries(def.fieldPermissions ?? {})) {
    if (!set.entities.has(entity)) push(`/fieldPermissions/${entity}`, `no entity "${entity}"`);
    else for (const f of Object.keys(fields)) checkFieldRef(set, entity, f, `/fieldPermissions/${entity}/${f}`, push);
  }
  for (const [entity, when] of Object.entries(def.readOnlyWhen ?? {})) {
    if (!set.entities.has(entity)) push(`/readOnlyWhen/${entity}`, `no entity "${entity}"`);
    else for (const issue of checkConditionFacts(when, `/readOnlyWhen/${entity}`, (f) => !!fieldOf(set, entity, f) || SYSTEM_PROPERTIES.has(f))) push(issue.path, issue.message);
  }
  if (def.reportsTo && !set.all.some((d) => d.kind === 'role' && d.name === def.reportsTo)) push('/reportsTo', `no role "${def.reportsTo}"`);
}

function checkDashboard(def: DashboardDefinition, set: DefinitionSet, push: Push): void {
  def.widgets.forEach((w, i) => {
    if (!set.all.some((d) => d.kind === 'report' && d.name === w.report)) push(`/widgets/${i}/report`, `no report "${w.report}"`);
  });
}

function checkApproval(def: ApprovalDefinition, set: DefinitionSet, push: Push): void {
  const entity = set.entities.get(def.entity)!;
  const isFact = (f: string) => !!fieldOf(set, def.entity, f) || SYSTEM_PROPERTIES.has(f);
  if (def.entryCriteria) {
    for (const issue of checkConditionFacts(def.entryCriteria, '/entryCriteria', isFact)) push(issue.path, issue.message);
  }
  const names = new Set<string>();
  def.steps.forEach((step, i) => {
    if (names.has(step.name)) push(`/steps/${i}/name`, `duplicate step "${step.name}"`);
    names.add(step.name);
    const approver = step.approver;
    if (approver.type === 'role' && !set.all.some((d) => d.kind === 'role' && d.name === approver.value)) {
      push(`/steps/${i}/approver/value`, `no role "${approver.value}"`);
    }
    if (approver.type === 'userField') {
      const field = fieldOf(set, def.entity, approver.value);
      if (!field || field.type !== 'user') push(`/steps/${i}/approver/value`, `"${approver.value}" is not a user field of ${def.entity}`);
    }
    if (approver.type === 'ownerManager' && !entity.hasOwner) push(`/steps/${i}/approver/type`, `${def.entity} records have no owner whose manager could approve`);
    if (step.when) for (const issue of checkConditionFacts(step.when, `/steps/${i}/when`, isFact)) push(issue.path, issue.message);
  });
  // Outcomes are written through the save pipeline: only settable fields, never the stage a pipeline owns.
  const stageField = set.all.find((d) => d.kind === 'pipeline' && (d as unknown as PipelineDefinition).entity === def.entity)?.field;
  for (const [key, outcome] of Object.entries({ onApprove: def.onApprove, onReject: def.onReject, onRecall: def.onRecall })) {
    for (const [f, value] of Object.entries(outcome?.setFields ?? {})) {
      const path = `/${key}/setFields/${f}`;
      const field = checkFieldRef(set, def.entity, f, path, push);
      if (!field) {
        if (SYSTEM_PROPERTIES.has(f) && f !== 'owner') push(path, `"${f}" is kept by the system and cannot be set`);
        continue;
      }
      if (isComputed(field)) push(path, `"${f}" is computed and cannot be set`);
      else if (f === stageField) push(path, `"${f}" is a pipeline stage and changes only through a transition`);
      else if (field.type === 'select' && value !== null && !field.options.some((o) => o.value === value)) push(path, `"${String(value)}" is not an option of ${def.entity}.${f}`);
    }
  }
}

export function checkOtherKinds(set: DefinitionSet): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const def of set.all) {
    const push: Push = (path, message) => issues.push({ kind: def.kind, name: def.name, path, message });
    const entity = (def as { entity?: unknown }).entity;
    if (typeof entity === 'string' && def.kind !== 'form' && !set.entities.has(entity)) {
      push('/entity', `no entity "${entity}"`);
      continue;
    }
    switch (def.kind) {
      case 'pipeline': checkPipeline(def as unknown as PipelineDefinition, set, push); break;
      case 'view': checkView(def as unknown as ViewDefinition, set, push); break;
      case 'report': checkReport(def as unknown as ReportDefinition, set, push); break;
      case 'role': checkRole(def as unknown as RoleDefinition, set, push); break;
      case 'dashboard': checkDashboard(def as unknown as DashboardDefinition, set, push); break;
      case 'workflow': checkWorkflow(def as unknown as WorkflowDefinition, set, push); break;
      case 'approval': checkApproval(def as unknown as ApprovalDefinition, set, push); break;
      default: break;
    }
  }
  return issues;
}
