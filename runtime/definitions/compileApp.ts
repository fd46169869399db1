/**
 * Definitions → the frozen, indexed app that requests run against. Runs once per
 * published version; nothing here is repeated per request.
 */
import type { ApprovalDefinition, EntityDefinition, FieldDefinition, FieldOf, FormDefinition, PipelineDefinition, RoleDefinition } from '../../schemas/index.js';
import { compileFormula, formulaOrder, isFormulaError } from '../formula/index.js';
import { recordAjv } from '../records/recordAjv.js';
import {
  definitionKey,
  recordCollection,
  type CompiledApp,
  type CompiledEntity,
  type CompiledFormulaField,
  type CompiledPipeline,
  type DependentRollup,
} from './compiledTypes.js';
import { isComputed, recordSchema } from './recordSchema.js';
import type { ValidationIssue } from '../../schemas/validator.js';

export interface StoredDefinition {
  kind: string;
  name: string;
  [key: string]: unknown;
}

export class DefinitionCompileError extends Error {
  constructor(readonly issues: (ValidationIssue & { kind: string; name: string })[]) {
    super(`definitions do not compile: ${issues.map((i) => `${i.kind}:${i.name}${i.path} ${i.message}`).join('; ')}`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

function compileFormulas(entity: EntityDefinition, issues: ValidationIssue[]): CompiledFormulaField[] {
  const active = entity.fields.filter((f) => !f.archived);
  const scope = { fields: new Map(active.map((f) => [f.name, f] as const)) };
  const compiled = new Map<string, CompiledFormulaField>();
  active.forEach((field) => {
    if (field.type !== 'formula') return;
    const result = compileFormula(field.expression, scope, { resultType: field.resultType });
    if (isFormulaError(result)) {
      const index = entity.fields.indexOf(field);
      issues.push({ path: `/fields/${index}/expression`, message: result.message });
    } else {
      compiled.set(field.name, { field, evaluate: result.evaluate });
    }
  });
  if (issues.length) return [];
  const order = formulaOrder(active);
  if (isFormulaError(order)) {
    issues.push({ path: '/fields', message: order.message });
    return [];
  }
  return order.map((name) => compiled.get(name)!).filter(Boolean);
}

function dependentRollups(entityName: string, entities: readonly EntityDefinition[]): DependentRollup[] {
  const out: DependentRollup[] = [];
  for (const parent of entities) {
    for (const field of parent.fields) {
      if (field.type === 'rollup' && !field.archived && field.childEntity === entityName) {
        out.push({ parentEntity: parent.name, field });
      }
    }
  }
  return out;
}

function compilePipeline(def: PipelineDefinition): CompiledPipeline {
  return Object.freeze({
    definition: def,
    name: def.name,
    entity: def.entity,
    field: def.field,
    initialStage: def.initialStage,
    stages: new Map(def.stages.map((s) => [s.value, s] as const)),
    transitions: def.transitions,
  });
}

function compileEntity(
  entity: EntityDefinition,
  all: readonly EntityDefinition[],
  forms: readonly FormDefinition[],
  issues: ValidationIssue[],
  pipeline: CompiledPipeline | undefined,
): CompiledEntity {
  const active = entity.fields.filter((f) => !f.archived);
  const fields = new Map<string, FieldDefinition>(active.map((f) => [f.name, f]));
  return {
    definition: entity,
    name: entity.name,
    collection: recordCollection(entity.name),
    fields,
    inputFields: new Set(active.filter((f) => !isComputed(f)).map((f) => f.name)),
    validateRecord: recordAjv.compile(recordSchema(entity)),
    formulas: compileFormulas(entity, issues),
    autoNumbers: active.filter((f): f is FieldOf<'autoNumber'> => f.type === 'autoNumber'),
    lookups: active.filter((f): f is FieldOf<'lookup'> => f.type === 'lookup'),
    dependentRollups: dependentRollups(entity.name, all),
    titleField: entity.titleField,
    formRules: forms.filter((f) => f.entity === entity.name).flatMap((f) => f.rules ?? []),
    master: entity.hasOwner
      ? undefined
      : active.find((f): f is FieldOf<'lookup'> => f.type === 'lookup' && f.required === true && all.some((e) => e.name === f.target && e.hasOwner === true)),
    pipeline: pipeline && fields.get(pipeline.field)?.type === 'select' ? pipeline : undefined,
  };
}

/** Compiles a validated, cross-checked set of definitions; throws DefinitionCompileError on formula faults. */
export function compileApp(version: number, definitions: readonly StoredDefinition[]): CompiledApp {
  const frozen = definitions.map((d) => deepFreeze(structuredClone(d)));
  const entityDefs = frozen.filter((d) => d.kind === 'entity') as unknown as EntityDefinition[];
  const formDefs = frozen.filter((d) => d.kind === 'form') as unknown as FormDefinition[];
  const pipelines = new Map(
    (frozen.filter((d) => d.kind === 'pipeline') as unknown as PipelineDefinition[]).map((d) => [d.name, compilePipeline(d)] as const),
  );
  const entities = new Map<string, CompiledEntity>();
  const failures: (ValidationIssue & { kind: string; name: string })[] = [];
  for (const def of entityDefs) {
    const issues: ValidationIssue[] = [];
    const compiled = compileEntity(def, entityDefs, formDefs, issues, [...pipelines.values()].find((p) => p.entity === def.name));
    failures.push(...issues.map((i) => ({ ...i, kind: 'entity', name: def.name })));
    entities.set(def.name, Object.freeze(compiled));
  }
  if (failures.length) throw new DefinitionCompileError(failures);
  const forms = new Map(formDefs.map((f) => [f.name, f]));
  const roles = new Map(frozen.filter((d) => d.kind === 'role').map((d) => [d.name, d as unknown as RoleDefinition]));
  const approvals = new Map(frozen.filter((d) => d.kind === 'approval').map((d) => [d.name, d as unknown as ApprovalDefinition]));
  return Object.freeze({
    version,
    entities,
    forms,
    roles,
    pipelines,
    approvals,
    definitions: new Map(frozen.map((d) => [definitionKey(d.kind, d.name), d])),
  });
}
