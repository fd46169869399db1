/** A field value formatted for reading: list cells, read-only fields, related lists. */
import { Tag, Typography } from 'antd';
import type { FieldDefinition, FieldOf } from '../../schemas/entity.js';
import { FileList } from './FileList.js';
import { formatCurrency, formatDate, formatDateTime, formatNumber, formatPercent } from './format.js';
import { localize } from './labels.js';
import { useRenderer, useUiText, type RendererSettings } from './RendererContext.js';
import type { RecordRefs } from './types.js';

export interface FieldDisplayProps {
  field: FieldDefinition;
  value: unknown;
  /** Titles of looked-up records, so a lookup shows a name rather than an id. */
  refs?: RecordRefs;
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function OptionTag({ field, value }: { field: FieldOf<'select'> | FieldOf<'multiSelect'>; value: string }) {
  const { locale } = useRenderer();
  const option = field.options.find((o) => o.value === value);
  // An option removed from the definition still shows its stored value rather than vanishing.
  return <Tag color={option?.color} style={{ marginInlineEnd: 4 }}>{option ? localize(option.label, locale) : value}</Tag>;
}

function numberText(kind: 'number' | 'currency' | 'percent', value: number, settings: RendererSettings, precision?: number, currency?: string) {
  if (kind === 'currency') return formatCurrency(value, currency ?? settings.currency, settings.locale, precision);
  if (kind === 'percent') return formatPercent(value, settings.locale, precision);
  return formatNumber(value, settings.locale, precision);
}

export function FieldDisplay({ field, value, refs }: FieldDisplayProps) {
  const settings = useRenderer();
  const t = useUiText();
  if (blank(value)) return <Typography.Text type="secondary">—</Typography.Text>;
  switch (field.type) {
    case 'text':
    case 'phone':
    case 'autoNumber':
      return <span>{String(value)}</span>;
    case 'longText':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    case 'email':
      return <Typography.Link href={`mailto:${String(value)}`} onClick={(e) => e.stopPropagation()}>{String(value)}</Typography.Link>;
    case 'url':
      return <Typography.Link href={String(value)} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()}>{String(value)}</Typography.Link>;
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number'
        ? <span className="sc-num">{numberText(field.type, value, settings, field.precision, field.type === 'currency' ? field.currency : undefined)}</span>
        : <span>{String(value)}</span>;
    case 'date':
      return <span>{formatDate(String(value), settings.locale)}</span>;
    case 'datetime':
      return <span>{formatDateTime(String(value), settings.locale, settings.timeZone)}</span>;
    case 'boolean':
      return <span>{value ? t('yes') : t('no')}</span>;
    case 'select':
      return <OptionTag field={field} value={String(value)} />;
    case 'multiSelect':
      return <>{(Array.isArray(value) ? value : [value]).map((v) => <OptionTag key={String(v)} field={field} value={String(v)} />)}</>;
    case 'lookup':
      return <span>{refs?.[field.target]?.[String(value)] ?? String(value)}</span>;
    case 'user':
      return <span>{settings.userNames?.[String(value)] ?? String(value)}</span>;
    case 'formula':
      return <FormulaValue field={field} value={value} settings={settings} />;
    case 'file':
      return <FileList value={value} compact />;
    case 'rollup':
      return typeof value === 'number' ? <span className="sc-num">{formatNumber(value, settings.locale)}</span> : <span>{String(value)}</span>;
    default: {
      const unhandled: never = field;
      return <span>{String((unhandled as FieldDefinition).type)}</span>;
    }
  }
}

function FormulaValue({ field, value, settings }: { field: FieldOf<'formula'>; value: unknown; settings: RendererSettings }) {
  const t = useUiText();
  switch (field.resultType) {
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number' ? <span className="sc-num">{numberText(field.resultType, value, settings)}</span> : <span>{String(value)}</span>;
    case 'date':
      return <span>{formatDate(String(value), settings.locale)}</span>;
    case 'boolean':
      return <span>{value ? t('yes') : t('no')}</span>;
    case 'text':
      return <span>{String(value)}</span>;
    default: {
      const unhandled: never = field.resultType;
      return <span>{String(unhandled)}</span>;
    }
  }
}
