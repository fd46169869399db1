/** Archived fields keep their data; Restore brings one back (it can then be placed on forms again). */
import { Button, Collapse, Empty, List } from 'antd';
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
    <Collapse style={{ marginTop: 12 }} size="small" items={[{
      key: 'archived',
      label: `${t('archivedFields')} (${archived.length})`,
      children: archived.length === 0 ? <Empty description={t('noArchived')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <List size="small" header={t('archivedHelp')} dataSource={archived} renderItem={(f) => (
          <List.Item actions={[<Button key="restore" size="small" onClick={() => change((e) => restoreField(e, f.name))}>{t('restore')}</Button>]}>
            {localize(f.label, locale, f.name)} <code>{f.name}</code>
          </List.Item>
        )} />
      ),
    }]} />
  );
}
