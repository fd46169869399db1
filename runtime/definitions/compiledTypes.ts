/** The frozen, indexed form of a tenant's published definitions that requests run against. */
import type { ValidateFunction } from 'ajv';
import type { ApprovalDefinition, EntityDefinition, FieldDefinition, FieldOf, FormDefinition, FormRule, PipelineDefinition, PipelineStage, PipelineTransition, RoleDefinition } from '../../schemas/index.js';

export interface CompiledFormulaField {
  readonly field: FieldOf<'formula'>;
  readonly evaluate: (record: Record<string, unknown>, ctx: { now: Date; timeZone: string }) => unknown;
}

/** A rollup on a parent entity that must be recomputed when a child record changes. */
export interface DependentRollup {
  readonly parentEntity: string;
  readonly field: FieldOf<'rollup'>;
}

export interface CompiledEntity {
  readonly definition: EntityDefinition;
  readonly name: string;
  /** Store collection that holds this entity's records. */
  readonly collection: string;
  /** Active (non-archived) fields by API name. */
  readonly fields: ReadonlyMap<string, FieldDefinition>;
  /** Fields an input may set (active and not computed). */
  readonly inputFields: ReadonlySet<string>;
  readonly validateRecord: ValidateFunction;
  /** Formula fields in dependency order. */
  readonly formulas: readonly CompiledFormulaField[];
  readonly autoNumbers: readonly FieldOf<'autoNumber'>[];
  readonly lookups: readonly FieldOf<'lookup'>[];
  readonly dependentRollups: readonly DependentRollup[];
  readonly titleField: string;
  /** Rules of every form of the entity: a rule a form enforces, the server enforces on every channel. */
  readonly formRules: readonly FormRule[];
  /**
   * For an entity without owners: its first required lookup to an entity with
   * owners (a deal line's deal). Access to its records follows that parent.
   */
  readonly master?: FieldOf<'lookup'>;
  /** The stage pipeline over one of the entity's select fields, if any: that field changes only through a transition. */
  readonly pipeline?: CompiledPipeline;
}

/** A pipeline definition indexed for the transition and summary paths. */
export interface CompiledPipeline {
  readonly definition: PipelineDefinition;
  readonly name: string;
  readonly entity: string;
  /** The entity's select field holding the stage. */
  readonly field: string;
  readonly initialStage: string;
  /** Stages by value, in the definition's order. */
  readonly stages: ReadonlyMap<string, PipelineStage>;
  readonly transitions: readonly PipelineTransition[];
}

export interface TenantSettings {
  readonly id: string;
  readonly label: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly currency: string;
}

export interface CompiledApp {
  /** Published version this app was compiled from (0 = nothing published yet). */
  readonly version: number;
  readonly entities: ReadonlyMap<string, CompiledEntity>;
  readonly forms: ReadonlyMap<string, FormDefinition>;
  readonly roles: ReadonlyMap<string, RoleDefinition>;
  /** Stage pipelines by name. */
  readonly pipelines: ReadonlyMap<string, CompiledPipeline>;
  /** Approval processes by name; a request snapshots its definition when submitted. */
  readonly approvals: ReadonlyMap<string, ApprovalDefinition>;
  /** Every published definition, by `kind:name`, as validated. */
  readonly definitions: ReadonlyMap<string, Readonly<{ kind: string; name: string }>>;
}

export const definitionKey = (kind: string, name: string) => `${kind}:${name}`;
export const recordCollection = (entity: string) => `records.${entity}`;
