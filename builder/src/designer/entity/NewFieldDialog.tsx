/** Adds a field of any type: type, labels in both languages, and its API name (suggested from the English label). */
import type { FieldType } from '../../../../schemas/entity.js';
import { Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { isApiName, suggestApiName } from '../model/apiName.js';
import { addField } from '../model/entity.js';
import { childOf, FIELD_TYPES, newField } from '../model/fieldTypes.js';
import { entitiesOf } from '../model/definitionSet.js';
import { fieldTypeName, useDesignerText } from '../i18n.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesigner } from '../state/DesignerContext.js';
import { useEntityEdit } from '../state/useEntityEdit.js';

export function NewFieldDialog({ entityName, open, onClose }: { entityName: string; open: boolean; onClose(): void }) {
  const { t, locale } = useDesignerText();
  const { draft, select } = useDesigner();
  const { entity, change } = useEntityEdit(entityName);
  const [type, setType] = useState<FieldType>('text');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [name, setName] = useState('');
  const taken = new Set(entity?.fields.map((f) => f.name) ?? []);
  const apiName = name || suggestApiName(en, taken);
  const problem = !isApiName(apiName) ? t('apiNameInvalid') : taken.has(apiName) ? t('apiNameTaken') : undefined;
  const ready = !problem && zh.trim() && en.trim();

  const add = () => {
    const entities = entitiesOf(draft.set);
    const firstEntity = entities.find((e) => e.name !== entityName)?.name ?? entityName;
    const field = newField(type, apiName, { 'zh-CN': zh.trim(), en: en.trim() }, { firstEntity, child: childOf(entities, entityName) });
    change((e) => addField(e, field));
    select({ area: 'entities', entity: entityName, field: apiName });
    setZh(''); setEn(''); setName(''); setType('text');
    onClose();
  };

  return (
    <Modal open={open} title={t('addField')} okText={t('create')} cancelText={t('cancel')} onCancel={onClose} onOk={add} okButtonProps={{ disabled: !ready }} destroyOnHidden>
      <Labeled id="nf-type" label={t('fieldType')}>
        <Select id="nf-type" value={type} onChange={setType} style={{ width: '100%' }} showSearch optionFilterProp="label"
          options={FIELD_TYPES.map((ft) => ({ value: ft, label: fieldTypeName(locale, ft) }))} />
      </Labeled>
      <Labeled id="nf-zh" label={t('labelZh')}><Input id="nf-zh" value={zh} onChange={(e) => setZh(e.target.value)} /></Labeled>
      <Labeled id="nf-en" label={t('labelEn')}><Input id="nf-en" value={en} onChange={(e) => setEn(e.target.value)} /></Labeled>
      <Labeled id="nf-name" label={t('apiName')} extra={problem ?? t('apiNameHelp')}>
        <Input id="nf-name" value={apiName} status={problem ? 'error' : undefined} onChange={(e) => setName(e.target.value)} />
      </Labeled>
    </Modal>
  );
}
