/**
 * The published workflows of an app, indexed once per compiled app (one per
 * published version): by entity and trigger type, and by name.
 */
import type { CompiledApp } from '../definitions/compiledTypes.js';
import type { WorkflowDefinition, WorkflowTriggerType } from '../../schemas/index.js';
import { EnginePool } from './engines.js';

export interface WorkflowIndex {
  readonly version: number;
  readonly byName: ReadonlyMap<string, WorkflowDefinition>;
  /** Active workflows of an entity with the given trigger type, in name order (a stable run order). */
  of(entity: string, trigger: WorkflowTriggerType): readonly WorkflowDefinition[];
  /** The rules engines for an entity's trigger type: one set per version, checked out per run. */
  engines(entity: string, trigger: WorkflowTriggerType): EnginePool;
  /** Every published workflow, active or not. */
  readonly all: readonly WorkflowDefinition[];
}

const indexes = new WeakMap<CompiledApp, WorkflowIndex>();

export function workflowIndex(app: CompiledApp): WorkflowIndex {
  let index = indexes.get(app);
  if (!index) {
    index = buildIndex(app);
    indexes.set(app, index);
  }
  return index;
}

function buildIndex(app: CompiledApp): WorkflowIndex {
  const all = [...app.definitions.values()]
    .filter((d) => d.kind === 'workflow')
    .map((d) => d as unknown as WorkflowDefinition)
    .sort((a, b) => a.name.localeCompare(b.name));
  const byName = new Map(all.map((w) => [w.name, w]));
  const grouped = new Map<string, WorkflowDefinition[]>();
  for (const w of all) {
    if (w.active === false) continue;
    const key = `${w.entity}\u0000${w.trigger.type}`;
    grouped.set(key, [...(grouped.get(key) ?? []), w]);
  }
  const pools = new Map<string, EnginePool>();
  return {
    version: app.version,
    byName,
    all,
    of: (entity, trigger) => grouped.get(`${entity}\u0000${trigger}`) ?? [],
    engines(entity, trigger) {
      const key = `${entity}\u0000${trigger}`;
      let pool = pools.get(key);
      if (!pool) {
        pool = new EnginePool(grouped.get(key) ?? []);
        pools.set(key, pool);
      }
      return pool;
    },
  };
}
