/** The entity's active fields in order: select one to edit, move it, or delete it (archive when published). */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import type { EntityDefinition } from '../../../../schemas/entity.js';
import { localize } from '../../../../runtime/ui/labels.js';
import { fieldTypeName, useDesignerText } from '../i18n.js';
import { activeFields, moveField } from '../model/entity.js';
import { deleteFieldInSet } from '../model/fieldRemoval.js';
import { issuesAt } from '../model/issues.js';
import { useDesigner } from '../state/DesignerContext.js';
import { useEntityEdit } from '../state/useEntityEdit.js';

export function FieldList({ entity }: { entity: EntityDefinition }) {
  const { t, locale } = useDesignerText();
  const { selection, select, publishedFields, issues, draft } = useDesigner();
  const { change, editSet } = useEntityEdit(entity.name);
  const published = publishedFields(entity.name);
  const fields = activeFields(entity);
  // Positions are among all fields, archived ones included, so moving past an archived field works.
  const positionOf = (name: string) => entity.fields.findIndex((f) => f.name === name);

  return (
    <div role="listbox" aria-label={t('fields')}>
      {fields.map((f, i) => {
        const label = localize(f.label, locale, f.name);
        const problems = issuesAt(issues, draft.set, 'entity', entity.name, f.name);
        return (
          <div key={f.name} role="option" className="sd-field-row" aria-selected={selection.field === f.name} data-field={f.name}
            onClick={() => select({ area: 'entities', entity: entity.name, field: f.name })}>
            <span className="sd-grow">
              <strong>{label}</strong> <code style={{ color: '#8c8c8c' }}>{f.name}</code>
              {problems.length > 0 && <div className="sd-issue">{problems.map((p) => p.message).join('; ')}</div>}
            </span>
            <Tag>{fieldTypeName(locale, f.type)}</Tag>
            {entity.titleField === f.name && <Tag color="blue">{t('titleField')}</Tag>}
            {f.required && <Tag color="red">{t('required')}</Tag>}
            {!published.has(f.name) && <Tag color="gold">{t('draft')}</Tag>}
            <Button size="small" type="text" title={t('moveUp')} aria-label={`${t('moveUp')} ${label}`} disabled={i === 0}
              onClick={(e) => { e.stopPropagation(); change((en) => moveField(en, f.name, positionOf(fields[i - 1].name))); }}>↑</Button>
            <Button size="small" type="text" title={t('moveDown')} aria-label={`${t('moveDown')} ${label}`} disabled={i === fields.length - 1}
              onClick={(e) => { e.stopPropagation(); change((en) => moveField(en, f.name, positionOf(fields[i + 1].name))); }}>↓</Button>
            <Popconfirm title={published.has(f.name) ? t('confirmArchive') : t('confirmRemove')} okText={t('ok')} cancelText={t('cancel')}
              onConfirm={() => editSet((set) => deleteFieldInSet(set, entity.name, f.name, published))}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('delete')} ${label}`} disabled={entity.titleField === f.name}
                onClick={(e) => e.stopPropagation()} />
            </Popconfirm>
          </div>
        );
      })}
    </div>
  );
}
