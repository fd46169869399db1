/**
 * Renders a form definition for one record: tabs, sections, the form's rules
 * applied live, and the server's validation messages at their fields. It does
 * not save: `onSubmit` gets the field values once the client-side checks pass.
 */
import { Alert, Form, Tabs, type FormInstance } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EntityDefinition, FieldDefinition } from '../../schemas/entity.js';
import type { FormDefinition, FormSection } from '../../schemas/form.js';
import { fieldMap, isEditable } from './fields.js';
import { FormSectionView, type RelatedListDefinition } from './FormSectionView.js';
import { fieldStates } from '../rules/formRules.js';
import { localize } from './labels.js';
import { useRenderer, useUiText } from './RendererContext.js';
import { placeServerErrors } from './serverErrors.js';
import { systemField } from './systemFields.js';
import type { ErrorDetail, RecordData, RecordRefs, SearchLookup } from './types.js';

export interface RecordFormProps {
  entity: EntityDefinition;
  form: FormDefinition;
  initialValues: RecordData;
  refs?: RecordRefs;
  searchLookup: SearchLookup;
  /** Details of the server's last 422/400 answer for this form. */
  serverErrors?: readonly ErrorDetail[];
  /** Slot for sections that list child records; the host knows how to load them. */
  renderRelatedList?: (list: RelatedListDefinition) => ReactNode;
  /** Called with the values of the fields a user may set. */
  onSubmit: (values: Record<string, unknown>) => void;
  /** Lets the host submit from its own toolbar (`form.submit()`). */
  formInstance?: FormInstance;
  disabled?: boolean;
  /** Fields the user's role may see but not change: shown disabled and never submitted. */
  readOnlyFields?: ReadonlySet<string>;
  /**
   * Whether the record's owner (a system field) may be changed here. The owner
   * shows where the form places `owner`; it is submitted only when editable.
   */
  ownerEditable?: boolean;
  /** Tabs the host adds after the form's own (e.g. the record's history); they hold no fields. */
  extraTabs?: { key: string; label: ReactNode; children: ReactNode }[];
  /** The open tab, when the host keeps it (so it survives a remount after saving). */
  activeTab?: string;
  onActiveTabChange?: (tab: string) => void;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/** Groups sections by tab; sections without a tab go on the first one. */
function tabsOf(form: FormDefinition): { id: string; label?: FormDefinition['label']; sections: FormSection[] }[] {
  const tabs = form.tabs ?? [];
  if (tabs.length === 0) return [{ id: 'main', sections: form.sections }];
  return tabs.map((tab, i) => ({
    id: tab.id,
    label: tab.label,
    sections: form.sections.filter((s) => s.tab === tab.id || (i === 0 && (!s.tab || !tabs.some((t) => t.id === s.tab)))),
  }));
}

export function RecordForm(props: RecordFormProps) {
  const { entity, form, initialValues, refs, searchLookup, serverErrors, renderRelatedList, onSubmit, formInstance, disabled } = props;
  const readOnlyFields = props.readOnlyFields ?? NO_FIELDS;
  const { locale } = useRenderer();
  const t = useUiText();
  const [antForm] = Form.useForm(formInstance);
  const [values, setValues] = useState<RecordData>(initialValues);
  const [editedSinceErrors, setEditedSinceErrors] = useState<ReadonlySet<string>>(new Set());
  const fields = useMemo(() => {
    const map = fieldMap(entity);
    const owner = systemField(entity, 'owner');
    if (owner && !map.has('owner')) map.set('owner', { ...owner, readOnly: !props.ownerEditable } as FieldDefinition);
    return map;
  }, [entity, props.ownerEditable]);
  const states = useMemo(() => fieldStates(fields.values(), form.rules, values), [fields, form.rules, values]);
  const tabs = useMemo(() => tabsOf(form), [form]);
  const extraTabs = props.extraTabs ?? [];
  const tabKeys = [...tabs.map((tab) => tab.id), ...extraTabs.map((tab) => tab.key)];
  const [ownTab, setOwnTab] = useState(tabs[0]?.id ?? '');
  const wanted = props.activeTab ?? ownTab;
  const activeTab = tabKeys.includes(wanted) ? wanted : tabKeys[0];
  const setActiveTab = (tab: string) => {
    setOwnTab(tab);
    props.onActiveTabChange?.(tab);
  };

  const shown = useMemo(() => {
    const names = new Set<string>();
    for (const section of form.sections) for (const p of section.fields) if (fields.has(p.field) && states.get(p.field)?.visible) names.add(p.field);
    return names;
  }, [form.sections, fields, states]);

  const placed = useMemo(() => placeServerErrors(serverErrors, shown), [serverErrors, shown]);
  const fieldErrors = useMemo(() => {
    const open = new Map(placed.byField);
    for (const name of editedSinceErrors) open.delete(name);
    return open;
  }, [placed, editedSinceErrors]);

  // A host-owned form instance outlives this component, and antd keeps its old values over new
  // initialValues; a (re)mounted form must show the record it was given, e.g. after a reload.
  useEffect(() => {
    antForm.resetFields();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // New server errors: forget which fields were edited since the last ones, and bring the first error into view.
  useEffect(() => {
    setEditedSinceErrors(new Set());
    const first = [...placed.byField.keys()][0];
    if (!first) return;
    const tab = tabs.find((t) => t.sections.some((s) => s.fields.some((p) => p.field === first)));
    if (tab) setActiveTab(tab.id);
    antForm.scrollToField(first, { block: 'center' });
  }, [serverErrors]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = () => {
    const all = antForm.getFieldsValue(true) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, field] of fields) if (isEditable(field) && !readOnlyFields.has(name) && name in all) out[name] = all[name];
    onSubmit(out);
  };

  const renderSections = (sections: FormSection[]) =>
    sections.map((section) => (
      <FormSectionView key={section.id} section={section} fields={fields} states={states} serverErrors={fieldErrors}
        refs={refs} searchLookup={searchLookup} disabled={disabled} readOnlyFields={readOnlyFields} renderRelatedList={renderRelatedList} />
    ));

  return (
    <Form
      form={antForm}
      layout="vertical"
      initialValues={initialValues}
      scrollToFirstError={{ block: 'center' }}
      onValuesChange={(changed: Record<string, unknown>) => {
        setValues(antForm.getFieldsValue(true) as RecordData);
        setEditedSinceErrors((prev) => new Set([...prev, ...Object.keys(changed)]));
      }}
      onFinish={submit}
      className="sc-record-form"
    >
      {placed.unplaced.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }}
          title={placed.unplaced.map((d) => (d.path && d.path !== '/' ? `${d.path.slice(1)}: ${d.message}` : d.message)).join('; ')} />
      )}
      {tabs.length === 1 && extraTabs.length === 0 ? (
        renderSections(tabs[0].sections)
      ) : (
        <Tabs
          activeKey={activeTab}
          onChange={setActiveTab}
          items={[
            // Every form tab stays mounted so required fields on hidden tabs are still checked.
            ...tabs.map((tab) => ({ key: tab.id, label: localize(tab.label, locale) || t('details'), forceRender: true, children: renderSections(tab.sections) })),
            // The host's tabs mount when first opened: they may load data.
            ...extraTabs.map((tab) => ({ key: tab.key, label: tab.label, children: tab.children })),
          ]}
        />
      )}
    </Form>
  );
}
