/** One section on the canvas: a drop area whose fields sort in its grid of columns. */
import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import type { FormSection } from '../../../../schemas/form.js';
import { useDesignerText } from '../i18n.js';
import { sectionContainer } from './dndIds.js';
import { SortableField } from './SortableField.js';
import type { FieldInfo } from './fieldInfo.js';
import type { Issue } from '../model/issues.js';

interface Props {
  section: FormSection;
  fields: string[];
  info: (name: string) => FieldInfo;
  selection: { field?: string; section?: string };
  issues: readonly Issue[];
  onSelectSection(): void;
  onSelectField(name: string): void;
}

export function SectionContainer({ section, fields, info, selection, issues, onSelectSection, onSelectField }: Props) {
  const { t, locale } = useDesignerText();
  const id = sectionContainer(section.id);
  const { setNodeRef, isOver } = useDroppable({ id });
  const columns = section.columns ?? 1;
  const spans = new Map(section.fields.map((p) => [p.field, p.span]));
  return (
    <section className={`sd-section${isOver ? ' sd-section-over' : ''}`} aria-selected={selection.section === section.id} data-section={section.id}
      aria-label={section.label[locale]}>
      <div className="sd-section-head" onClick={onSelectSection} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onSelectSection()}>
        {section.label[locale]} <span style={{ fontWeight: 400, color: '#8c8c8c', fontSize: 12 }}>{columns} × · {section.id}</span>
      </div>
      {issues.map((i) => <div key={i.path} className="sd-issue" role="alert"><code>{i.path}</code> {i.message}</div>)}
      {section.relatedList ? (
        <div className="sd-section-empty">{section.relatedList.label?.[locale] ?? section.relatedList.entity}</div>
      ) : (
        <SortableContext id={id} items={fields} strategy={rectSortingStrategy}>
          <div ref={setNodeRef} className="sd-section-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
            {fields.map((name) => (
              <SortableField key={name} id={name} {...info(name)} span={Math.min(spans.get(name) ?? 1, columns)} selected={selection.field === name}
                onSelect={() => onSelectField(name)} />
            ))}
            {fields.length === 0 && <div className="sd-section-empty">{t('emptySection')}</div>}
          </div>
        </SortableContext>
      )}
    </section>
  );
}
