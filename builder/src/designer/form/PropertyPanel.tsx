/** Properties of what is selected on the canvas: a placed field (span, rules) or a section (label, columns, tab). */
import { Empty } from 'antd';
import { useDesignerText } from '../i18n.js';
import { FieldProperties } from './FieldProperties.js';
import { SectionProperties } from './SectionProperties.js';
import { useFormEdit } from './useFormEdit.js';

interface Props {
  formName: string;
  selection: { field?: string; section?: string };
  onSelect(sel: { field?: string; section?: string }): void;
}

export function PropertyPanel({ formName, selection, onSelect }: Props) {
  const { t } = useDesignerText();
  const { form, entity } = useFormEdit(formName);
  if (!form || !entity) return null;
  if (selection.field && entity.fields.some((f) => f.name === selection.field && !f.archived)) {
    return <FieldProperties key={selection.field} formName={formName} field={selection.field} />;
  }
  if (selection.section && form.sections.some((s) => s.id === selection.section)) {
    return <SectionProperties key={selection.section} formName={formName} sectionId={selection.section} onDeleted={() => onSelect({})} />;
  }
  return <Empty description={t('selectItem')} />;
}
