/** The registry of definition kinds: kind name → its JSON Schema. */
import { entitySchema } from './entity.js';
import { formSchema } from './form.js';
import { pipelineSchema } from './pipeline.js';
import { viewSchema } from './view.js';
import { roleSchema } from './role.js';
import { reportSchema } from './report.js';
import { dashboardSchema } from './dashboard.js';
import { templateSchema } from './template.js';
import { workflowSchema } from './workflow.js';
import { approvalSchema } from './approval.js';

export const definitionSchemas = {
  entity: entitySchema,
  form: formSchema,
  pipeline: pipelineSchema,
  workflow: workflowSchema,
  approval: approvalSchema,
  view: viewSchema,
  role: roleSchema,
  report: reportSchema,
  dashboard: dashboardSchema,
  template: templateSchema,
} as const;

export type DefinitionKind = keyof typeof definitionSchemas;
