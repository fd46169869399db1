/** Picks the entity and its form to design (creating a form when the entity has none). */
import { Button, Empty, Select } from 'antd';
import type { SearchLookup } from '../../../../runtime/ui/types.js';
import { localize } from '../../../../runtime/ui/labels.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';
import { asDefinition, entitiesOf, entityNamed, formsOf, upsert } from '../model/definitionSet.js';
import { newForm } from '../model/form.js';
import { useDesigner } from '../state/DesignerContext.js';
import { FormDesigner } from './FormDesigner.js';

export function FormsArea({ searchLookup }: { searchLookup: SearchLookup }) {
  const { t, locale } = useDesignerText();
  const { draft, selection, select } = useDesigner();
  const entities = entitiesOf(draft.set);
  const entityName = selection.entity && entityNamed(draft.set, selection.entity) ? selection.entity : entities[0]?.name;
  const forms = entityName ? formsOf(draft.set, entityName) : [];
  const formName = forms.find((f) => f.name === selection.form)?.name ?? forms[0]?.name;

  const picker = (
    <>
      <Labeled id="fd-entity" label={t('entities')}>
        <Select id="fd-entity" style={{ width: '100%' }} value={entityName} showSearch optionFilterProp="label"
          onChange={(entity) => select({ area: 'forms', entity })}
          options={entities.map((e) => ({ value: e.name, label: localize(e.label, locale, e.name) }))} />
      </Labeled>
      {forms.length > 1 && (
        <Labeled id="fd-form" label={t('form')}>
          <Select id="fd-form" style={{ width: '100%' }} value={formName} onChange={(form) => select({ area: 'forms', entity: entityName, form })}
            options={forms.map((f) => ({ value: f.name, label: localize(f.label, locale, f.name) }))} />
        </Labeled>
      )}
    </>
  );

  if (!entityName || !formName) {
    const entity = entityName ? entityNamed(draft.set, entityName) : undefined;
    return (
      <>
        <aside className="sd-pane sd-list-pane">{picker}</aside>
        <main className="sd-pane sd-main-pane">
          <Empty description={t('noForm')}>
            {entity && <Button type="primary" onClick={() => draft.edit((set) => upsert(set, asDefinition(newForm(`${entity.name}Default`, entity))))}>{t('createForm')}</Button>}
          </Empty>
        </main>
      </>
    );
  }
  return <FormDesigner key={formName} formName={formName} searchLookup={searchLookup} picker={picker} />;
}
