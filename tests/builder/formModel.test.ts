import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../schemas/validator.js';
import { asDefinition, changedSince, formNamed, isDirty, overlay, upsert } from '../../builder/src/designer/model/definitionSet.js';
import { addField } from '../../builder/src/designer/model/entity.js';
import { deleteFieldInSet } from '../../builder/src/designer/model/fieldRemoval.js';
import { newField } from '../../builder/src/designer/model/fieldTypes.js';
import { addSection, addTab, placeField, removeSection, renameTab, setSpan, tabsOf, unplacedFields, unplaceField } from '../../builder/src/designer/model/form.js';
import { renameFieldInSet } from '../../builder/src/designer/model/fieldRename.js';
import { setRule } from '../../builder/src/designer/model/rules.js';
import { commit, redo, startHistory, undo } from '../../builder/src/designer/model/history.js';
import { targetOf } from '../../builder/src/designer/model/issues.js';
import { account, accountForm } from './fixtures.js';

const label = { 'zh-CN': '客户来源', en: 'Source' };

describe('form model', () => {
  it('lists unplaced fields and places one in the second section, at a position', () => {
    const entity = addField(account(), newField('select', 'source', label, { firstEntity: 'account' }));
    const form = accountForm();
    expect(unplacedFields(entity, form).map((f) => f.name)).toContain('source');
    const placed = placeField(form, 'source', 'contactInfo', 1);
    expect(placed.sections[1].fields.map((p) => p.field)).toEqual(['phone', 'source', 'website', 'address']);
    expect(unplacedFields(entity, placed).map((f) => f.name)).not.toContain('source');
    expect(validateDefinition(placed)).toEqual([]);
  });

  it('moves a placed field across sections keeping its span, and back to the palette', () => {
    const moved = placeField(accountForm(), 'address', 'basic', 0);
    expect(moved.sections[0].fields[0]).toEqual({ field: 'address', span: 2 });
    expect(moved.sections[1].fields.map((p) => p.field)).toEqual(['phone', 'website']);
    expect(placeField(moved, 'address', 'basic', 3).sections[0].fields[3].field).toBe('address');
    expect(unplaceField(moved, 'address').sections.flatMap((s) => s.fields).some((p) => p.field === 'address')).toBe(false);
    expect(setSpan(moved, 'address', undefined).sections[0].fields[0]).toEqual({ field: 'address' });
  });

  it('adds sections and tabs that keep the existing sections on the first tab', () => {
    const plain = { ...accountForm(), tabs: undefined, sections: accountForm().sections.slice(0, 2).map(({ tab: _t, ...s }) => s) };
    const { form, tab, section } = addTab(plain, { 'zh-CN': '更多', en: 'More' }, { 'zh-CN': '常规', en: 'General' });
    const tabs = tabsOf(form);
    expect(tabs.map((t) => t.sections.length)).toEqual([2, 1]);
    expect(tabs[1]).toMatchObject({ id: tab, sections: [{ id: section }] });
    expect(validateDefinition(form)).toEqual([]);
    const added = addSection(form, { 'zh-CN': '其他', en: 'Other' }).form;
    expect(removeSection(added, added.sections.at(-1)!.id).sections).toHaveLength(3);
  });

  it('deleting a field takes it out of forms and their rules', () => {
    const set = [asDefinition(account()), asDefinition(accountForm())];
    const next = deleteFieldInSet(set, 'account', 'industry', new Set(account().fields.map((f) => f.name)));
    const form = formNamed(next, 'accountDefault')!;
    expect(form.sections.flatMap((s) => s.fields).some((p) => p.field === 'industry')).toBe(false);
    expect(form.rules).toBeUndefined();
  });
});

describe('working draft', () => {
  it('overlays drafts on the published set and reports what changed', () => {
    const published = [asDefinition(account()), asDefinition(accountForm())];
    const edited = { ...account(), label: { 'zh-CN': '客户', en: 'Customer' } };
    const set = overlay(published, [{ kind: 'entity', name: 'account', definition: asDefinition(edited) }, { kind: 'form', name: 'accountDefault', definition: null }]);
    expect(set).toHaveLength(1);
    expect(set[0].label).toEqual(edited.label);
    const changed = upsert(published, asDefinition(edited));
    expect(changedSince(changed, published).map((d) => d.name)).toEqual(['account']);
    expect(isDirty(changed, published)).toBe(true);
    expect(isDirty(upsert(published, asDefinition(account())), published)).toBe(false);
  });

  it('undoes and redoes whole snapshots; a new edit drops the redo branch', () => {
    let h = startHistory(1);
    h = commit(commit(h, 2), 3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    expect(redo(h).present).toBe(2);
    h = commit(redo(h), 5);
    expect(h).toEqual({ past: [1, 2], present: 5, future: [] });
    expect(undo(startHistory(0))).toEqual(startHistory(0));
  });

  it('finds the item a validation path points at', () => {
    const set = [asDefinition(account()), asDefinition(accountForm())];
    expect(targetOf('/entity/account/fields/1/label', set)).toEqual({ kind: 'entity', name: 'account', field: 'grading', rest: '/fields/1/label' });
    expect(targetOf('/form/accountDefault/sections/1/fields/0/field', set)).toMatchObject({ section: 'contactInfo', field: 'phone' });
    expect(targetOf('/form/accountDefault/rules/0/when/fact', set)).toMatchObject({ field: 'industry' });
    expect(targetOf('/', set)).toBeNull();
  });
});

describe('renaming and tabs', () => {
  it('renames an unpublished field in its forms and rules too; a published one is refused', () => {
    const entity = addField(account(), newField('select', 'sourc', label, { firstEntity: 'account' }));
    let form = placeField(accountForm(), 'sourc', 'basic', 0);
    form = setRule(form, 'website', 'visible', { any: [{ fact: 'sourc', operator: 'equal', value: 'option1' }] });
    const published = new Set(account().fields.map((f) => f.name));
    const next = renameFieldInSet([asDefinition(entity), asDefinition(form)], 'account', 'sourc', 'leadSource', published);
    const renamed = formNamed(next, 'accountDefault')!;
    expect(renamed.sections[0].fields[0]).toEqual({ field: 'leadSource' });
    expect(renamed.rules?.at(-1)?.when).toEqual({ any: [{ fact: 'leadSource', operator: 'equal', value: 'option1' }] });
    expect(validateDefinition(renamed)).toEqual([]);
    expect(() => renameFieldInSet(next, 'account', 'grading', 'level', published)).toThrow(/fixed/);
  });

  it('renames a tab', () => {
    const form = renameTab(accountForm(), 'related', { 'zh-CN': '关联', en: 'Linked' });
    expect(form.tabs?.[1].label.en).toBe('Linked');
    expect(form.tabs?.[0]).toEqual(accountForm().tabs?.[0]);
  });
});
