/** One entity: its labels and title field, its fields in order, and its archived fields. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { localize } from '../../../../runtime/ui/labels.js';
import { CommitInput } from '../controls/CommitInput.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';
import { activeFields, setTitleField } from '../model/entity.js';
import { useEntityEdit } from '../state/useEntityEdit.js';
import { ArchivedFields } from './ArchivedFields.js';
import { FieldList } from './FieldList.js';
import { NewFieldDialog } from './NewFieldDialog.js';

export function EntityDesigner({ name }: { name: string }) {
  const { t, locale } = useDesignerText();
  const { entity, change } = useEntityEdit(name);
  const [adding, setAdding] = useState(false);
  if (!entity) return null;
  const setLabel = (lang: 'zh-CN' | 'en', text: string) =>
    text.trim() && change((e) => ({ ...e, label: { ...e.label, [lang]: text.trim() }, pluralLabel: { ...(e.pluralLabel ?? e.label), [lang]: text.trim() } }));

  return (
    <section aria-label={localize(entity.label, locale, entity.name)}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {localize(entity.label, locale, entity.name)} <Typography.Text type="secondary" code>{entity.name}</Typography.Text>
      </Typography.Title>
      <Space wrap align="start" size={12}>
        <Labeled id="ent-zh" label={`${t('entityLabel')} · ${t('labelZh')}`}><CommitInput id="ent-zh" value={entity.label['zh-CN']} onCommit={(v) => setLabel('zh-CN', v)} /></Labeled>
        <Labeled id="ent-en" label={`${t('entityLabel')} · ${t('labelEn')}`}><CommitInput id="ent-en" value={entity.label.en} onCommit={(v) => setLabel('en', v)} /></Labeled>
        <Labeled id="ent-title" label={t('titleField')}>
          <Select id="ent-title" style={{ width: 180 }} value={entity.titleField} onChange={(v) => change((e) => setTitleField(e, v))}
            options={activeFields(entity).filter((f) => ['text', 'autoNumber', 'email', 'phone'].includes(f.type)).map((f) => ({ value: f.name, label: localize(f.label, locale, f.name) }))} />
        </Labeled>
      </Space>
      <div className="sd-pane-title">
        {t('fields')}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('addField')}</Button>
      </div>
      <FieldList entity={entity} />
      <ArchivedFields entity={entity} />
      <NewFieldDialog entityName={name} open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}
