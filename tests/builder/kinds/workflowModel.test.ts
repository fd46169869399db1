import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { WorkflowDefinition } from '../../../schemas/workflow.js';
import {
  ACTION_TYPES, TRIGGER_TYPES, addAction, createWorkflow, defaultAction, moveAction, removeAction, setConditions, setEntity,
  setTriggerType, updateAction, updateTrigger,
} from '../../../builder/src/designer/kinds/workflow/model.js';
import { insertAt, renderPreview, sampleData, templateVariables } from '../../../builder/src/designer/kinds/workflow/templateModel.js';
import { detailLines, showValue, traceRows } from '../../../builder/src/designer/kinds/workflow/traceModel.js';
import { addField, removeField, renameField, setValue } from '../../../builder/src/designer/kinds/valuesModel.js';
import { b2bDefinitions, context, issuesInSet } from './workingSet.js';

const defs = b2bDefinitions();
const ctx = context(defs);
const opportunity = defs.find((d) => d.kind === 'entity' && d.name === 'opportunity') as unknown as EntityDefinition;
const account = defs.find((d) => d.kind === 'entity' && d.name === 'account') as unknown as EntityDefinition;
const labels = { owner: 'owner', previous: 'before', today: 'today', inDays: 'in 3 days' };

function bigDealWorkflow(): WorkflowDefinition {
  let w = setEntity(createWorkflow('bigDeal', ctx), opportunity);
  w = setTriggerType(w, 'recordUpdated', opportunity);
  w = setConditions(w, { all: [{ fact: 'amount', operator: 'greaterThan', value: 1_000_000 }] });
  return updateAction(w, 0, { type: 'notify', to: { type: 'ownerManager' }, message: { 'zh-CN': '{{name}} 金额 {{amount}}', en: '{{name}}: {{amount}}' } });
}

describe('workflow model', () => {
  it('creates a valid workflow and builds "amount over 1,000,000 → notify the owner manager"', () => {
    expect(issuesInSet(createWorkflow('fresh', ctx), defs)).toEqual([]);
    const w = bigDealWorkflow();
    expect(w).toMatchObject({ entity: 'opportunity', trigger: { type: 'recordUpdated' }, actions: [{ type: 'notify', to: { type: 'ownerManager' } }] });
    expect(issuesInSet(w, defs)).toEqual([]);
  });

  it('offers every trigger type with valid default settings on the entity', () => {
    for (const type of TRIGGER_TYPES) {
      const w = setTriggerType(bigDealWorkflow(), type, opportunity);
      expect(w.trigger.type).toBe(type);
      expect(issuesInSet(w, defs), type).toEqual([]);
    }
  });

  it('keeps the field across trigger types and drops settings set back to undefined', () => {
    let w = setTriggerType(bigDealWorkflow(), 'fieldChanged', opportunity);
    w = updateTrigger(w, { field: 'closeDate', to: null });
    w = setTriggerType(w, 'dateRelative', opportunity);
    expect(w.trigger).toMatchObject({ type: 'dateRelative', field: 'closeDate' });
    w = setTriggerType(w, 'stageChanged', opportunity);
    w = updateTrigger(w, { to: 'won' });
    expect(w.trigger).toEqual({ type: 'stageChanged', to: 'won' });
    w = updateTrigger(w, { to: undefined });
    expect(w.trigger).toEqual({ type: 'stageChanged' });
  });

  it('adds every action type valid by default, reorders, and never removes the last action', () => {
    let w = bigDealWorkflow();
    for (const type of ACTION_TYPES) {
      if (type === 'startApproval') continue; // the template's only approval is on quote
      w = addAction(w, defaultAction(type, opportunity, ctx));
    }
    expect(w.actions).toHaveLength(ACTION_TYPES.length);
    expect(issuesInSet(w, defs)).toEqual([]);
    const moved = moveAction(w, 0, 3);
    expect(moved.actions[3]!.type).toBe('notify');
    let one = bigDealWorkflow();
    expect(removeAction(one, 0)).toBe(one);
    one = addAction(one, defaultAction('delay', opportunity, ctx));
    expect(removeAction(one, 0).actions.map((a) => a.type)).toEqual(['delay']);
  });

  it('finds the entity approval for startApproval and restarts field-bound settings on another entity', () => {
    const quote = defs.find((d) => d.kind === 'entity' && d.name === 'quote') as unknown as EntityDefinition;
    const w = setEntity(bigDealWorkflow(), quote);
    expect(w.conditions).toBeUndefined();
    const withApproval = updateAction(w, 0, defaultAction('startApproval', quote, ctx) as never);
    expect(withApproval.actions[0]).toEqual({ type: 'startApproval', approval: 'quoteDiscount' });
    expect(issuesInSet(withApproval, defs)).toEqual([]);
  });

  it('edits set-fields values typed by the field', () => {
    const stageless = account.fields.find((f) => f.type === 'select')!;
    let values = addField(undefined, stageless);
    expect(values[stageless.name]).toBe((stageless as { options: { value: string }[] }).options[0]!.value);
    values = setValue(values, 'name', 'x');
    const renamed = renameField(values, 'name', account.fields.find((f) => f.type === 'text' && f.name !== 'name') ?? account.fields[0]!);
    expect(Object.keys(renamed)).toHaveLength(2);
    expect(removeField(values, 'name')).toEqual({ [stageless.name]: values[stageless.name] });
  });
});

describe('workflow templates', () => {
  const now = new Date('2026-03-10T02:00:00Z');
  const data = sampleData(opportunity, '2026-03-10');

  it('offers fields, the owner name, previous values and date helpers', () => {
    const inserts = templateVariables(opportunity, 'en', labels).map((v) => v.insert);
    expect(inserts).toEqual(expect.arrayContaining(['{{amount}}', '{{$owner.name}}', '{{$previous.amount}}', '{{today}}', '{{addDays today 3}}']));
  });

  it('renders a live preview with the runtime helpers on a sample record', () => {
    const p = renderPreview('{{name}} {{amount}} by {{$owner.name}} was {{$previous.amount}}, due {{addDays today 3}} (today {{today}})', data, now);
    expect(p).toEqual({ ok: true, text: `华东智造 ERP 升级 1200000 by 李雷 Li Lei was 960000, due 2026-03-13 (today 2026-03-10)` });
    const bad = renderPreview('{{#if amount}}open', data, now);
    expect(bad.ok).toBe(false);
  });

  it('inserts a variable at the cursor', () => {
    expect(insertAt('Hello !', '{{name}}', 6)).toEqual({ text: 'Hello {{name}}!', caret: 14 });
    expect(insertAt('ab', 'X', 0, 2)).toEqual({ text: 'X', caret: 1 });
  });
});

describe('dry-run trace', () => {
  it('lists each test with the value seen and its result, and action details', () => {
    const rows = traceRows({ all: [{ fact: 'amount', operator: 'greaterThan', value: 1_000_000, factValue: 1_500_000, result: true }, { any: [{ fact: '$previous', path: '$.stage', operator: 'equal', value: 'won' }], result: false }], result: false });
    expect(rows.map((r) => [r.depth, r.kind, r.fact, r.seen, r.result])).toEqual([
      [0, 'all', undefined, undefined, false],
      [1, 'test', 'amount', 1_500_000, true],
      [1, 'any', undefined, undefined, false],
      [2, 'test', '$previous.stage', undefined, undefined],
    ]);
    expect(showValue(null)).toBe('—');
    expect(showValue(['a', 1])).toBe('["a", 1]');
    expect(detailLines({ to: ['u1'], message: { 'zh-CN': '你好', en: 'hi' } })).toEqual([
      { key: 'to', value: '["u1"]' }, { key: 'message.zh-CN', value: '你好' }, { key: 'message.en', value: 'hi' },
    ]);
  });
});

describe('dry-run trace of "none of" groups', () => {
  it('shows not-over-any as one "none of" row with its outcome derived from the children', () => {
    const rows = traceRows({ not: { any: [{ fact: 'discount', operator: 'greaterThan', value: 15, factValue: 8, result: false }, { fact: 'total', operator: 'greaterThan', value: 500000, factValue: 4991920, result: true }], result: true } });
    expect(rows.map((r) => [r.depth, r.kind, r.result])).toEqual([[0, 'none', false], [1, 'test', false], [1, 'test', true]]);
    const open = traceRows({ all: [{ fact: 'a', operator: 'equal', value: 1, factValue: 1, result: true }, { not: { fact: 'b', operator: 'equal', value: 1, factValue: 2, result: false } }] });
    expect(open.map((r) => [r.kind, r.result])).toEqual([['all', true], ['test', true], ['not', true], ['test', false]]);
  });
});

describe('writable fields', () => {
  it('leave out the pipeline stage, computed and system fields', async () => {
    const { writableFields } = await import('../../../builder/src/designer/kinds/entities.js');
    const names = writableFields(defs, opportunity).map((f) => f.name);
    expect(names).not.toContain('stage');
    expect(names).not.toContain('owner');
    expect(names).toContain('amount');
    for (const f of opportunity.fields.filter((x) => ['formula', 'rollup', 'autoNumber'].includes(x.type))) expect(names).not.toContain(f.name);
  });
});
