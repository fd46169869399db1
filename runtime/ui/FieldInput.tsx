/**
 * The input for one field, chosen by the field's `type`. The switch is
 * exhaustive: a field type added to schemas/entity.ts fails to compile here
 * until it has an input. Values in and out are API-shaped (ISO date strings,
 * numbers, ids), so the form store holds exactly what the server will get.
 */
import { LinkOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { DatePicker, Input, InputNumber, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition, FieldOf } from '../../schemas/entity.js';
import { FieldDisplay } from './FieldDisplay.js';
import { FileList } from './FileList.js';
import { currencySymbol, groupDigits, ungroupDigits } from './format.js';
import { localize } from './labels.js';
import { LookupSelect } from './LookupSelect.js';
import { useRenderer, userOptions, useUiText } from './RendererContext.js';
import type { RecordRefs, SearchLookup, UiLocale } from './types.js';

export interface FieldInputProps {
  field: FieldDefinition;
  /** Injected by antd Form.Item. */
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  disabled?: boolean;
  refs?: RecordRefs;
  searchLookup: SearchLookup;
  status?: 'error' | 'warning';
}

const DATE_FORMAT = 'YYYY-MM-DD';

function optionsOf(field: FieldOf<'select'> | FieldOf<'multiSelect'>, locale: UiLocale) {
  return field.options.map((o) => ({
    value: o.value,
    label: (
      <span>
        {o.color && <span className="sc-option-dot" style={{ background: o.color }} />}
        {localize(o.label, locale)}
      </span>
    ),
    // Searching matches the label text, not the value code.
    text: localize(o.label, locale),
  }));
}

/** Computed fields show their value the way a list would, since no one types into them. */
function ReadOnlyValue({ field, value, refs }: { field: FieldDefinition; value: unknown; refs?: RecordRefs }) {
  const t = useUiText();
  return (
    <div className="sc-readonly-value">
      <FieldDisplay field={field} value={value} refs={refs} />
      <Typography.Text type="secondary" className="sc-readonly-hint">{t('computed')}</Typography.Text>
    </div>
  );
}

export function FieldInput({ field, id, value, onChange, disabled, refs, searchLookup, status }: FieldInputProps) {
  const { locale, currency } = useRenderer();
  const t = useUiText();
  const change = (v: unknown) => onChange?.(v);
  const str = typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value);
  const num = typeof value === 'number' ? value : undefined;
  // No min/max on number inputs on purpose: clamping would hide the server's range message from the user.
  const numberCommon = { id, disabled, status, value: num, onChange: (v: number | string | null) => change(v === null || v === '' ? null : Number(v)), style: { width: '100%' } };

  switch (field.type) {
    case 'text':
      return <Input id={id} value={str} disabled={disabled} status={status} maxLength={field.maxLength} onChange={(e) => change(e.target.value)} />;
    case 'longText':
      return <Input.TextArea id={id} value={str} disabled={disabled} status={status} maxLength={field.maxLength} autoSize={{ minRows: 3, maxRows: 10 }} onChange={(e) => change(e.target.value)} />;
    case 'email':
      return <Input id={id} type="email" prefix={<MailOutlined />} value={str} disabled={disabled} status={status} onChange={(e) => change(e.target.value)} />;
    case 'phone':
      return <Input id={id} type="tel" prefix={<PhoneOutlined />} value={str} disabled={disabled} status={status} onChange={(e) => change(e.target.value)} />;
    case 'url':
      return <Input id={id} type="url" prefix={<LinkOutlined />} value={str} disabled={disabled} status={status} placeholder="https://" onChange={(e) => change(e.target.value)} />;
    case 'number':
      return <InputNumber<number> {...numberCommon} precision={field.precision} formatter={groupDigits} parser={(s) => Number(ungroupDigits(s))} />;
    case 'currency':
      return (
        <InputNumber<number>
          {...numberCommon}
          prefix={currencySymbol(field.currency ?? currency, locale)}
          precision={field.precision ?? 2}
          formatter={groupDigits}
          parser={(s) => Number(ungroupDigits(s))}
        />
      );
    case 'percent':
      return <InputNumber<number> {...numberCommon} precision={field.precision} suffix="%" />;
    case 'date':
      return (
        <DatePicker
          id={id}
          disabled={disabled}
          status={status}
          style={{ width: '100%' }}
          format={DATE_FORMAT}
          value={str ? dayjs(str, DATE_FORMAT) : null}
          onChange={(d) => change(d ? d.format(DATE_FORMAT) : null)}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          id={id}
          disabled={disabled}
          status={status}
          style={{ width: '100%' }}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={str ? dayjs(str) : null}
          onChange={(d) => change(d ? d.toISOString() : null)}
        />
      );
    case 'boolean':
      return <Switch id={id} disabled={disabled} checked={value === true} onChange={(checked) => change(checked)} />;
    case 'select':
      return (
        <Select
          id={id}
          disabled={disabled}
          status={status}
          allowClear
          placeholder={t('select')}
          value={str}
          options={optionsOf(field, locale)}
          showSearch={{ optionFilterProp: 'text' }}
          onChange={(v) => change(v ?? null)}
        />
      );
    case 'multiSelect':
      return (
        <Select
          id={id}
          mode="multiple"
          disabled={disabled}
          status={status}
          allowClear
          placeholder={t('select')}
          value={Array.isArray(value) ? (value as string[]) : []}
          options={optionsOf(field, locale)}
          showSearch={{ optionFilterProp: 'text' }}
          maxCount={field.maxItems}
          onChange={(v: string[]) => change(v)}
        />
      );
    case 'lookup':
      return (
        <LookupSelect
          id={id}
          target={field.target}
          value={str ?? null}
          initialLabel={str ? refs?.[field.target]?.[str] : undefined}
          searchLookup={searchLookup}
          disabled={disabled}
          status={status}
          onChange={change}
        />
      );
    case 'user':
      return <UserInput id={id} value={str} disabled={disabled} status={status} onChange={change} />;
    case 'formula':
    case 'rollup':
    case 'autoNumber':
      return <ReadOnlyValue field={field} value={value} refs={refs} />;
    case 'file':
      return <FileList value={value} />;
    default: {
      const unhandled: never = field;
      throw new Error(`no input for field type ${(unhandled as FieldDefinition).type}`);
    }
  }
}

/** A user picker when the host knows the users, else the user id as text. */
function UserInput({ id, value, disabled, status, onChange }: { id?: string; value?: string; disabled?: boolean; status?: 'error' | 'warning'; onChange: (v: unknown) => void }) {
  const settings = useRenderer();
  const t = useUiText();
  if (!settings.userNames) return <Input id={id} value={value} disabled={disabled} status={status} onChange={(e) => onChange(e.target.value)} />;
  // Deactivated users cannot be given records, but a record they still hold shows their name.
  const options = userOptions(settings, value ? [value] : []);
  return (
    <Select id={id} value={value} disabled={disabled} status={status} allowClear placeholder={t('select')} options={options}
      showSearch={{ optionFilterProp: 'label' }} onChange={(v) => onChange(v ?? null)} />
  );
}
