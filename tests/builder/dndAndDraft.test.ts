import { describe, expect, it } from 'vitest';
import { designerText } from '../../builder/src/designer/i18n.js';
import { asDefinition, entityNamed, isDirty, upsert } from '../../builder/src/designer/model/definitionSet.js';
import { addField } from '../../builder/src/designer/model/entity.js';
import { newField } from '../../builder/src/designer/model/fieldTypes.js';
import { announcements } from '../../builder/src/designer/form/announcements.js';
import { containerOf, itemsOf, PALETTE, sectionContainer } from '../../builder/src/designer/form/dndIds.js';
import { draftReducer, fromAnswer } from '../../builder/src/designer/state/useWorkingDraft.js';
import { account, accountForm } from './fixtures.js';

const source = newField('select', 'leadSource', { 'zh-CN': '客户来源', en: 'Lead source' }, { firstEntity: 'account' });

describe('form canvas containers', () => {
  it('puts unplaced fields in the palette and each section in its own container', () => {
    const items = itemsOf(addField(account(), source), accountForm());
    expect(items[PALETTE]).toEqual(['leadSource']);
    expect(items[sectionContainer('contactInfo')]).toEqual(['phone', 'website', 'address']);
    expect(containerOf(items, 'website')).toBe(sectionContainer('contactInfo'));
    expect(containerOf(items, PALETTE)).toBe(PALETTE);
    expect(containerOf(items, 'nothing')).toBeUndefined();
  });
});

describe('screen-reader announcements', () => {
  const items = itemsOf(addField(account(), source), accountForm());
  const names = { item: (id: string) => (id === 'leadSource' ? '客户来源' : id), container: (id: string) => (id === sectionContainer('contactInfo') ? '联系方式' : id) };
  const active = { id: 'leadSource' } as never;

  it('says where a field goes, by label and position, in Chinese', () => {
    const a = announcements((k, v) => designerText('zh-CN', k, v), names, () => items);
    expect(a.onDragStart({ active })).toBe('已拿起 客户来源。');
    expect(a.onDragOver({ active, over: { id: 'website' } } as never)).toBe('客户来源 移到 联系方式 的第 2 位。');
    expect(a.onDragEnd({ active, over: { id: 'website' } } as never)).toBe('客户来源 已放入 联系方式 的第 2 位。');
    expect(a.onDragEnd({ active, over: null } as never)).toBe('客户来源 已放下，未移动。');
  });

  it('and in English', () => {
    const a = announcements((k, v) => designerText('en', k, v), names, () => items);
    expect(a.onDragOver({ active, over: { id: 'website' } } as never)).toBe('客户来源 moved to position 2 of 联系方式.');
    expect(a.onDragCancel({ active } as never)).toBe('Dragging cancelled; 客户来源 is back where it was.');
  });
});

describe('working draft state', () => {
  const answer = { version: 3, published: [asDefinition(account()), asDefinition(accountForm())], drafts: [] };

  it('edits, undoes and redoes the whole set, and tracks what is unsaved', () => {
    let state = fromAnswer(answer);
    const add = (set: typeof state.saved) => upsert(set, asDefinition(addField(entityNamed(set, 'account')!, source)));
    state = draftReducer(state, { type: 'edit', change: add });
    expect(isDirty(state.history.present, state.saved)).toBe(true);
    state = draftReducer(state, { type: 'undo' });
    expect(entityNamed(state.history.present, 'account')!.fields.some((f) => f.name === 'leadSource')).toBe(false);
    expect(isDirty(state.history.present, state.saved)).toBe(false);
    state = draftReducer(state, { type: 'redo' });
    state = draftReducer(state, { type: 'saved', set: state.history.present });
    expect(isDirty(state.history.present, state.saved)).toBe(false);
    expect(state.base).toBe(3);
  });
});
