/** A condition's value in an input that fits the field: options of a select, yes/no, a number, a date or text. */
import { Select } from 'antd';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import { CommitInput, CommitNumber } from '../controls/CommitInput.js';
import { useDesignerText } from '../i18n.js';

interface Props {
  field: FieldDefinition | undefined;
  list: boolean;
  value: unknown;
  onChange(value: unknown): void;
}

const NUMERIC = new Set(['number', 'currency', 'percent', 'rollup']);

export function ValueInput({ field, list, value, onChange }: Props) {
  const { t, locale } = useDesignerText();
  const label = t('value');
  const style = { width: 150 };
  if (field && (field.type === 'select' || field.type === 'multiSelect')) {
    return (
      <Select size="small" aria-label={label} style={style} mode={list ? 'multiple' : undefined} value={value as string | string[]}
        onChange={(v: string | string[]) => onChange(v)} options={field.options.map((o) => ({ value: o.value, label: o.label[locale] }))} />
    );
  }
  if (field?.type === 'boolean') {
    return <Select size="small" aria-label={label} style={style} value={value === true ? 'true' : 'false'} onChange={(v: string) => onChange(v === 'true')}
      options={[{ value: 'true', label: '✓' }, { value: 'false', label: '✗' }]} />;
  }
  if (list) {
    const values = Array.isArray(value) ? value.map(String) : [];
    return <Select size="small" aria-label={label} style={style} mode="tags" value={values}
      onChange={(v: string[]) => onChange(field && NUMERIC.has(field.type) ? v.map(Number).filter(Number.isFinite) : v)} />;
  }
  if (field && NUMERIC.has(field.type)) {
    return <div style={style}><CommitNumber ariaLabel={label} value={typeof value === 'number' ? value : undefined} onCommit={(v) => onChange(v ?? 0)} /></div>;
  }
  return <div style={style}><CommitInput ariaLabel={label} placeholder={field?.type === 'date' ? '2026-12-31' : undefined}
    value={typeof value === 'string' ? value : ''} onCommit={onChange} /></div>;
}
