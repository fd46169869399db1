/** The form as it will be laid out: tabs, and in each its sections with their fields. */
import { useDroppable } from '@dnd-kit/core';
import type { FormDefinition } from '../../../../schemas/form.js';
import { useDesignerText } from '../i18n.js';
import { tabsOf } from '../model/form.js';
import { CANVAS, sectionContainer, type Items } from './dndIds.js';
import type { FieldInfo } from './fieldInfo.js';
import { SectionContainer } from './SectionContainer.js';

interface Props {
  form: FormDefinition;
  items: Items;
  info(name: string): FieldInfo;
  selection: { field?: string; section?: string };
  onSelect(sel: { field?: string; section?: string }): void;
}

export function Canvas({ form, items, info, selection, onSelect }: Props) {
  const { locale } = useDesignerText();
  const { setNodeRef } = useDroppable({ id: CANVAS });
  return (
    <div ref={setNodeRef} aria-label="canvas" style={{ minHeight: '100%' }}>
      {tabsOf(form).map((tab) => (
        <div key={tab.id || 'main'}>
          {tab.label && <div className="sd-tab-title">▸ {tab.label[locale]}</div>}
          {tab.sections.map((section) => (
            <SectionContainer key={section.id} section={section} fields={items[sectionContainer(section.id)] ?? []} info={info} selection={selection}
              onSelectSection={() => onSelect({ section: section.id })} onSelectField={(field) => onSelect({ field })} />
          ))}
        </div>
      ))}
    </div>
  );
}
