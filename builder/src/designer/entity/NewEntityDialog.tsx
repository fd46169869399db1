/** Creates a custom entity (API name, labels, title field) together with a starting form. */
import { Input, Modal } from 'antd';
import { useState } from 'react';
import { suggestApiName, isApiName } from '../model/apiName.js';
import { asDefinition, entitiesOf, upsert } from '../model/definitionSet.js';
import { newEntity } from '../model/entity.js';
import { newForm } from '../model/form.js';
import { useDesignerText } from '../i18n.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesigner } from '../state/DesignerContext.js';

export function NewEntityDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useDesignerText();
  const { draft, select } = useDesigner();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [name, setName] = useState('');
  const [titleZh, setTitleZh] = useState('名称');
  const [titleEn, setTitleEn] = useState('Name');
  const taken = new Set(entitiesOf(draft.set).map((e) => e.name));
  const apiName = name || suggestApiName(en, taken, 'customEntity');
  const problem = !isApiName(apiName) ? t('apiNameInvalid') : taken.has(apiName) ? t('apiNameTaken') : undefined;
  const ready = !problem && zh.trim() && en.trim() && titleZh.trim() && titleEn.trim();

  const create = () => {
    const entity = newEntity(apiName, { 'zh-CN': zh.trim(), en: en.trim() }, { 'zh-CN': titleZh.trim(), en: titleEn.trim() });
    draft.edit((set) => upsert(upsert(set, asDefinition(entity)), asDefinition(newForm(`${apiName}Default`, entity))));
    select({ area: 'entities', entity: apiName, field: 'name' });
    setZh(''); setEn(''); setName('');
    onClose();
  };

  return (
    <Modal open={open} title={t('newEntity')} okText={t('create')} cancelText={t('cancel')} onCancel={onClose} onOk={create} okButtonProps={{ disabled: !ready }} destroyOnHidden>
      <Labeled id="ne-zh" label={t('labelZh')}><Input id="ne-zh" value={zh} onChange={(e) => setZh(e.target.value)} /></Labeled>
      <Labeled id="ne-en" label={t('labelEn')}><Input id="ne-en" value={en} onChange={(e) => setEn(e.target.value)} /></Labeled>
      <Labeled id="ne-name" label={t('apiName')} extra={problem ?? t('apiNameHelp')}>
        <Input id="ne-name" value={apiName} status={problem ? 'error' : undefined} onChange={(e) => setName(e.target.value)} />
      </Labeled>
      <Labeled id="ne-tzh" label={t('titleFieldLabelZh')}><Input id="ne-tzh" value={titleZh} onChange={(e) => setTitleZh(e.target.value)} /></Labeled>
      <Labeled id="ne-ten" label={t('titleFieldLabelEn')}><Input id="ne-ten" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} /></Labeled>
    </Modal>
  );
}
