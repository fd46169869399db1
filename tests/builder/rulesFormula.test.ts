import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../schemas/validator.js';
import type { FieldOf } from '../../schemas/entity.js';
import { fieldStates } from '../../runtime/rules/formRules.js';
import { addField } from '../../builder/src/designer/model/entity.js';
import { checkFormula, sampleRecord } from '../../builder/src/designer/model/formula.js';
import {
  addChild, asGroup, newFactCondition, operatorsFor, removeChild, replaceChild, ruleFor, setMode, setRule, updateGroupAt, withOperator,
} from '../../builder/src/designer/model/rules.js';
import { account, accountForm } from './fixtures.js';

const field = (name: string) => account().fields.find((f) => f.name === name)!;

describe('rules and the condition editor model', () => {
  it('writes a json-rules-engine condition the schema accepts and the renderer applies', () => {
    const grading = field('grading');
    let group = asGroup(newFactCondition(grading));
    expect(group).toEqual({ all: [{ fact: 'grading', operator: 'equal', value: 'important' }] });
    const form = setRule(accountForm(), 'website', 'required', group);
    expect(validateDefinition(form)).toEqual([]);
    const states = fieldStates(account().fields, form.rules, { grading: 'important' });
    expect(states.get('website')?.required).toBe(true);
    expect(fieldStates(account().fields, form.rules, { grading: 'normal' }).get('website')?.required).toBe(false);
    group = setMode(addChild(group, { fact: 'employees', operator: 'greaterThan', value: 100 }), 'any');
    expect(ruleFor(setRule(form, 'website', 'required', group), 'website', 'required')?.when).toEqual({
      any: [{ fact: 'grading', operator: 'equal', value: 'important' }, { fact: 'employees', operator: 'greaterThan', value: 100 }],
    });
    expect(setRule(form, 'website', 'required', null).rules).toEqual(accountForm().rules);
    expect(setRule(setRule(accountForm(), 'industry', 'required', null), 'x', 'visible', null)).not.toHaveProperty('rules');
  });

  it('edits nested groups by path', () => {
    const root = { all: [{ fact: 'grading', operator: 'equal' as const, value: 'important' }, { any: [] }] };
    const next = updateGroupAt(root, [1], (g) => addChild(g, { fact: 'region', operator: 'isEmpty' }));
    expect(next).toEqual({ all: [root.all[0], { any: [{ fact: 'region', operator: 'isEmpty' }] }] });
    expect(removeChild(replaceChild(next, 0, { fact: 'name', operator: 'isNotEmpty' }), 1)).toEqual({ all: [{ fact: 'name', operator: 'isNotEmpty' }] });
  });

  it('offers operators by field type and keeps values typed', () => {
    expect(operatorsFor(field('employees'))).toContain('greaterThan');
    expect(operatorsFor(field('grading'))).not.toContain('greaterThan');
    const c = newFactCondition(field('grading'));
    expect(withOperator(c, field('grading'), 'in')).toEqual({ fact: 'grading', operator: 'in', value: [] });
    expect(withOperator(c, field('grading'), 'isEmpty')).toEqual({ fact: 'grading', operator: 'isEmpty' });
    expect(withOperator(c, field('grading'), 'notEqual')).toEqual({ fact: 'grading', operator: 'notEqual', value: 'important' });
  });
});

describe('formula check and preview', () => {
  const entity = addField(account(), { name: 'score', type: 'formula', label: { 'zh-CN': '分', en: 'Score' }, expression: 'employees * 2', resultType: 'number' });
  const formula = (expression: string, resultType: FieldOf<'formula'>['resultType'] = 'number'): FieldOf<'formula'> =>
    ({ name: 'score', type: 'formula', label: { 'zh-CN': '分', en: 'Score' }, expression, resultType });

  it('previews a valid formula on a sample record', () => {
    const sample = { ...sampleRecord(entity), employees: 21 };
    expect(checkFormula(entity, formula('employees * 2'), sample)).toMatchObject({ ok: true, type: 'number', preview: 42, dependencies: ['employees'] });
  });

  it('reports syntax, unknown fields, self-reference and result type with positions', () => {
    expect(checkFormula(entity, formula('employees *'), {})).toMatchObject({ ok: false });
    const unknown = checkFormula(entity, formula('employes * 2'), {});
    expect(unknown).toMatchObject({ ok: false, position: 0, end: 8 });
    expect(unknown.ok === false && unknown.message).toMatch(/did you mean|unknown field/);
    expect(checkFormula(entity, formula('score + 1'), {})).toMatchObject({ ok: false });
    expect(checkFormula(entity, formula('name', 'number'), {})).toMatchObject({ ok: false });
  });
});
