import { describe, expect, it } from 'vitest';
import { definitionSchemas, validateDefinition, type DefinitionKind } from '../../schemas/index.js';
import * as fx from './fixtures.js';
import { withValue, without } from './fixtures.js';

type Case = [description: string, doc: unknown, path: string];

const badCondition = { all: [{ fact: 'amount', operator: 'bigger', value: 1 }] };

/** Per kind: malformed documents and the one JSON Pointer each must be reported at. */
const cases: Record<DefinitionKind, Case[]> = {
  entity: [
    ['missing titleField', without(fx.entity, '/titleField'), '/titleField'],
    ['unknown field type', withValue(fx.entity, '/fields/1/type', 'money'), '/fields/1/type'],
    ['select without options', without(fx.entity, '/fields/3/options'), '/fields/3/options'],
    ['unknown property on a field', withValue(fx.entity, '/fields/0/colour', 'red'), '/fields/0/colour'],
    ['label missing a locale', without(fx.entity, '/label/en'), '/label/en'],
    ['`$`-prefixed key', withValue(fx.entity, '/$where', '1'), '/$where'],
  ],
  form: [
    ['missing entity', without(fx.form, '/entity'), '/entity'],
    ['bad effect', withValue(fx.form, '/rules/0/effect', 'hidden'), '/rules/0/effect'],
    ['bad nested condition', withValue(fx.form, '/rules/0/when', { any: [{ fact: 'x' }] }), '/rules/0/when/any/0/operator'],
  ],
  pipeline: [
    ['missing initialStage', without(fx.pipeline, '/initialStage'), '/initialStage'],
    ['probability over 100', withValue(fx.pipeline, '/stages/0/probability', 120), '/stages/0/probability'],
    ['probability of wrong type', withValue(fx.pipeline, '/stages/0/probability', '10'), '/stages/0/probability'],
    ['bad forecast category', withValue(fx.pipeline, '/stages/1/forecastCategory', 'maybe'), '/stages/1/forecastCategory'],
    ['bad outcome', withValue(fx.pipeline, '/stages/1/outcome', 'closed'), '/stages/1/outcome'],
    ['unknown stage property', withValue(fx.pipeline, '/stages/0/weight', 1), '/stages/0/weight'],
    ['checklist item without label', without(fx.pipeline, '/stages/0/sopChecklist/0/label'), '/stages/0/sopChecklist/0/label'],
    ['bad `from`', withValue(fx.pipeline, '/transitions/1/from', '**'), '/transitions/1/from'],
    ['bad operator deep in a condition', withValue(fx.pipeline, '/transitions/0/condition', badCondition), '/transitions/0/condition/all/0/operator'],
    ['condition mixing all and fact', withValue(fx.pipeline, '/transitions/0/condition/fact', 'x'), '/transitions/0/condition/fact'],
    ['requiredFields with a bad name', withValue(fx.pipeline, '/transitions/0/requiredFields/0', '$amount'), '/transitions/0/requiredFields/0'],
    ['unknown key in allowed', withValue(fx.pipeline, '/transitions/0/allowed/everyone', true), '/transitions/0/allowed/everyone'],
  ],
  workflow: [
    ['missing trigger', without(fx.workflow, '/trigger'), '/trigger'],
    ['unknown trigger type', withValue(fx.workflow, '/trigger', { type: 'recordViewed' }), '/trigger/type'],
    ['trigger without type', withValue(fx.workflow, '/trigger', { field: 'closeDate' }), '/trigger/type'],
    ['dateRelative with bad unit', withValue(fx.workflow, '/trigger/unit', 'weeks'), '/trigger/unit'],
    ['fieldChanged without field', withValue(fx.workflow, '/trigger', { type: 'fieldChanged', to: 'won' }), '/trigger/field'],
    ['idle with days of wrong type', withValue(fx.workflow, '/trigger', { type: 'idle', days: 'seven' }), '/trigger/days'],
    ['schedule with a bad cron', withValue(fx.workflow, '/trigger', { type: 'schedule', cron: '* *' }), '/trigger/cron'],
    ['unknown action type', withValue(fx.workflow, '/actions/2', { type: 'sendSms' }), '/actions/2/type'],
    ['property of another action type', withValue(fx.workflow, '/actions/5/values', {}), '/actions/5/values'],
    ['bad nested condition in conditions', withValue(fx.workflow, '/conditions', { not: { fact: 'x', operator: 'equal', extra: 1 } }), '/conditions/not/extra'],
    ['bad condition in an assign rule', withValue(fx.workflow, '/actions/1/rules/0/when', badCondition), '/actions/1/rules/0/when/all/0/operator'],
    ['round robin over nobody (neither role nor team)', withValue(fx.workflow, '/actions/1/rules/1/assignTo', { type: 'roundRobin' }), '/actions/1/rules/1/assignTo'],
    ['notify a user without value', withValue(fx.workflow, '/actions/2/to', { type: 'user' }), '/actions/2/to/value'],
    ['notify message missing a locale', without(fx.workflow, '/actions/2/message/en'), '/actions/2/message/en'],
    ['bad email address', withValue(fx.workflow, '/actions/3/to/1/value', 'not an address'), '/actions/3/to/1/value'],
    ['webhook to a non-http url', withValue(fx.workflow, '/actions/4/url', 'file:///etc/passwd'), '/actions/4/url'],
    ['setFields with a `$` key', withValue(fx.workflow, '/actions/6/values/$set', 1), '/actions/6/values/$set'],
    ['setFields with an object value', withValue(fx.workflow, '/actions/6/values/score', { $gt: 1 }), '/actions/6/values/score'],
    ['maxDepth too large', withValue(fx.workflow, '/maxDepth', 100), '/maxDepth'],
    ['active of wrong type', withValue(fx.workflow, '/active', 'yes'), '/active'],
  ],
  approval: [
    ['no steps', withValue(fx.approval, '/steps', []), '/steps'],
    ['bad approver type', withValue(fx.approval, '/steps/0/approver', { type: 'team', value: 'x' }), '/steps/0/approver/type'],
    ['role approver without value', withValue(fx.approval, '/steps/1/approver', { type: 'role' }), '/steps/1/approver/value'],
    ['bad mode', withValue(fx.approval, '/steps/0/mode', 'majority'), '/steps/0/mode'],
    ['bad onReject', withValue(fx.approval, '/steps/0/onReject', 'restart'), '/steps/0/onReject'],
    ['bad entry criteria', withValue(fx.approval, '/entryCriteria', { fact: 'amount' }), '/entryCriteria/operator'],
    ['unknown key in onApprove', withValue(fx.approval, '/onApprove/notify', true), '/onApprove/notify'],
  ],
  view: [
    ['bad type', withValue(fx.view, '/type', 'gantt'), '/type'],
    ['kanban without kanban settings', without(fx.view, '/kanban'), '/kanban'],
    ['kanban with both pipeline and groupBy', withValue(fx.view, '/kanban/groupBy', 'stage'), '/kanban'],
    ['calendar without dateField', withValue(withValue(fx.view, '/type', 'calendar'), '/calendar', {}), '/calendar/dateField'],
    ['filter with $where', withValue(fx.view, '/filter/$where', 'sleep(1000)'), '/filter/$where'],
    ['filter with nested $expr', withValue(fx.view, '/filter/$and/0/$expr', {}), '/filter/$and/0/$expr'],
    ['filter that is an array', withValue(fx.view, '/filter', []), '/filter'],
    ['pageSize too large', withValue(fx.view, '/pageSize', 10000), '/pageSize'],
    ['bad sort direction', withValue(fx.view, '/sort/0/direction', 'up'), '/sort/0/direction'],
  ],
  report: [
    ['no metrics', withValue(fx.report, '/metrics', []), '/metrics'],
    ['sum without field', without(fx.report, '/metrics/0/field'), '/metrics/0/field'],
    ['bad aggregate', withValue(fx.report, '/metrics/1/aggregate', 'median'), '/metrics/1/aggregate'],
    ['bad date bucket', withValue(fx.report, '/dimensions/1/dateBucket', 'decade'), '/dimensions/1/dateBucket'],
    ['bad chart', withValue(fx.report, '/chart', 'radar'), '/chart'],
    ['filter with $function', withValue(fx.report, '/filter/stage/$function', {}), '/filter/stage/$function'],
    ['limit of wrong type', withValue(fx.report, '/limit', '100'), '/limit'],
  ],
  dashboard: [
    ['widget without layout', without(fx.dashboard, '/widgets/0/layout'), '/widgets/0/layout'],
    ['widget too wide', withValue(fx.dashboard, '/widgets/0/layout/w', 13), '/widgets/0/layout/w'],
    ['unknown widget property', withValue(fx.dashboard, '/widgets/0/html', '<b>'), '/widgets/0/html'],
  ],
  role: [
    ['missing permissions', without(fx.role, '/permissions'), '/permissions'],
    ['bad scope', withValue(fx.role, '/permissions/opportunity/read', 'company'), '/permissions/opportunity/read'],
    ['unknown action', withValue(fx.role, '/permissions/opportunity/share', 'all'), '/permissions/opportunity/share'],
    ['`$` entity key', withValue(fx.role, '/permissions/$where', { read: 'all' }), '/permissions/$where'],
    ['bad field permission', withValue(fx.role, '/fieldPermissions/opportunity/amount', 'masked'), '/fieldPermissions/opportunity/amount'],
    ['isAdmin of wrong type', withValue(fx.role, '/isAdmin', 1), '/isAdmin'],
  ],
  template: [
    ['bad version', withValue(fx.template, '/version', '1.0'), '/version'],
    ['missing defaults', without(fx.template, '/defaults'), '/defaults'],
    ['unknown time zone', withValue(fx.template, '/defaults/timeZone', 'Asia/Shanghia'), '/defaults/timeZone'],
    ['bad currency', withValue(fx.template, '/defaults/currency', 'yuan'), '/defaults/currency'],
    ['unsupported locale', withValue(fx.template, '/locales/1', 'fr'), '/locales/1'],
    ['definition path escaping the package', withValue(fx.template, '/definitions/1', '../secrets.json'), '/definitions/1'],
    ['absolute definition path', withValue(fx.template, '/definitions/0', '/etc/x.json'), '/definitions/0'],
    ['bad dependency range', withValue(fx.template, '/dependencies/core-objects', '$(rm -rf)'), '/dependencies/core-objects'],
    ['sample data for a bad entity name', withValue(fx.template, '/sampleData/0/entity', 'Opp-1'), '/sampleData/0/entity'],
  ],
};

/** Faults every kind must reject the same way. */
const common = (doc: object): Case[] => [
  ['missing name', without(doc, '/name'), '/name'],
  ['name of wrong type', withValue(doc, '/name', 42), '/name'],
  ['wrong schemaVersion', withValue(doc, '/schemaVersion', 2), '/schemaVersion'],
  ['unknown top-level property', withValue(doc, '/extra', true), '/extra'],
  ['`$`-prefixed top-level key', withValue(doc, '/$set', {}), '/$set'],
  ['`__proto__` key', withValue(doc, '/__proto__', { isAdmin: true }), '/__proto__'],
  ['`constructor` key deep inside', withValue(doc, '/label/constructor', {}), '/label/constructor'],
];

describe.each(Object.keys(definitionSchemas) as DefinitionKind[])('%s', (kind) => {
  const valid = fx.validExamples[kind];

  it('accepts the valid example', () => {
    expect(validateDefinition(valid)).toEqual([]);
  });

  it('accepts the valid example after a JSON round trip', () => {
    expect(validateDefinition(JSON.parse(JSON.stringify(valid)))).toEqual([]);
  });

  it.each([...common(valid), ...cases[kind]])('rejects %s', (_d, doc, path) => {
    const issues = validateDefinition(doc);
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0].message).toMatch(/\S/);
  });
});

describe('validateDefinition', () => {
  it('rejects a non-object', () => {
    expect(validateDefinition([])).toEqual([{ path: '/', message: 'must be an object' }]);
    expect(validateDefinition(null)).toEqual([{ path: '/', message: 'must be an object' }]);
  });

  it('rejects an unknown kind at /kind', () => {
    expect(validateDefinition({ kind: 'macro' }).map((i) => i.path)).toEqual(['/kind']);
  });

  it('rejects a __proto__ key from JSON.parse without touching prototypes', () => {
    const doc = JSON.parse(JSON.stringify(fx.role).replace('"isAdmin":false', '"__proto__":{"isAdmin":true}'));
    expect(validateDefinition(doc)).toEqual([{ path: '/__proto__', message: 'is a forbidden key' }]);
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it('rejects a __proto__ key inside a free-form value', () => {
    const doc = JSON.parse(JSON.stringify(fx.view).replace('"$gte":0', '"$gte":0,"__proto__":{"x":1}'));
    expect(validateDefinition(doc).map((i) => i.path)).toEqual(['/filter/$and/1/amount/__proto__']);
  });

  it('rejects a deeply nested condition before ajv recurses into it', () => {
    let cond: object = { fact: 'a', operator: 'equal', value: 1 };
    for (let i = 0; i < 5000; i++) cond = { not: cond };
    const issues = validateDefinition(withValue(fx.approval, '/entryCriteria', cond));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/nested/);
  });

  it('gives one clear message for a wrong discriminator tag', () => {
    expect(validateDefinition(withValue(fx.workflow, '/trigger', { type: 'recordViewed' }))).toEqual([
      {
        path: '/trigger/type',
        message:
          'must be one of recordCreated, recordUpdated, fieldChanged, stageChanged, recordDeleted, dateRelative, idle, schedule, manual, webhook',
      },
    ]);
  });

  it('gives one message per fault in a condition tree, at the node', () => {
    const cond = { any: [{ fact: 'a', operator: 'equal' }, { fact: 'b' }, { all: [{ not: {} }] }] };
    expect(validateDefinition(withValue(fx.workflow, '/conditions', cond))).toEqual([
      { path: '/conditions/any/1/operator', message: 'is required' },
      { path: '/conditions/any/2/all/0/not/fact', message: 'is required' },
      { path: '/conditions/any/2/all/0/not/operator', message: 'is required' },
    ]);
  });

  it('escapes JSON Pointer keys', () => {
    expect(validateDefinition(withValue(fx.role, '/permissions/a~b', { read: 'all' })).map((i) => i.path)).toEqual([
      '/permissions/a~0b',
    ]);
  });

  it('bounds sizes', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ report: 'r', layout: { x: 0, y: i, w: 1, h: 1 } }));
    expect(validateDefinition(withValue(fx.dashboard, '/widgets', many)).map((i) => i.path)).toEqual(['/widgets']);
    expect(validateDefinition(withValue(fx.workflow, '/actions/3/body', 'x'.repeat(20001))).map((i) => i.path)).toEqual([
      '/actions/3/body',
    ]);
  });
});
