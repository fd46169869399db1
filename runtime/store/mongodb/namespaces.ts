import { assertForeignCollection } from '../guards.js';
import { UnsupportedQueryError } from '../port.js';

/**
 * Tenant namespacing for MongoDB: one database, collection `${tenant}__${name}`.
 * Tenant ids cannot contain `_`, so the prefix is unambiguous. Pipelines are
 * rewritten so stages that name another collection resolve within the tenant.
 */
export const physicalName = (tenant: string, name: string) => `${tenant}__${name}`;

type Stage = Record<string, unknown>;

export function rewritePipeline(pipeline: Stage[], tenant: string): Stage[] {
  if (!Array.isArray(pipeline)) throw new TypeError('pipeline must be an array of stages');
  return pipeline.map((stage) => rewriteStage(stage, tenant));
}

function rewriteStage(stage: Stage, tenant: string): Stage {
  const [name] = Object.keys(stage);
  const spec = stage[name];
  switch (name) {
    case '$lookup': {
      const s = { ...(spec as Stage) };
      if (s.from === undefined) throw new UnsupportedQueryError('$lookup without from is not supported');
      assertForeignCollection(s.from, '$lookup');
      s.from = physicalName(tenant, s.from);
      if (Array.isArray(s.pipeline)) s.pipeline = rewritePipeline(s.pipeline as Stage[], tenant);
      return { $lookup: s };
    }
    case '$graphLookup': {
      const s = { ...(spec as Stage) };
      assertForeignCollection(s.from, '$graphLookup');
      s.from = physicalName(tenant, s.from);
      return { $graphLookup: s };
    }
    case '$unionWith': {
      const s: Stage = typeof spec === 'string' ? { coll: spec } : { ...(spec as Stage) };
      assertForeignCollection(s.coll, '$unionWith');
      s.coll = physicalName(tenant, s.coll);
      if (Array.isArray(s.pipeline)) s.pipeline = rewritePipeline(s.pipeline as Stage[], tenant);
      return { $unionWith: s };
    }
    case '$facet': {
      const out: Stage = {};
      for (const [k, p] of Object.entries(spec as Stage)) out[k] = rewritePipeline(p as Stage[], tenant);
      return { $facet: out };
    }
    default:
      return stage;
  }
}
