/**
 * The ways to look at an entity's records: its list views (and which opens
 * first), and its board — the entity's pipeline with the kanban view over it,
 * if the tenant defined one.
 */
import type { PipelineDefinition } from '../../../schemas/pipeline.js';
import type { ViewDefinition } from '../../../schemas/view.js';
import type { AppManifest } from '../api/types.js';

export interface EntityBoard {
  pipeline: PipelineDefinition;
  view?: ViewDefinition;
}

export function boardOf(manifest: AppManifest, entity: string): EntityBoard | undefined {
  const pipeline = manifest.pipelines?.find((p) => p.entity === entity);
  if (!pipeline) return undefined;
  const view = manifest.views.find((v) => v.entity === entity && v.type === 'kanban' && v.kanban?.pipeline === pipeline.name);
  return { pipeline, view };
}

export function listViews(manifest: AppManifest, entity: string): { views: ViewDefinition[]; defaultView?: ViewDefinition } {
  const views = manifest.views.filter((v) => v.entity === entity && v.type === 'list');
  // The unfiltered view opens first, so a record just created is always findable.
  const defaultView = views.find((v) => !v.filter || Object.keys(v.filter).length === 0) ?? views[0];
  return { views, defaultView };
}
