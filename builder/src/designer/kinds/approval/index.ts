/** The approval designer as the builder shell mounts it. */
import type { ApprovalDefinition } from '../../../../../schemas/approval.js';
import type { KindDesigner } from '../types.js';
import { ApprovalEditor } from './ApprovalEditor.js';
import { createApproval } from './model.js';

export const approvalDesigner: KindDesigner<ApprovalDefinition> = {
  kind: 'approval',
  label: { 'zh-CN': '审批流程', en: 'Approvals' },
  create: (name, context) => createApproval(name, context),
  Editor: ApprovalEditor,
};
