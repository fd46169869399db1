/** Rows of field → value (a workflow's "set fields", an approval outcome), each value typed by its field. */
import { Button, Select, Space } from 'antd';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import type { LiteralValue } from '../../../../schemas/workflow.js';
import { label } from './entities.js';
import { kindText } from './i18n.js';
import { IssueText } from './IssueText.js';
import type { DesignerIssue, DesignerLocale } from './types.js';
import { ValueInput } from './ValueInput.js';
import { addField, removeField, renameField, setValue, type FieldValues } from './valuesModel.js';
import { pointerKey } from './entities.js';

export function FieldValuesEditor({ value, onChange, fields, locale, issues = [], at = '' }: {
  value: FieldValues | undefined;
  onChange(next: FieldValues): void;
  /** Fields that may be set. */
  fields: readonly FieldDefinition[];
  locale: DesignerLocale;
  issues?: readonly DesignerIssue[];
  at?: string;
}) {
  const t = kindText(locale);
  const entries = Object.entries(value ?? {});
  const used = new Set(entries.map(([k]) => k));
  const free = fields.filter((f) => !used.has(f.name));
  const options = (current?: string) => fields.filter((f) => f.name === current || !used.has(f.name)).map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }));
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {entries.map(([name, v]) => {
        const field = fields.find((f) => f.name === name);
        return (
          <div key={name}>
            <Space wrap>
              <Select aria-label={t('field')} style={{ width: 180 }} value={name} options={options(name)} showSearch optionFilterProp="label" status={field ? undefined : 'error'}
                onChange={(next: string) => { const f = fields.find((x) => x.name === next); if (f) onChange(renameField(value, name, f)); }} />
              <ValueInput field={field} locale={locale} value={v} onChange={(nv) => onChange(setValue(value, name, nv as LiteralValue))} />
              <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => onChange(removeField(value, name))}>✕</Button>
            </Space>
            <IssueText issues={issues} at={`${at}/${pointerKey(name)}`} />
          </div>
        );
      })}
      <Select aria-label={t('addField')} placeholder={`+ ${t('addField')}`} style={{ width: 220 }} value={null} disabled={!free.length} showSearch optionFilterProp="label"
        options={free.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
        onChange={(name: string) => { const f = fields.find((x) => x.name === name); if (f) onChange(addField(value, f)); }} />
      <IssueText issues={issues} at={at} exact />
    </Space>
  );
}
