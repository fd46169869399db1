/** Archived fields keep their data; Restore brings one back (it can then be placed on forms again). */
import { Button, Typography } from 'antd';
import type { EntityDefinition } from '../../../../schemas/entity.js';
import { localize } from '../../../../runtime/ui/labels.js';
import { useDesignerText } from '../i18n.js';
import { archivedFields, restoreField } from '../model/entity.js';
import { useEntityEdit } from '../state/useEntityEdit.js';

export function ArchivedFields({ entity }: { entity: EntityDefinition }) {
  const { t, locale } = useDesignerText();
  const { change } = useEntityEdit(entity.name);
  const archived = archivedFields(entity);
  return (
    <details className="sd-section" style={{ marginTop: 12 }} data-testid="archived-fields">
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>{t('archivedFields')} ({archived.length})</summary>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>{archived.length ? t('archivedHelp') : t('noArchived')}</Typography.Paragraph>
      {archived.map((f) => (
        <div key={f.name} className="sd-field-row" data-archived={f.name}>
          <span className="sd-grow">{localize(f.label, locale, f.name)} <code>{f.name}</code></span>
          <Button size="small" onClick={() => change((e) => restoreField(e, f.name))}>{t('restore')}</Button>
        </div>
      ))}
    </details>
  );
}
