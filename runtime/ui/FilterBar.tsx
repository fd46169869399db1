/** The list's filter bar: a title search plus pickers for selects, dates and the owner. */
import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Grid, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { EntityDefinition, FieldDefinition } from '../../schemas/entity.js';
import { filterableFields, hasFilters } from './filterDocument.js';
import { fieldMap } from './fields.js';
import { localize } from './labels.js';
import { useRenderer, userOptions, useUiText } from './RendererContext.js';
import type { FilterBarValue, FilterBarValues } from './types.js';

export interface FilterBarProps {
  entity: EntityDefinition;
  q: string;
  filters: FilterBarValues;
  onChange: (next: { q: string; filters: FilterBarValues }) => void;
  /** Field names of the view's columns, to pick which filters come first. */
  preferredFields?: readonly string[];
}

/** A date range; datetimes widen to whole days in the tenant's calendar as the user means them. */
function rangeValue(field: FieldDefinition, range: [Dayjs | null, Dayjs | null] | null): FilterBarValue | undefined {
  if (!range || (!range[0] && !range[1])) return undefined;
  const [from, to] = range;
  if (field.type === 'datetime') {
    return { kind: 'range', from: from?.startOf('day').toISOString(), to: to?.endOf('day').toISOString() };
  }
  return { kind: 'range', from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') };
}

function FieldFilter({ field, value, onChange }: { field: FieldDefinition; value?: FilterBarValue; onChange: (v?: FilterBarValue) => void }) {
  const { locale } = useRenderer();
  const t = useUiText();
  const label = localize(field.label, locale);
  if (field.type === 'select' || field.type === 'multiSelect') {
    return (
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={label}
        aria-label={label}
        style={{ minWidth: 130 }}
        value={value?.kind === 'in' ? value.values : []}
        options={field.options.map((o) => ({ value: o.value, label: localize(o.label, locale) }))}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(values: string[]) => onChange(values.length ? { kind: 'in', values } : undefined)}
      />
    );
  }
  const current = value?.kind === 'range' ? value : undefined;
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      placeholder={[label, t('to')]}
      aria-label={label}
      style={{ width: 240 }}
      value={current ? [current.from ? dayjs(current.from) : null, current.to ? dayjs(current.to) : null] : null}
      onChange={(range) => onChange(rangeValue(field, range as [Dayjs | null, Dayjs | null] | null))}
    />
  );
}

function OwnerFilter({ value, onChange }: { value?: FilterBarValue; onChange: (v?: FilterBarValue) => void }) {
  const settings = useRenderer();
  const { userNames } = settings;
  const t = useUiText();
  const chosen = value?.kind === 'in' ? value.values : [];
  // Without a user directory, owners can still be typed in (as ids) and kept as tags.
  return (
    <Select
      mode={userNames ? 'multiple' : 'tags'}
      allowClear
      maxTagCount="responsive"
      placeholder={t('owner')}
      aria-label={t('owner')}
      style={{ minWidth: 120 }}
      value={chosen}
      // Deactivated users still hold records, so they stay filterable.
      options={userOptions({ ...settings, inactiveUsers: undefined }, chosen)}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(values: string[]) => onChange(values.length ? { kind: 'in', values } : undefined)}
    />
  );
}

export function FilterBar({ entity, q, filters, onChange, preferredFields }: FilterBarProps) {
  const { locale } = useRenderer();
  const t = useUiText();
  const [text, setText] = useState(q);
  const screens = Grid.useBreakpoint();
  // On a phone the pickers would push the records off the first screen, so they fold behind a button.
  const narrow = screens.md === false;
  const [unfolded, setUnfolded] = useState(false);
  const active = Object.values(filters).filter(Boolean).length;
  useEffect(() => setText(q), [q]);
  const titleLabel = localize(fieldMap(entity).get(entity.titleField)?.label, locale, entity.titleField);
  const setFilter = (name: string, v?: FilterBarValue) => onChange({ q, filters: { ...filters, [name]: v } });

  return (
    <Space wrap size={[8, 8]} className="sc-filter-bar">
      <Input.Search
        allowClear
        placeholder={t('search', { label: titleLabel })}
        aria-label={t('search', { label: titleLabel })}
        style={{ width: 220 }}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // Clearing with the × should show everything again without another keypress.
          if (e.target.value === '' && q !== '') onChange({ q: '', filters });
        }}
        onSearch={(value) => onChange({ q: value.trim(), filters })}
      />
      {narrow && (
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setUnfolded(!unfolded)} aria-expanded={unfolded}>{t('moreFilters')}</Button>
        </Badge>
      )}
      {(!narrow || unfolded) && filterableFields(entity, preferredFields).map((field) => (
        <FieldFilter key={field.name} field={field} value={filters[field.name]} onChange={(v) => setFilter(field.name, v)} />
      ))}
      {(!narrow || unfolded) && entity.hasOwner && <OwnerFilter value={filters.owner} onChange={(v) => setFilter('owner', v)} />}
      {(hasFilters(filters) || q) && (
        <Button icon={<ReloadOutlined />} onClick={() => onChange({ q: '', filters: {} })}>{t('reset')}</Button>
      )}
    </Space>
  );
}
