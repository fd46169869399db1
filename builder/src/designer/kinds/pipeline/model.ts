/**
 * Pure edits of a pipeline definition: stages (from the options of the
 * entity's select field), their SOP checklists, and the transition matrix.
 */
import type { EntityDefinition, FieldOf } from '../../../../../schemas/entity.js';
import type { Condition } from '../../../../../schemas/conditions.js';
import type { PipelineDefinition, PipelineStage, PipelineTransition } from '../../../../../schemas/pipeline.js';
import { entitiesOf, fieldOf, pipelinesOf } from '../entities.js';
import { compact, moveItem, removeAt, replaceAt, uniqueName } from '../listOps.js';
import type { DesignerContext } from '../types.js';

type SelectField = FieldOf<'select'>;
type SelectOption = SelectField['options'][number];
export type ChecklistItem = NonNullable<PipelineStage['sopChecklist']>[number];
export type TransitionAllowed = NonNullable<PipelineTransition['allowed']>;

export const FORECAST_CATEGORIES = ['pipeline', 'bestCase', 'commit', 'closed', 'omitted'] as const;
export const OUTCOMES = ['open', 'won', 'lost'] as const;
/** `from` of a transition that may start in any stage. */
export const ANY_STAGE = '*';

export function selectFields(entity: EntityDefinition | undefined): SelectField[] {
  return (entity?.fields ?? []).filter((f): f is SelectField => f.type === 'select' && !f.archived);
}

/** A stage for a select option, with defaults guessed from its value (won / lost are closed). */
export function stageFromOption(option: SelectOption, position = 0, count = 1): PipelineStage {
  const v = option.value.toLowerCase();
  const won = /won|win|closed_?won|converted|成交/.test(v);
  const lost = /lost|lose|disqualified|dead|closed_?lost/.test(v);
  const stage: PipelineStage = {
    value: option.value,
    label: { ...option.label },
    probability: won ? 100 : lost ? 0 : Math.min(90, Math.round(((position + 1) / Math.max(count, 1)) * 80)),
    forecastCategory: won ? 'closed' : lost ? 'omitted' : 'pipeline',
    outcome: won ? 'won' : lost ? 'lost' : 'open',
  };
  if (option.color) stage.color = option.color;
  return stage;
}

/** Each open stage leads to the next one, and to every closed stage. */
export function defaultTransitions(stages: readonly PipelineStage[]): PipelineTransition[] {
  const out: PipelineTransition[] = [];
  const open = stages.filter((s) => s.outcome === 'open');
  const closed = stages.filter((s) => s.outcome !== 'open');
  open.forEach((s, i) => {
    const next = open[i + 1];
    if (next) out.push({ from: s.value, to: next.value });
    for (const c of closed) out.push({ from: s.value, to: c.value });
  });
  return out;
}

function stagesFor(field: SelectField | undefined): PipelineStage[] {
  const options = field?.options ?? [];
  const open = options.filter((o) => stageFromOption(o).outcome === 'open').length;
  let i = 0;
  return options.map((o) => {
    const s = stageFromOption(o, i, open);
    if (s.outcome === 'open') i++;
    return s;
  });
}

/** Prefers an entity with a select field and no pipeline yet, and a field named like a stage or status. */
export function createPipeline(name: string, context: Pick<DesignerContext, 'definitions'>): PipelineDefinition {
  const taken = new Set(pipelinesOf(context.definitions).map((p) => p.entity));
  const candidates = entitiesOf(context.definitions).filter((e) => selectFields(e).length > 0);
  const entity = candidates.find((e) => !taken.has(e.name)) ?? candidates[0];
  const fields = selectFields(entity);
  const field = fields.find((f) => /stage|status/i.test(f.name)) ?? fields[0];
  const stages = stagesFor(field);
  const safeStages = stages.length ? stages : [{ value: 'new', label: { 'zh-CN': '新建', en: 'New' }, probability: 10, forecastCategory: 'pipeline', outcome: 'open' } as PipelineStage];
  return {
    kind: 'pipeline',
    name,
    label: { 'zh-CN': name, en: name },
    schemaVersion: 1,
    entity: entity?.name ?? 'entity',
    field: field?.name ?? 'stage',
    stages: safeStages,
    transitions: defaultTransitions(safeStages),
    initialStage: safeStages[0]!.value,
  };
}

/** Another entity or stage field: stages restart from the field's options, keeping settings of values that stay. */
export function setSource(def: PipelineDefinition, entity: EntityDefinition | undefined, fieldName: string): PipelineDefinition {
  const field = selectFields(entity).find((f) => f.name === fieldName);
  const fresh = stagesFor(field);
  const stages = fresh.map((s) => def.stages.find((old) => old.value === s.value) ?? s);
  const values = new Set(stages.map((s) => s.value));
  const kept = def.transitions.filter((t) => (t.from === ANY_STAGE || values.has(t.from)) && values.has(t.to));
  return {
    ...def,
    entity: entity?.name ?? def.entity,
    field: fieldName,
    stages: stages.length ? stages : def.stages,
    transitions: stages.length ? (kept.length ? kept : defaultTransitions(stages)) : def.transitions,
    initialStage: stages.length ? (values.has(def.initialStage) ? def.initialStage : stages[0]!.value) : def.initialStage,
  };
}

/** Options of the stage field that are not stages yet. */
export function unusedOptions(def: PipelineDefinition, entity: EntityDefinition | undefined): SelectOption[] {
  const field = fieldOf(entity, def.field, false);
  const used = new Set(def.stages.map((s) => s.value));
  return field?.type === 'select' ? field.options.filter((o) => !used.has(o.value)) : [];
}

export function addStage(def: PipelineDefinition, option: SelectOption): PipelineDefinition {
  if (def.stages.some((s) => s.value === option.value)) return def;
  const openCount = def.stages.filter((s) => s.outcome === 'open').length;
  const stage = stageFromOption(option, openCount, openCount + 1);
  // New open stages go before the closed ones, where a rep would expect them on the board.
  const firstClosed = def.stages.findIndex((s) => s.outcome !== 'open');
  const at = stage.outcome === 'open' && firstClosed >= 0 ? firstClosed : def.stages.length;
  const stages = [...def.stages.slice(0, at), stage, ...def.stages.slice(at)];
  return { ...def, stages };
}

export function updateStage(def: PipelineDefinition, index: number, patch: Partial<PipelineStage>): PipelineDefinition {
  const stage = def.stages[index];
  if (!stage) return def;
  return { ...def, stages: replaceAt(def.stages, index, compact({ ...stage, ...patch })) };
}

/** Removes a stage with the transitions into and out of it; the last stage stays (a pipeline needs one). */
export function removeStage(def: PipelineDefinition, index: number): PipelineDefinition {
  const stage = def.stages[index];
  if (!stage || def.stages.length <= 1) return def;
  const stages = removeAt(def.stages, index);
  return {
    ...def,
    stages,
    transitions: def.transitions.filter((t) => t.from !== stage.value && t.to !== stage.value),
    initialStage: def.initialStage === stage.value ? stages[0]!.value : def.initialStage,
  };
}

export const moveStage = (def: PipelineDefinition, from: number, to: number): PipelineDefinition => ({ ...def, stages: moveItem(def.stages, from, to) });

// ---- SOP checklist ---------------------------------------------------------

export function addChecklistItem(def: PipelineDefinition, stageIndex: number, label: ChecklistItem['label']): PipelineDefinition {
  const stage = def.stages[stageIndex];
  if (!stage) return def;
  const list = stage.sopChecklist ?? [];
  const id = uniqueName('item', list.map((i) => i.id));
  return updateStage(def, stageIndex, { sopChecklist: [...list, { id, label }] });
}

export function updateChecklistItem(def: PipelineDefinition, stageIndex: number, itemIndex: number, patch: Partial<ChecklistItem>): PipelineDefinition {
  const list = def.stages[stageIndex]?.sopChecklist ?? [];
  const item = list[itemIndex];
  if (!item) return def;
  const next = compact({ ...item, ...patch });
  if (next.required === false) delete next.required;
  return updateStage(def, stageIndex, { sopChecklist: replaceAt(list, itemIndex, next) });
}

export function removeChecklistItem(def: PipelineDefinition, stageIndex: number, itemIndex: number): PipelineDefinition {
  const list = removeAt(def.stages[stageIndex]?.sopChecklist ?? [], itemIndex);
  return updateStage(def, stageIndex, { sopChecklist: list.length ? list : undefined });
}

export function moveChecklistItem(def: PipelineDefinition, stageIndex: number, from: number, to: number): PipelineDefinition {
  return updateStage(def, stageIndex, { sopChecklist: moveItem(def.stages[stageIndex]?.sopChecklist ?? [], from, to) });
}

// ---- transitions -------------------------------------------------------------

export const transitionIndex = (def: PipelineDefinition, from: string, to: string) =>
  def.transitions.findIndex((t) => t.from === from && t.to === to);

export type CellState = 'self' | 'allowed' | 'viaAny' | 'forbidden';

/** What a matrix cell shows: its own transition, one from "any stage", none, or the diagonal. */
export function cellState(def: PipelineDefinition, from: string, to: string): CellState {
  if (from === to) return 'self';
  if (transitionIndex(def, from, to) >= 0) return 'allowed';
  if (from !== ANY_STAGE && transitionIndex(def, ANY_STAGE, to) >= 0) return 'viaAny';
  return 'forbidden';
}

/** Click on a cell: allow the move (a new transition) or forbid it (remove the transition). */
export function toggleTransition(def: PipelineDefinition, from: string, to: string): PipelineDefinition {
  if (from === to) return def;
  const i = transitionIndex(def, from, to);
  if (i >= 0) return { ...def, transitions: removeAt(def.transitions, i) };
  return { ...def, transitions: [...def.transitions, { from, to }] };
}

export function updateTransition(def: PipelineDefinition, index: number, patch: Partial<PipelineTransition>): PipelineDefinition {
  const t = def.transitions[index];
  if (!t) return def;
  const next = compact({ ...t, ...patch });
  if (next.requiredFields && next.requiredFields.length === 0) delete next.requiredFields;
  return { ...def, transitions: replaceAt(def.transitions, index, next) };
}

/** Who may move: an empty choice means anyone who may update the record, so the key is dropped. */
export function setAllowed(def: PipelineDefinition, index: number, allowed: TransitionAllowed): PipelineDefinition {
  const clean: TransitionAllowed = {};
  if (allowed.owner) clean.owner = true;
  if (allowed.manager) clean.manager = true;
  if (allowed.roles && allowed.roles.length) clean.roles = [...new Set(allowed.roles)];
  return updateTransition(def, index, { allowed: Object.keys(clean).length ? clean : undefined });
}

export const setCondition = (def: PipelineDefinition, index: number, condition: Condition | undefined) =>
  updateTransition(def, index, { condition });
