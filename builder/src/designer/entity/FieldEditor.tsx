/** The selected field's properties: labels, API name (fixed once published), type, flags, help text, type-specific settings. */
import { Alert, App, Select, Space, Typography } from 'antd';
import { renameFieldInSet } from '../model/fieldRename.js';
import { useEntityEdit } from '../state/useEntityEdit.js';
import { Toggle } from '../controls/Toggle.js';
import type { FieldType } from '../../../../schemas/entity.js';
import { CommitInput } from '../controls/CommitInput.js';
import { Labeled } from '../controls/Labeled.js';
import { fieldTypeName, useDesignerText } from '../i18n.js';
import { entitiesOf } from '../model/definitionSet.js';
import { changeType, childOf, FIELD_TYPES, supports } from '../model/fieldTypes.js';
import { issuesAt } from '../model/issues.js';
import { isApiName } from '../model/apiName.js';
import { useDesigner } from '../state/DesignerContext.js';
import { TypeProperties } from './TypeProperties.js';
import { useFieldEdit } from './useFieldEdit.js';

export function FieldEditor({ entityName, fieldName }: { entityName: string; fieldName: string }) {
  const { t, locale } = useDesignerText();
  const { draft, issues, select, publishedFields } = useDesigner();
  const { editSet } = useEntityEdit(entityName);
  const { message } = App.useApp();
  const { entity, field, published, replace, patch } = useFieldEdit(entityName, fieldName);
  if (!entity || !field) return null;
  const problems = issuesAt(issues, draft.set, 'entity', entityName, fieldName);
  const entities = entitiesOf(draft.set);
  const firstEntity = entities.find((e) => e.name !== entityName)?.name ?? entityName;
  const child = childOf(entities, entityName);
  const label = (lang: 'zh-CN' | 'en', v: string) => v.trim() && patch({ label: { ...field.label, [lang]: v.trim() } });
  const help = (lang: 'zh-CN' | 'en', v: string) => {
    const next = { ...field.helpText, [lang]: v.trim() || undefined };
    patch({ helpText: next['zh-CN'] || next.en ? JSON.parse(JSON.stringify(next)) : undefined });
  };
  const rename = (v: string) => {
    if (!isApiName(v) || v === fieldName) return;
    if (entity.fields.some((f) => f.name === v)) return void message.error(t('apiNameTaken'));
    editSet((set) => renameFieldInSet(set, entityName, fieldName, v, publishedFields(entityName)));
    select({ area: 'entities', entity: entityName, field: v });
  };

  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{field.label[locale]}</Typography.Title>
      {problems.map((p) => <Alert key={p.path} type="error" showIcon style={{ marginBottom: 8 }} title={<><code>{p.path}</code> {p.message}</>} />)}
      <Labeled id="fe-zh" label={t('labelZh')}><CommitInput id="fe-zh" value={field.label['zh-CN']} onCommit={(v) => label('zh-CN', v)} /></Labeled>
      <Labeled id="fe-en" label={t('labelEn')}><CommitInput id="fe-en" value={field.label.en} onCommit={(v) => label('en', v)} /></Labeled>
      <Labeled id="fe-name" label={t('apiName')} extra={t('apiNameHelp')}>
        <CommitInput id="fe-name" value={field.name} disabled={published} onCommit={rename} />
      </Labeled>
      <Labeled id="fe-type" label={t('fieldType')} extra={published ? t('typeChangeWarn') : undefined}>
        <Select<FieldType> id="fe-type" style={{ width: '100%' }} value={field.type} showSearch optionFilterProp="label"
          onChange={(type) => replace(changeType(field, type, { firstEntity, child }))}
          options={FIELD_TYPES.map((ft) => ({ value: ft, label: fieldTypeName(locale, ft) }))} />
      </Labeled>
      <Space wrap style={{ marginBottom: 10 }}>
        <Toggle checked={field.required === true} onChange={(on) => patch({ required: on || undefined })}>{t('required')}</Toggle>
        {supports(field.type, 'unique') && <Toggle checked={field.unique === true} onChange={(on) => patch({ unique: on || undefined })}>{t('unique')}</Toggle>}
        <Toggle checked={field.readOnly === true} onChange={(on) => patch({ readOnly: on || undefined })}>{t('readOnly')}</Toggle>
      </Space>
      <TypeProperties entity={entity} field={field} patch={patch} />
      <Labeled id="fe-hzh" label={t('helpTextZh')}><CommitInput id="fe-hzh" multiline value={field.helpText?.['zh-CN']} onCommit={(v) => help('zh-CN', v)} /></Labeled>
      <Labeled id="fe-hen" label={t('helpTextEn')}><CommitInput id="fe-hen" multiline value={field.helpText?.en} onCommit={(v) => help('en', v)} /></Labeled>
    </div>
  );
}
