import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../schemas/validator.js';
import { suggestApiName } from '../../builder/src/designer/model/apiName.js';
import { addField, archivedFields, deleteField, DesignError, moveField, newEntity, restoreField, updateField } from '../../builder/src/designer/model/entity.js';
import { changeType, FIELD_TYPES, newField } from '../../builder/src/designer/model/fieldTypes.js';
import { addOption, moveOption, optionProblems, removeOption, updateOption } from '../../builder/src/designer/model/options.js';
import { account } from './fixtures.js';

const label = { 'zh-CN': '客户来源', en: 'Source' };
const ctx = { firstEntity: 'account' };

describe('entity model', () => {
  it('creates a custom entity that the server schema accepts', () => {
    const e = newEntity('visitLog', { 'zh-CN': '拜访记录', en: 'Visit log' }, { 'zh-CN': '主题', en: 'Subject' });
    expect(validateDefinition(e)).toEqual([]);
    expect(() => newEntity('Visit log', label, label)).toThrow(DesignError);
  });

  it('makes a valid new field of every one of the 19 types', () => {
    expect(FIELD_TYPES).toHaveLength(19);
    let e = account();
    for (const type of FIELD_TYPES) e = addField(e, newField(type, `x${type[0].toUpperCase()}${type.slice(1)}`, label, ctx));
    expect(validateDefinition(e)).toEqual([]);
  });

  it('refuses a duplicate or malformed API name, including the name of an archived field', () => {
    const e = deleteField(addField(account(), newField('text', 'source', label, ctx)), 'grading', new Set(['grading']));
    expect(() => addField(e, newField('text', 'source', label, ctx))).toThrow(/exists/);
    expect(() => addField(e, newField('text', 'grading', label, ctx))).toThrow(/exists/);
    expect(() => addField(e, newField('text', '9lives', label, ctx))).toThrow(/API name/);
  });

  it('fixes the API name of a published field but lets its label change', () => {
    const e = account();
    const grading = e.fields.find((f) => f.name === 'grading')!;
    const published = new Set(e.fields.map((f) => f.name));
    expect(() => updateField(e, 'grading', { ...grading, name: 'level' }, published)).toThrow(/fixed/);
    const relabelled = updateField(e, 'grading', { ...grading, label: { 'zh-CN': '等级', en: 'Level' } }, published);
    expect(relabelled.fields.find((f) => f.name === 'grading')?.label.en).toBe('Level');
    const added = addField(e, newField('text', 'sourc', label, ctx));
    expect(updateField(added, 'sourc', { ...newField('text', 'source', label, ctx) }, published).fields.some((f) => f.name === 'source')).toBe(true);
  });

  it('archives a published field (restorable) and removes an unpublished one', () => {
    const e = addField(account(), newField('text', 'source', label, ctx));
    const published = new Set(account().fields.map((f) => f.name));
    const archived = deleteField(e, 'industry', published);
    expect(archivedFields(archived).map((f) => f.name)).toEqual(['industry']);
    expect(archived.fields).toHaveLength(e.fields.length);
    expect(restoreField(archived, 'industry').fields.find((f) => f.name === 'industry')).not.toHaveProperty('archived');
    expect(deleteField(e, 'source', published).fields.some((f) => f.name === 'source')).toBe(false);
    expect(() => deleteField(e, 'name', published)).toThrow(/title/);
  });

  it('reorders fields', () => {
    const e = moveField(account(), 'industry', 0);
    expect(e.fields[0].name).toBe('industry');
    expect(moveField(e, 'industry', 99).fields.at(-1)?.name).toBe('industry');
  });

  it('changes a type keeping shared properties and resetting the rest', () => {
    const text = { ...newField('text', 'source', label, ctx), required: true, maxLength: 10 } as const;
    const select = changeType(text, 'select', ctx);
    expect(select).toMatchObject({ type: 'select', required: true, name: 'source' });
    expect(select).not.toHaveProperty('maxLength');
    expect(validateDefinition(addField(account(), select))).toEqual([]);
  });

  it('edits select options: add, label, colour, reorder, remove, with problems reported', () => {
    let options = addOption([{ value: 'web', label: { 'zh-CN': '官网', en: 'Web' } }]);
    options = updateOption(options, 1, { value: 'fair', label: { 'zh-CN': '展会', en: 'Trade fair' }, color: '#ff0000' });
    options = moveOption(addOption(options), 2, 0);
    expect(options.map((o) => o.value)).toEqual(['option3', 'web', 'fair']);
    expect(updateOption(options, 2, { color: '' })[2]).not.toHaveProperty('color');
    expect(removeOption(removeOption(removeOption(options, 0), 0), 0)).toHaveLength(1);
    expect([...optionProblems([...options, { value: 'web', label: { 'zh-CN': 'x', en: 'y' } }, { value: 'a b', label: { 'zh-CN': 'x', en: 'y' } }])])
      .toEqual([[3, 'duplicateValue'], [4, 'badValue']]);
  });

  it('suggests API names from English labels', () => {
    expect(suggestApiName('Lead source', new Set())).toBe('leadSource');
    expect(suggestApiName('Lead source', new Set(['leadSource']))).toBe('leadSource2');
    expect(suggestApiName('客户来源', new Set(['field']))).toBe('field2');
  });
});
