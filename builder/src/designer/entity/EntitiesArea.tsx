/** Entity designer: the entity list, the selected entity's fields, and the selected field's properties. */
import { Empty } from 'antd';
import type { SearchLookup } from '../../../../runtime/ui/types.js';
import { useDesignerText } from '../i18n.js';
import { useDesigner } from '../state/DesignerContext.js';
import { EntityDesigner } from './EntityDesigner.js';
import { EntityList } from './EntityList.js';
import { FieldEditor } from './FieldEditor.js';

export function EntitiesArea(_props: { searchLookup: SearchLookup }) {
  const { t } = useDesignerText();
  const { selection } = useDesigner();
  return (
    <>
      <aside className="sd-pane sd-list-pane"><EntityList /></aside>
      <main className="sd-pane sd-main-pane">{selection.entity && <EntityDesigner key={selection.entity} name={selection.entity} />}</main>
      <aside className="sd-pane sd-side-pane" aria-label={t('properties')}>
        {selection.entity && selection.field
          ? <FieldEditor key={`${selection.entity}.${selection.field}`} entityName={selection.entity} fieldName={selection.field} />
          : <Empty description={t('selectField')} />}
      </aside>
    </>
  );
}
