/** UI strings of the pipeline, workflow, approval, view and role designers, in both languages. */
import type { DesignerLocale } from './types.js';

const zhCN = {
  // shared
  add: '添加', remove: '删除', moveUp: '上移', moveDown: '下移', dragHandle: '拖动以排序（空格拾取，方向键移动，空格放下）',
  name: 'API 名称', labelZh: '中文名称', labelEn: '英文名称', entity: '对象', field: '字段', value: '值', none: '无',
  yes: '是', no: '否', optional: '可选', issues: '问题',
  dragStart: '已拾取 {item}', dragOver: '{item} 移到了 {target} 的位置', dragEnd: '{item} 已放到 {target} 的位置', dragCancel: '已取消拖动 {item}',
  dragInstructions: '按空格或回车拾取，用方向键移动，再按空格或回车放下，按 Esc 取消。',
  // condition builder
  condAll: '满足全部', condAny: '满足任一', condNone: '全部不满足', condAddRule: '添加条件', condAddGroup: '添加条件组',
  condEmpty: '没有条件：总是成立', condPickField: '选择字段', condAdvanced: '高级条件（无法在此编辑）', condPrevious: '修改前',
  condCompareField: '与字段 {field} 比较', condValueMissing: '请填写值', operator: '运算符', group: '条件组', condNot: '非', isTrue: '成立', isFalse: '不成立',
  op_equal: '等于', op_notEqual: '不等于', op_lessThan: '小于', op_lessThanInclusive: '小于等于', op_greaterThan: '大于',
  op_greaterThanInclusive: '大于等于', op_in: '属于', op_notIn: '不属于', op_contains: '包含', op_doesNotContain: '不包含',
  op_isEmpty: '为空', op_isNotEmpty: '不为空',
  // pipeline
  pipeline: '阶段管道', stageField: '阶段字段', initialStage: '初始阶段', stages: '阶段', addStage: '添加阶段',
  addStageHint: '阶段来自阶段字段的选项；先在对象设计器中添加选项。', noUnusedOptions: '所有选项都已是阶段',
  probability: '赢单概率 %', forecastCategory: '预测类别', outcome: '结果', slaDays: 'SLA 天数', color: '颜色',
  fc_pipeline: '管道', fc_bestCase: '最佳情况', fc_commit: '承诺', fc_closed: '已关闭', fc_omitted: '排除',
  oc_open: '进行中', oc_won: '赢单', oc_lost: '输单',
  sop: 'SOP 清单', sopAdd: '添加检查项', sopRequired: '必须完成', sopItemZh: '检查项（中文）', sopItemEn: '检查项（英文）',
  transitions: '阶段流转', matrixHint: '行：从哪个阶段；列：到哪个阶段。点击“—”允许这一流转并在下方设置细节；点击已允许的格子选中它，再点一次则禁止。',
  anyStage: '任意阶段', fromTo: '从 \\ 到', allowed: '允许', forbidden: '禁止', viaAny: '经“任意阶段”允许',
  transitionDetail: '流转：{from} → {to}', transitionLabel: '按钮文字（可选）', whoMayMove: '谁可以推进',
  whoAnyone: '不限制（任何可编辑记录的人）', moverOwner: '负责人', moverManager: '负责人的经理', moverRoles: '角色',
  requiredFields: '必填字段', entryCondition: '进入条件', selectCell: '选中一个已允许的格子以设置细节。', removeStageConfirm: '删除阶段及其所有流转？',
  // workflow
  workflow: '工作流', active: '启用', maxDepth: '最大连锁深度', trigger: '触发条件', conditions: '执行条件', actions: '动作',
  addAction: '添加动作', testOnRecord: '在记录上测试',
  tr_recordCreated: '记录创建时', tr_recordUpdated: '记录更新时', tr_fieldChanged: '字段变化时', tr_stageChanged: '阶段变化时',
  tr_recordDeleted: '记录删除时', tr_dateRelative: '相对日期', tr_idle: '长时间未更新', tr_schedule: '定时', tr_manual: '手动按钮', tr_webhook: '入站 Webhook',
  fromValue: '原值（可选）', toValue: '新值（可选）', anyValue: '任意值', fromStage: '从阶段（可选）', toStage: '到阶段（可选）',
  offset: '偏移', unit: '单位', direction: '方向', u_days: '天', u_hours: '小时', u_minutes: '分钟', d_before: '之前', d_after: '之后',
  idleDays: '未更新天数', cron: 'Cron 表达式（分 时 日 月 周，租户时区）', buttonLabel: '按钮文字', secretRef: '签名密钥名称',
  ac_setFields: '设置字段', ac_createRecord: '创建记录', ac_assignOwner: '分配负责人', ac_notify: '发送通知', ac_sendEmail: '发送邮件',
  ac_callWebhook: '调用 Webhook', ac_startApproval: '发起审批', ac_delay: '等待',
  addField: '添加字段', fixedValues: '固定值', templateValues: '模板值（handlebars）', targetEntity: '要创建的对象',
  assignRules: '分配规则（第一个满足条件的规则生效）', addRule: '添加规则', when: '条件', assignTo: '分配给', fallbackUser: '兜底用户（可选）',
  at_user: '指定用户', at_roundRobin: '轮流分配', at_leastLoaded: '分给负载最少的人', role: '角色', team: '团队（部门）', user: '用户（登录名或邮箱）',
  recipient: '接收人', rc_owner: '负责人', rc_ownerManager: '负责人的经理', rc_user: '指定用户', rc_role: '角色', rc_field: '记录中的邮箱字段', rc_address: '邮箱地址',
  message: '消息', subject: '主题', body: '正文', url: 'URL', payloadTemplate: '请求体模板（可选，缺省发送记录）', approval: '审批流程', amount: '时长',
  addRecipient: '添加接收人',
  // template editor
  insertVariable: '插入变量', preview: '预览（示例记录）', previewError: '模板有误：{error}', varOwner: '负责人姓名', varPrevious: '修改前',
  varToday: '今天', varInDays: '3 天后', vg_field: '字段', vg_owner: '负责人', vg_previous: '修改前的值', vg_helper: '日期函数',
  // dry run
  pickRecord: '选择一条记录', runTest: '试运行', running: '运行中…', loadRecordsFailed: '记录加载失败：{error}', dryRunFailed: '试运行失败：{error}',
  dryRunNote: '试运行使用这里正在编辑的版本（含未发布的修改），不会修改任何数据。', matched: '条件成立：将执行动作', notMatched: '条件不成立：不会执行动作',
  noConditions: '没有执行条件', seen: '实际值', expected: '期望', notEvaluated: '未计算（结果已确定）', runStatus: '状态：{status}',
  st_planned: '将执行', st_done: '完成', st_failed: '失败', st_skipped: '跳过', st_waiting: '等待中',
  // approval
  approvalProcess: '审批流程', entryCriteria: '提交条件', steps: '审批步骤', addStep: '添加步骤', approver: '审批人',
  ap_user: '指定用户', ap_role: '角色', ap_ownerManager: '负责人的经理', ap_userField: '记录中的用户字段',
  mode: '多人审批', m_unanimous: '全部同意', m_firstResponse: '任一人决定', onRejectStep: '驳回后', or_final: '结束（已驳回）', or_backOneStep: '退回上一步',
  stepWhen: '仅在满足条件时需要此步骤', stepAlways: '总是需要', outcomes: '结果', o_onApprove: '通过时设置字段', o_onReject: '驳回时设置字段', o_onRecall: '撤回时设置字段',
  allowRecall: '提交人可撤回', lockRecord: '审批中锁定记录', stepName: '步骤 API 名称',
  // view
  view: '视图', viewType: '视图类型', vt_list: '列表', vt_kanban: '看板', vt_calendar: '日历', columns: '列', columnsHint: '勾选要显示的列，拖动排序。',
  filter: '筛选', filterAdvanced: '筛选条件较复杂，只能查看：', addFilter: '添加筛选', sort: '排序', addSort: '添加排序', asc: '升序', desc: '降序',
  kanban: '看板', groupByPipeline: '按阶段管道', groupBySelect: '按选择字段', calendar: '日历', dateField: '日期字段', endDateField: '结束日期字段（可选）',
  pageSize: '每页条数', visibility: '可见角色（空 = 所有可读此对象的人）',
  fo_eq: '等于', fo_ne: '不等于', fo_gt: '大于', fo_gte: '大于等于', fo_lt: '小于', fo_lte: '小于等于', fo_in: '属于', fo_nin: '不属于',
  fo_exists: '有值', fo_notExists: '无值', fo_regex: '匹配（正则）',
  // role
  roleDesigner: '角色', isAdmin: '管理员（不受记录和字段权限限制，可编辑定义）', reportsTo: '上级角色', permissions: '记录权限',
  setRow: '整行设为', ra_read: '查看', ra_create: '创建', ra_update: '编辑', ra_delete: '删除', ra_export: '导出',
  sc_none: '无', sc_own: '本人', sc_team: '本团队', sc_department: '本部门', sc_all: '全部',
  fieldPermissions: '字段权限', fa_editable: '可编辑', fa_hidden: '隐藏', fa_readOnly: '只读', readOnlyWhen: '满足条件时记录只读',
} as const;

export type KindKey = keyof typeof zhCN;

const en: Record<KindKey, string> = {
  add: 'Add', remove: 'Remove', moveUp: 'Move up', moveDown: 'Move down', dragHandle: 'Drag to reorder (Space to pick up, arrow keys to move, Space to drop)',
  name: 'API name', labelZh: 'Chinese label', labelEn: 'English label', entity: 'Entity', field: 'Field', value: 'Value', none: 'None',
  yes: 'Yes', no: 'No', optional: 'optional', issues: 'Issues',
  dragStart: 'Picked up {item}', dragOver: '{item} moved to the place of {target}', dragEnd: '{item} dropped at the place of {target}', dragCancel: 'Dragging {item} cancelled',
  dragInstructions: 'Press Space or Enter to pick up, arrow keys to move, Space or Enter to drop, Escape to cancel.',
  condAll: 'All of', condAny: 'Any of', condNone: 'None of', condAddRule: 'Add condition', condAddGroup: 'Add group',
  condEmpty: 'No conditions: always true', condPickField: 'Pick a field', condAdvanced: 'Advanced condition (not editable here)', condPrevious: 'before',
  condCompareField: 'compared with field {field}', condValueMissing: 'Enter a value', operator: 'Operator', group: 'Group', condNot: 'Not', isTrue: 'true', isFalse: 'false',
  op_equal: 'equals', op_notEqual: 'does not equal', op_lessThan: 'is less than', op_lessThanInclusive: 'is at most', op_greaterThan: 'is greater than',
  op_greaterThanInclusive: 'is at least', op_in: 'is one of', op_notIn: 'is not one of', op_contains: 'contains', op_doesNotContain: 'does not contain',
  op_isEmpty: 'is empty', op_isNotEmpty: 'is not empty',
  pipeline: 'Pipeline', stageField: 'Stage field', initialStage: 'Initial stage', stages: 'Stages', addStage: 'Add stage',
  addStageHint: 'Stages are the options of the stage field; add options in the entity designer first.', noUnusedOptions: 'Every option is a stage already',
  probability: 'Win probability %', forecastCategory: 'Forecast category', outcome: 'Outcome', slaDays: 'SLA days', color: 'Colour',
  fc_pipeline: 'Pipeline', fc_bestCase: 'Best case', fc_commit: 'Commit', fc_closed: 'Closed', fc_omitted: 'Omitted',
  oc_open: 'Open', oc_won: 'Won', oc_lost: 'Lost',
  sop: 'SOP checklist', sopAdd: 'Add item', sopRequired: 'Required', sopItemZh: 'Item (Chinese)', sopItemEn: 'Item (English)',
  transitions: 'Transitions', matrixHint: 'Rows: from; columns: to. Click “—” to allow a move and set its details below; click an allowed cell to select it, and click it again to forbid the move.',
  anyStage: 'Any stage', fromTo: 'From \\ To', allowed: 'Allowed', forbidden: 'Forbidden', viaAny: 'Allowed via "any stage"',
  transitionDetail: 'Transition: {from} → {to}', transitionLabel: 'Button label (optional)', whoMayMove: 'Who may move',
  whoAnyone: 'Anyone who may edit the record', moverOwner: 'Owner', moverManager: "Owner's manager", moverRoles: 'Roles',
  requiredFields: 'Required fields', entryCondition: 'Entry condition', selectCell: 'Select an allowed cell to edit its details.', removeStageConfirm: 'Remove the stage and all its transitions?',
  workflow: 'Workflow', active: 'Active', maxDepth: 'Max chain depth', trigger: 'Trigger', conditions: 'Conditions', actions: 'Actions',
  addAction: 'Add action', testOnRecord: 'Test on a record',
  tr_recordCreated: 'Record created', tr_recordUpdated: 'Record updated', tr_fieldChanged: 'Field changed', tr_stageChanged: 'Stage changed',
  tr_recordDeleted: 'Record deleted', tr_dateRelative: 'Relative to a date', tr_idle: 'Idle for days', tr_schedule: 'Schedule', tr_manual: 'Manual button', tr_webhook: 'Inbound webhook',
  fromValue: 'From value (optional)', toValue: 'To value (optional)', anyValue: 'Any value', fromStage: 'From stage (optional)', toStage: 'To stage (optional)',
  offset: 'Offset', unit: 'Unit', direction: 'Direction', u_days: 'days', u_hours: 'hours', u_minutes: 'minutes', d_before: 'before', d_after: 'after',
  idleDays: 'Days without update', cron: 'Cron (minute hour day month weekday, tenant time zone)', buttonLabel: 'Button label', secretRef: 'Signing secret name',
  ac_setFields: 'Set fields', ac_createRecord: 'Create record', ac_assignOwner: 'Assign owner', ac_notify: 'Notify', ac_sendEmail: 'Send e-mail',
  ac_callWebhook: 'Call webhook', ac_startApproval: 'Start approval', ac_delay: 'Wait',
  addField: 'Add field', fixedValues: 'Fixed values', templateValues: 'Template values (handlebars)', targetEntity: 'Entity to create',
  assignRules: 'Rules (the first that matches assigns)', addRule: 'Add rule', when: 'When', assignTo: 'Assign to', fallbackUser: 'Fallback user (optional)',
  at_user: 'A user', at_roundRobin: 'Round robin', at_leastLoaded: 'Least loaded', role: 'Role', team: 'Team (department)', user: 'User (login or e-mail)',
  recipient: 'Recipient', rc_owner: 'Owner', rc_ownerManager: "Owner's manager", rc_user: 'A user', rc_role: 'A role', rc_field: 'E-mail field of the record', rc_address: 'Address',
  message: 'Message', subject: 'Subject', body: 'Body', url: 'URL', payloadTemplate: 'Body template (optional, default sends the record)', approval: 'Approval process', amount: 'Amount',
  addRecipient: 'Add recipient',
  insertVariable: 'Insert variable', preview: 'Preview (sample record)', previewError: 'Template error: {error}', varOwner: "Owner's name", varPrevious: 'Before',
  varToday: 'Today', varInDays: 'In 3 days', vg_field: 'Fields', vg_owner: 'Owner', vg_previous: 'Values before the change', vg_helper: 'Date helpers',
  pickRecord: 'Pick a record', runTest: 'Dry run', running: 'Running…', loadRecordsFailed: 'Could not load records: {error}', dryRunFailed: 'Dry run failed: {error}',
  dryRunNote: 'The dry run uses the workflow as edited here, unpublished changes included, and changes nothing.', matched: 'Conditions hold: the actions would run', notMatched: 'Conditions do not hold: nothing would run',
  noConditions: 'No conditions', seen: 'seen', expected: 'expected', notEvaluated: 'not evaluated (outcome already known)', runStatus: 'Status: {status}',
  st_planned: 'would run', st_done: 'done', st_failed: 'failed', st_skipped: 'skipped', st_waiting: 'waiting',
  approvalProcess: 'Approval', entryCriteria: 'Entry criteria', steps: 'Steps', addStep: 'Add step', approver: 'Approver',
  ap_user: 'A user', ap_role: 'A role', ap_ownerManager: "Owner's manager", ap_userField: 'A user field of the record',
  mode: 'Several approvers', m_unanimous: 'All must approve', m_firstResponse: 'First answer decides', onRejectStep: 'On rejection', or_final: 'End (rejected)', or_backOneStep: 'Back one step',
  stepWhen: 'Only needed when', stepAlways: 'Always needed', outcomes: 'Outcomes', o_onApprove: 'On approve, set fields', o_onReject: 'On reject, set fields', o_onRecall: 'On recall, set fields',
  allowRecall: 'Submitter may recall', lockRecord: 'Lock the record while pending', stepName: 'Step API name',
  view: 'View', viewType: 'View type', vt_list: 'List', vt_kanban: 'Kanban', vt_calendar: 'Calendar', columns: 'Columns', columnsHint: 'Tick the columns to show, drag to order.',
  filter: 'Filter', filterAdvanced: 'This filter is too rich to edit here:', addFilter: 'Add filter', sort: 'Sort', addSort: 'Add sort key', asc: 'Ascending', desc: 'Descending',
  kanban: 'Kanban', groupByPipeline: 'By pipeline', groupBySelect: 'By select field', calendar: 'Calendar', dateField: 'Date field', endDateField: 'End date field (optional)',
  pageSize: 'Page size', visibility: 'Visible to roles (empty = everyone who can read the entity)',
  fo_eq: 'equals', fo_ne: 'not equal', fo_gt: 'greater than', fo_gte: 'at least', fo_lt: 'less than', fo_lte: 'at most', fo_in: 'one of', fo_nin: 'not one of',
  fo_exists: 'has a value', fo_notExists: 'is empty', fo_regex: 'matches (regex)',
  roleDesigner: 'Role', isAdmin: 'Administrator (bypasses record and field permissions, edits definitions)', reportsTo: 'Reports to', permissions: 'Record access',
  setRow: 'Set row', ra_read: 'Read', ra_create: 'Create', ra_update: 'Edit', ra_delete: 'Delete', ra_export: 'Export',
  sc_none: 'None', sc_own: 'Own', sc_team: 'Team', sc_department: 'Department', sc_all: 'All',
  fieldPermissions: 'Field access', fa_editable: 'Editable', fa_hidden: 'Hidden', fa_readOnly: 'Read-only', readOnlyWhen: 'Records are read-only when',
};

export const kindMessages: Record<DesignerLocale, Record<KindKey, string>> = { 'zh-CN': zhCN, en };

export type KindT = (key: KindKey, vars?: Record<string, string | number>) => string;

export function kindText(locale: DesignerLocale): KindT {
  const table = kindMessages[locale] ?? zhCN;
  return (key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (_, n: string) => String(vars[n] ?? ''));
}

/** For keys built from a value (`op_${operator}`): the key when it exists, else the raw value. */
export function kindTextOf(t: KindT, key: string, fallback: string): string {
  return key in zhCN ? t(key as KindKey) : fallback;
}
