import { describe, expect, it } from 'vitest';
import { ajv } from '../../../schemas/validator.js';
import type { FieldDefinition } from '../../../schemas/entity.js';
import {
  appendChild, changeFact, changeOperator, changeValue, childrenOf, combinatorOf, fieldFacts, incompleteRules, newRule,
  nodeAt, nodePointer, operatorsFor, removeNode, replaceNode, rootGroup, setCombinator, toCondition, type GroupCondition,
} from '../../../builder/src/designer/kinds/conditionModel.js';
import type { FactCondition } from '../../../schemas/conditions.js';

const amount: FieldDefinition = { name: 'amount', type: 'currency', label: { 'zh-CN': '金额', en: 'Amount' } };
const grading: FieldDefinition = {
  name: 'grading', type: 'select', label: { 'zh-CN': '分级', en: 'Grading' },
  options: [{ value: 'important', label: { 'zh-CN': '重要', en: 'Important' } }, { value: 'normal', label: { 'zh-CN': '一般', en: 'Normal' } }],
};
const tags: FieldDefinition = { name: 'tags', type: 'multiSelect', label: { 'zh-CN': '标签', en: 'Tags' }, options: [{ value: 'a', label: { 'zh-CN': 'A', en: 'A' } }] };
const facts = fieldFacts([amount, grading, tags], true);
const fact = (key: string) => facts.find((f) => f.key === key)!;
const validCondition = ajv.getSchema('stagecraft:condition')!;

describe('condition model', () => {
  it('offers operators by field type, multi-selects by containment', () => {
    expect(operatorsFor('number')).toContain('greaterThan');
    expect(operatorsFor('select')).toEqual(expect.arrayContaining(['equal', 'in']));
    expect(operatorsFor('select')).not.toContain('greaterThan');
    expect(operatorsFor('multiSelect')[0]).toBe('contains');
  });

  it('starts a rule with a value typed by the field and passes the schema', () => {
    expect(newRule(fact('amount'))).toEqual({ fact: 'amount', operator: 'equal', value: 0 });
    expect(newRule(fact('grading'))).toEqual({ fact: 'grading', operator: 'equal', value: 'important' });
    expect(newRule(fact('$previous.amount'))).toEqual({ fact: '$previous', path: '$.amount', operator: 'equal', value: 0 });
    for (const f of facts) expect(validCondition(newRule(f))).toBe(true);
  });

  it('keeps or reshapes the value when the operator changes', () => {
    const rule = newRule(fact('grading'));
    const inList = changeOperator(rule, 'in', grading);
    expect(inList.value).toEqual(['important']);
    expect(changeOperator(inList, 'equal', grading).value).toBe('important');
    const empty = changeOperator(rule, 'isEmpty', grading);
    expect('value' in empty).toBe(false);
    expect(validCondition(empty)).toBe(true);
    expect(changeOperator(empty, 'notEqual', grading).value).toBe('important');
  });

  it('restarts the value and keeps a fitting operator when the fact changes', () => {
    const rule = changeOperator(newRule(fact('amount')), 'notEqual', amount);
    const next = changeFact(rule, fact('grading'));
    expect(next).toEqual({ fact: 'grading', operator: 'notEqual', value: 'important' });
    const gt = changeOperator(newRule(fact('amount')), 'greaterThan', amount);
    expect(changeFact(gt, fact('grading')).operator).toBe('equal');
  });

  it('builds nested all/any/none groups addressed by path, with JSON pointers for issues', () => {
    let root = rootGroup(undefined);
    expect(toCondition(root)).toBeUndefined();
    root = appendChild(root, [], changeValue(changeOperator(newRule(fact('amount')), 'greaterThan', amount), 1_000_000));
    root = appendChild(root, [], { any: [] });
    root = appendChild(root, [1], newRule(fact('grading')));
    root = appendChild(root, [1], newRule(fact('tags')));
    root = setCombinator(root, [1], 'none');
    expect(toCondition(root)).toEqual({
      all: [
        { fact: 'amount', operator: 'greaterThan', value: 1_000_000 },
        { not: { any: [{ fact: 'grading', operator: 'equal', value: 'important' }, { fact: 'tags', operator: 'contains', value: 'a' }] } },
      ],
    });
    expect(validCondition(toCondition(root))).toBe(true);
    expect(nodePointer(root, [1, 1])).toBe('/all/1/not/any/1');
    expect((nodeAt(root, [1, 0]) as FactCondition).fact).toBe('grading');
    root = replaceNode(root, [1, 0], newRule(fact('amount')));
    expect((nodeAt(root, [1, 0]) as FactCondition).fact).toBe('amount');
    root = removeNode(root, [1, 1]);
    expect(childrenOf(nodeAt(root, [1]) as GroupCondition)).toHaveLength(1);
    root = setCombinator(root, [], 'any');
    expect(combinatorOf(root)).toBe('any');
    expect(toCondition(removeNode(removeNode(root, [1]), [0]))).toBeUndefined();
  });

  it('wraps a lone test so the builder always edits a group, and flags rules without a value', () => {
    const lone = { fact: 'grading', operator: 'in', value: [] } as FactCondition;
    const root = rootGroup(lone);
    expect(root).toEqual({ all: [lone] });
    expect(incompleteRules(root)).toEqual([[0]]);
  });
});
