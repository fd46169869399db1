/** One section of a form: a titled, optionally collapsible grid of fields, or a related list. */
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Col, Form, Row } from 'antd';
import { useState, type ReactNode } from 'react';
import type { FieldDefinition } from '../../schemas/entity.js';
import type { FormSection } from '../../schemas/form.js';
import { FieldInput } from './FieldInput.js';
import { isEditable } from './fields.js';
import { localize } from './labels.js';
import type { FieldState } from '../rules/formRules.js';
import { useRenderer, useUiText } from './RendererContext.js';
import type { RecordRefs, SearchLookup } from './types.js';

export type RelatedListDefinition = NonNullable<FormSection['relatedList']>;

export interface FormSectionViewProps {
  section: FormSection;
  fields: ReadonlyMap<string, FieldDefinition>;
  states: ReadonlyMap<string, FieldState>;
  serverErrors: ReadonlyMap<string, string>;
  refs?: RecordRefs;
  searchLookup: SearchLookup;
  disabled?: boolean;
  /** Fields the user's role may not change. */
  readOnlyFields?: ReadonlySet<string>;
  renderRelatedList?: (list: RelatedListDefinition) => ReactNode;
}

const GRID = 24;

export function FormSectionView({ section, fields, states, serverErrors, refs, searchLookup, disabled, readOnlyFields, renderRelatedList }: FormSectionViewProps) {
  const { locale } = useRenderer();
  const t = useUiText();
  const [open, setOpen] = useState(!section.collapsed);
  const columns = section.columns ?? 2;

  const items = section.fields.flatMap((placement) => {
    const field = fields.get(placement.field);
    const state = states.get(placement.field);
    if (!field || !state?.visible) return [];
    const label = localize(field.label, locale);
    const error = serverErrors.get(field.name);
    const editable = isEditable(field) && !state.readOnly && !disabled && !readOnlyFields?.has(field.name);
    const span = Math.min(GRID, Math.round((GRID / columns) * (placement.span ?? 1)));
    return [
      <Col key={field.name} xs={24} md={span}>
        <Form.Item
          name={field.name}
          label={label}
          tooltip={localize(field.helpText, locale) || undefined}
          rules={state.required && editable ? [{ required: true, message: t('required', { label }) }] : []}
          // The server's word on this field, shown where the user looks; cleared when the field is edited.
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <FieldInput field={field} disabled={!editable} refs={refs} searchLookup={searchLookup} />
        </Form.Item>
      </Col>,
    ];
  });

  const related = section.relatedList && renderRelatedList?.(section.relatedList);
  if (items.length === 0 && !related) return null;

  return (
    <section className="sc-form-section" data-section={section.id}>
      <button type="button" className="sc-form-section-head" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? <DownOutlined /> : <RightOutlined />}
        <span>{localize(section.label, locale)}</span>
      </button>
      {/* Collapsed sections stay mounted so their fields still validate and submit. */}
      <div className="sc-form-section-body" style={open ? undefined : { display: 'none' }}>
        {items.length > 0 && <Row gutter={24}>{items}</Row>}
        {related}
      </div>
    </section>
  );
}
