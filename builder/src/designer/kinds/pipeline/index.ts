/** The pipeline designer as the builder shell mounts it. */
import type { PipelineDefinition } from '../../../../../schemas/pipeline.js';
import type { KindDesigner } from '../types.js';
import { createPipeline } from './model.js';
import { PipelineEditor } from './PipelineEditor.js';

export const pipelineDesigner: KindDesigner<PipelineDefinition> = {
  kind: 'pipeline',
  label: { 'zh-CN': '阶段管道', en: 'Pipelines' },
  create: (name, context) => createPipeline(name, context),
  Editor: PipelineEditor,
};
