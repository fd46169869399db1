/** The workflow designer as the builder shell mounts it. */
import type { WorkflowDefinition } from '../../../../../schemas/workflow.js';
import type { KindDesigner } from '../types.js';
import { createWorkflow } from './model.js';
import { WorkflowEditor } from './WorkflowEditor.js';

export const workflowDesigner: KindDesigner<WorkflowDefinition> = {
  kind: 'workflow',
  label: { 'zh-CN': '工作流', en: 'Workflows' },
  create: (name, context) => createWorkflow(name, context),
  Editor: WorkflowEditor,
};
