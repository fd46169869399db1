/** One valid definition per kind, and helpers to derive malformed ones. */
import type {
  ApprovalDefinition, DashboardDefinition, DefinitionKind, EntityDefinition, FormDefinition,
  PipelineDefinition, ReportDefinition, RoleDefinition, TemplateManifest, ViewDefinition,
  WorkflowDefinition,
} from '../../schemas/index.js';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const entity: EntityDefinition = {
  kind: 'entity', name: 'opportunity', label: L('商机', 'Opportunity'), schemaVersion: 1,
  titleField: 'name', hasOwner: true,
  fields: [
    { name: 'name', type: 'text', label: L('名称', 'Name'), required: true, maxLength: 200 },
    { name: 'amount', type: 'currency', label: L('金额', 'Amount'), min: 0 },
    { name: 'closeDate', type: 'date', label: L('预计成交日期', 'Close date') },
    {
      name: 'stage', type: 'select', label: L('阶段', 'Stage'),
      options: [
        { value: 'qualify', label: L('验证', 'Qualify') },
        { value: 'won', label: L('赢单', 'Won') },
        { value: 'lost', label: L('输单', 'Lost') },
      ],
    },
    { name: 'account', type: 'lookup', label: L('客户', 'Account'), target: 'account' },
  ],
};

export const form: FormDefinition = {
  kind: 'form', name: 'opportunityMain', label: L('商机表单', 'Opportunity form'), schemaVersion: 1,
  entity: 'opportunity',
  sections: [{ id: 'main', label: L('基本信息', 'Basics'), fields: [{ field: 'name' }, { field: 'amount' }] }],
  rules: [{ field: 'closeDate', effect: 'required', when: { fact: 'stage', operator: 'notEqual', value: 'qualify' } }],
};

export const pipeline: PipelineDefinition = {
  kind: 'pipeline', name: 'opportunitySales', label: L('销售流程', 'Sales process'), schemaVersion: 1,
  entity: 'opportunity', field: 'stage', initialStage: 'qualify',
  stages: [
    {
      value: 'qualify', label: L('验证', 'Qualify'), probability: 10, forecastCategory: 'pipeline', outcome: 'open',
      slaDays: 14, sopChecklist: [{ id: 'budget', label: L('确认预算', 'Confirm budget'), required: true }],
    },
    { value: 'won', label: L('赢单', 'Won'), probability: 100, forecastCategory: 'closed', outcome: 'won' },
    { value: 'lost', label: L('输单', 'Lost'), probability: 0, forecastCategory: 'omitted', outcome: 'lost' },
  ],
  transitions: [
    {
      from: 'qualify', to: 'won', label: L('赢单', 'Mark won'),
      allowed: { roles: ['salesManager'], owner: true, manager: true },
      condition: { all: [{ fact: 'amount', operator: 'greaterThan', value: 0 }] },
      requiredFields: ['amount', 'closeDate'],
    },
    { from: '*', to: 'lost' },
  ],
};

export const workflow: WorkflowDefinition = {
  kind: 'workflow', name: 'closeDateReminder', label: L('成交日提醒', 'Close date reminder'), schemaVersion: 1,
  entity: 'opportunity',
  trigger: { type: 'dateRelative', field: 'closeDate', offset: 3, unit: 'days', direction: 'before' },
  conditions: { all: [{ fact: 'stage', operator: 'notIn', value: ['won', 'lost'] }] },
  actions: [
    {
      type: 'createRecord', entity: 'task', values: { priority: 'high' },
      templates: { subject: '跟进 {{name}}' },
    },
    {
      type: 'assignOwner',
      rules: [
        { when: { fact: 'amount', operator: 'greaterThan', value: 1000000 }, assignTo: { type: 'user', user: 'zhang.wei' } },
        { assignTo: { type: 'roundRobin', role: 'salesRep' } },
      ],
      fallbackUser: 'admin',
    },
    { type: 'notify', to: { type: 'owner' }, message: L('{{name}} 将在 3 天后到期', '{{name}} closes in 3 days') },
    { type: 'sendEmail', to: [{ type: 'ownerManager' }, { type: 'address', value: 'sales@example.com' }], subject: '{{name}}', body: 'Hello {{owner.name}}' },
    { type: 'callWebhook', url: 'https://hooks.example.com/crm', secretRef: 'crmHook', payloadTemplate: '{"id":"{{id}}"}' },
    { type: 'delay', amount: 1, unit: 'days' },
    { type: 'setFields', values: { nextStep: 'call', score: 3, flagged: true, tags: ['a'], note: null } },
    { type: 'startApproval', approval: 'bigDeal' },
  ],
  active: true,
  maxDepth: 3,
};

export const approval: ApprovalDefinition = {
  kind: 'approval', name: 'bigDeal', label: L('大单审批', 'Big deal approval'), schemaVersion: 1,
  entity: 'opportunity',
  entryCriteria: { fact: 'amount', operator: 'greaterThanInclusive', value: 1000000 },
  steps: [
    { name: 'manager', label: L('经理', 'Manager'), approver: { type: 'ownerManager' }, mode: 'firstResponse', onReject: 'final' },
    { name: 'director', label: L('总监', 'Director'), approver: { type: 'role', value: 'salesDirector' }, mode: 'unanimous', onReject: 'backOneStep' },
  ],
  onApprove: { setFields: { approvalStatus: 'approved' } },
  onReject: { setFields: { approvalStatus: 'rejected' } },
  allowRecall: true,
  lockRecord: true,
};

export const view: ViewDefinition = {
  kind: 'view', name: 'openDeals', label: L('进行中的商机', 'Open deals'), schemaVersion: 1,
  entity: 'opportunity', type: 'kanban', columns: ['name', 'amount'],
  filter: { $and: [{ stage: { $nin: ['won', 'lost'] } }, { amount: { $gte: 0 } }] },
  sort: [{ field: 'closeDate', direction: 'asc' }],
  kanban: { pipeline: 'opportunitySales' },
  pageSize: 50,
  visibility: { roles: ['salesRep', 'salesManager'] },
};

export const report: ReportDefinition = {
  kind: 'report', name: 'pipelineByStage', label: L('按阶段的管道', 'Pipeline by stage'), schemaVersion: 1,
  entity: 'opportunity',
  metrics: [
    { name: 'total', field: 'amount', aggregate: 'sum', label: L('金额', 'Amount') },
    { aggregate: 'count', label: L('数量', 'Count') },
  ],
  dimensions: [{ field: 'stage' }, { field: 'closeDate', dateBucket: 'month' }],
  filter: { stage: { $ne: 'lost' } },
  chart: 'bar',
  sort: [{ field: 'total', direction: 'desc' }],
  limit: 100,
};

export const dashboard: DashboardDefinition = {
  kind: 'dashboard', name: 'salesHome', label: L('销售首页', 'Sales home'), schemaVersion: 1,
  widgets: [{ report: 'pipelineByStage', title: L('管道', 'Pipeline'), layout: { x: 0, y: 0, w: 6, h: 4 } }],
};

export const role: RoleDefinition = {
  kind: 'role', name: 'salesRep', label: L('销售代表', 'Sales rep'), schemaVersion: 1,
  isAdmin: false, reportsTo: 'salesManager',
  permissions: {
    opportunity: { read: 'team', create: 'all', update: 'own', delete: 'none', export: 'none' },
    account: { read: 'all' },
  },
  fieldPermissions: { opportunity: { margin: 'hidden', amount: 'readOnly' } },
};

export const template: TemplateManifest = {
  kind: 'template', name: 'b2b-crm', label: L('B2B 客户管理', 'B2B CRM'), schemaVersion: 1,
  version: '1.0.0',
  dependencies: { 'core-objects': '^1.2.0' },
  locales: ['zh-CN', 'en'],
  defaults: { locale: 'zh-CN', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  definitions: ['definitions/entities/opportunity.json', 'definitions/pipelines/opportunitySales.json'],
  sampleData: [{ entity: 'opportunity', file: 'sample/opportunity.json' }],
};

export const validExamples: Record<DefinitionKind, object> = {
  entity, form, pipeline, workflow, approval, view, report, dashboard, role, template,
};

/** Resolves a JSON Pointer's parent and last key in `doc`. */
function locate(doc: unknown, pointer: string): [Record<string, unknown>, string] {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts.pop()!;
  let node = doc as Record<string, unknown>;
  for (const p of parts) node = node[p] as Record<string, unknown>;
  return [node, last];
}

/** A deep copy of `doc` with the value at `pointer` replaced (created if absent). */
export function withValue<T>(doc: T, pointer: string, value: unknown): T {
  const copy = structuredClone(doc);
  const [parent, key] = locate(copy, pointer);
  // defineProperty, so `__proto__` becomes an own key as JSON.parse would make it.
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A deep copy of `doc` without the value at `pointer`. */
export function without<T>(doc: T, pointer: string): T {
  const copy = structuredClone(doc);
  const [parent, key] = locate(copy, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return copy;
}
