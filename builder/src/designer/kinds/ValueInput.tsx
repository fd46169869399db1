/** A value input typed by a field: numbers, yes/no, dates, a select's options, lists for "one of". */
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import { label, optionsOf, valueKind } from './entities.js';
import { kindText } from './i18n.js';
import type { DesignerLocale } from './types.js';

export interface ValueInputProps {
  field: FieldDefinition | undefined;
  value: unknown;
  onChange(next: unknown): void;
  locale: DesignerLocale;
  /** A list of values (for "is one of"). */
  multiple?: boolean;
  status?: 'error';
  ariaLabel?: string;
}

export function ValueInput({ field, value, onChange, locale, multiple, status, ariaLabel }: ValueInputProps) {
  const t = kindText(locale);
  const kind = valueKind(field);
  const options = optionsOf(field).map((o) => ({ value: o.value, label: label(o.label, locale, o.value) }));
  const common = { status, 'aria-label': ariaLabel ?? t('value'), style: { minWidth: 160 } };
  if (multiple || kind === 'multiSelect' && Array.isArray(value)) {
    const list = Array.isArray(value) ? value.map(String) : [];
    const numeric = kind === 'number';
    return (
      <Select {...common} mode={options.length ? 'multiple' : 'tags'} value={list} options={options} tokenSeparators={[',', '，']}
        onChange={(next: string[]) => onChange(numeric ? next.map(Number).filter((n) => !Number.isNaN(n)) : next)} />
    );
  }
  switch (kind) {
    case 'number':
      return <InputNumber {...common} value={typeof value === 'number' ? value : null} onChange={(n) => onChange(n ?? 0)} />;
    case 'boolean':
      return <Switch aria-label={common['aria-label']} checked={value === true} checkedChildren={t('yes')} unCheckedChildren={t('no')} onChange={onChange} />;
    case 'date':
      return <DatePicker {...common} value={typeof value === 'string' && value ? dayjs(value) : null} onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : '')} />;
    case 'datetime':
      return <DatePicker {...common} showTime value={typeof value === 'string' && value ? dayjs(value) : null} onChange={(d) => onChange(d ? d.toISOString() : '')} />;
    case 'select': case 'multiSelect':
      return <Select {...common} value={typeof value === 'string' ? value : undefined} options={options} onChange={onChange} />;
    default:
      return <Input {...common} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value)} />;
  }
}
