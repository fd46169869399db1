/** The form as it will be laid out: tabs, and in each its sections with their fields. */
import { useDroppable } from '@dnd-kit/core';
import { useDesigner } from '../state/DesignerContext.js';
import { targetOf } from '../model/issues.js';
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
  const { issues, draft } = useDesigner();
  // The last validation's errors about this form, shown at their section or field.
  const mine = issues.flatMap((issue) => {
    const target = targetOf(issue.path, draft.set);
    return target?.kind === 'form' && target.name === form.name ? [{ issue, target }] : [];
  });
  return (
    <div ref={setNodeRef} aria-label="canvas" style={{ minHeight: '100%' }}>
      {tabsOf(form).map((tab) => (
        <div key={tab.id || 'main'}>
          {tab.label && <div className="sd-tab-title">▸ {tab.label[locale]}</div>}
          {tab.sections.map((section) => (
            <SectionContainer key={section.id} section={section} fields={items[sectionContainer(section.id)] ?? []} info={info} selection={selection}
              issues={mine.filter((m) => m.target.section === section.id || (m.target.field && (items[sectionContainer(section.id)] ?? []).includes(m.target.field))).map((m) => m.issue)}
              onSelectSection={() => onSelect({ section: section.id })} onSelectField={(field) => onSelect({ field })} />
          ))}
        </div>
      ))}
    </div>
  );
}
