/** The designers of the kinds beyond entity and form, for the builder shell to mount by kind. */
export type { DesignerContext, DesignerIssue, EditorProps, KindDesigner } from './types.js';
export { pipelineDesigner } from './pipeline/index.js';
export { workflowDesigner } from './workflow/index.js';
export { approvalDesigner } from './approval/index.js';
export { viewDesigner } from './view/index.js';
export { roleDesigner } from './role/index.js';
