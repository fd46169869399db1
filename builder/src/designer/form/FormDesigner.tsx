/** The form designer: palette, canvas (or live preview) and the property panel, in one drag-and-drop context. */
import { DndContext, DragOverlay, KeyboardSensor, MeasuringStrategy, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import type { SearchLookup } from '../../../../runtime/ui/types.js';
import { useDesignerText } from '../i18n.js';
import { addSection, addTab, moveSection, updateSection } from '../model/form.js';
import { useDesigner } from '../state/DesignerContext.js';
import { announcements } from './announcements.js';
import { Canvas } from './Canvas.js';
import { PALETTE, sectionIdOf, type BlockKind } from './dndIds.js';
import { FieldChip } from './FieldChip.js';
import { fieldInfo } from './fieldInfo.js';
import { FormPreview } from './FormPreview.js';
import { Palette } from './Palette.js';
import { PropertyPanel } from './PropertyPanel.js';
import { useFormDnd } from './useFormDnd.js';
import { useFormEdit } from './useFormEdit.js';
import type { ReactNode } from 'react';

export function FormDesigner({ formName, searchLookup, picker }: { formName: string; searchLookup: SearchLookup; picker: ReactNode }) {
  const { t, locale } = useDesignerText();
  const { selection, select } = useDesigner();
  const { form, entity, change } = useFormEdit(formName);
  const [mode, setMode] = useState<'design' | 'preview'>('design');
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click still selects.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onBlock = (kind: BlockKind, after: string | null) => change((f) => {
    const afterIndex = after ? f.sections.findIndex((s) => s.id === after) : -1;
    const tab = afterIndex >= 0 ? f.sections[afterIndex].tab : undefined;
    if (kind === 'tab') return addTab(f, { 'zh-CN': '新标签页', en: 'New tab' }, { 'zh-CN': '详细信息', en: 'Details' }).form;
    const added = addSection(f, { 'zh-CN': '新分区', en: 'New section' }, tab);
    const columns = Number(kind.slice(-1));
    const withColumns = updateSection(added.form, added.id, { columns });
    return afterIndex >= 0 ? moveSection(withColumns, added.id, afterIndex + 1) : withColumns;
  });

  const dnd = useFormDnd({ entity: entity!, form: form!, change, onBlock });
  const info = useMemo(() => (entity && form ? fieldInfo(entity, form, locale) : () => ({ label: '', typeName: '' })), [entity, form, locale]);
  const accessibility = useMemo(() => ({
    announcements: announcements(t, {
      item: (id) => info(id).label,
      container: (id) => (id === PALETTE ? t('unplacedFields') : form?.sections.find((s) => s.id === sectionIdOf(id))?.label[locale] ?? id),
    }, () => dnd.itemsRef.current),
    screenReaderInstructions: { draggable: t('dndInstructions') },
  }), [t, info, form, locale, dnd.itemsRef]);
  if (!form || !entity) return null;

  const sel = selection.form === formName ? { field: selection.field, section: selection.section } : {};
  const onSelect = (s: { field?: string; section?: string }) => select({ area: 'forms', entity: entity.name, form: formName, ...s });

  return (
    <DndContext sensors={sensors} collisionDetection={dnd.collisionDetection} measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      onDragStart={dnd.onDragStart} onDragOver={dnd.onDragOver} onDragEnd={dnd.onDragEnd} onDragCancel={dnd.onDragCancel} accessibility={accessibility}>
      <aside className="sd-pane sd-list-pane" aria-label={t('palette')}>
        {picker}
        <Palette fields={dnd.items[PALETTE] ?? []} info={info} onAddBlock={(kind) => onBlock(kind, null)} />
      </aside>
      <main className="sd-pane sd-main-pane">
        <Segmented style={{ marginBottom: 10 }} value={mode} onChange={setMode}
          options={[{ value: 'design', label: t('design') }, { value: 'preview', label: t('livePreview') }]} />
        {mode === 'design'
          ? <Canvas form={form} items={dnd.items} info={info} selection={sel} onSelect={onSelect} />
          : <FormPreview entity={entity} form={form} searchLookup={searchLookup} />}
      </main>
      <aside className="sd-pane sd-side-pane" aria-label={t('properties')}>
        <PropertyPanel formName={formName} selection={sel} onSelect={onSelect} />
      </aside>
      <DragOverlay>
        {dnd.activeId && !dnd.activeId.startsWith('block:') ? <FieldChip className="sd-overlay" {...info(dnd.activeId)} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
