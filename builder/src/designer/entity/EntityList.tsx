/** The tenant's entities by label; a new custom entity starts here. */
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { localize } from '../../../../runtime/ui/labels.js';
import { useDesignerText } from '../i18n.js';
import { entitiesOf } from '../model/definitionSet.js';
import { useDesigner } from '../state/DesignerContext.js';
import { NewEntityDialog } from './NewEntityDialog.js';

export function EntityList() {
  const { t, locale } = useDesignerText();
  const { draft, selection, select } = useDesigner();
  const [creating, setCreating] = useState(false);
  return (
    <nav aria-label={t('entities')}>
      <div className="sd-pane-title">
        {t('entities')}
        <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('newEntity')}</Button>
      </div>
      {entitiesOf(draft.set).map((e) => (
        <button key={e.name} type="button" className="sd-entity-item" aria-current={selection.entity === e.name}
          onClick={() => select({ area: 'entities', entity: e.name })}>
          {localize(e.label, locale, e.name)}
        </button>
      ))}
      <NewEntityDialog open={creating} onClose={() => setCreating(false)} />
    </nav>
  );
}
