/**
 * Asks for what a stage move needs: the transition's required fields (the
 * shared renderer's inputs, filled with the record's values) and the SOP
 * checklist of the stage being left. The server's 422 details show at the
 * field or the checklist they name, and clear when the user edits it.
 */
import { Alert, Checkbox, Form, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { EntityDefinition, FieldDefinition } from '../../../schemas/entity.js';
import { FieldInput } from '../../../runtime/ui/FieldInput.js';
import { isEditable, titleOf } from '../../../runtime/ui/fields.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useUiText } from '../../../runtime/ui/RendererContext.js';
import type { ErrorDetail, RecordData, RecordRefs } from '../../../runtime/ui/types.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { useTenant } from '../shell/TenantContext.js';
import type { ChecklistItem } from './transitionNeeds.js';

export interface TransitionAnswer {
  /** Values of the dialog's fields, by api name. */
  values: Record<string, unknown>;
  /** Ids of the ticked checklist items. */
  checklist: string[];
}

export interface TransitionDialogProps {
  entity: EntityDefinition;
  record: RecordData;
  refs?: RecordRefs;
  fromLabel: string;
  toLabel: string;
  fields: readonly FieldDefinition[];
  checklist: readonly ChecklistItem[];
  /** The server's details for the last attempt; paths point into the transition body (`/fields/amount`, `/checklist`). */
  errors: readonly ErrorDetail[];
  submitting: boolean;
  onSubmit: (answer: TransitionAnswer) => void;
  onCancel: () => void;
}

const CHECKLIST = 'checklist';

/** `/fields/amount/0` → `amount`; `/checklist` → `checklist`; anything else has no place in the dialog. */
function placeOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[1] === 'fields' && parts[2]) return parts[2].replace(/~1/g, '/').replace(/~0/g, '~');
  if (parts[1] === CHECKLIST) return CHECKLIST;
  return undefined;
}

export function TransitionDialog(props: TransitionDialogProps) {
  const { entity, record, refs, fromLabel, toLabel, fields, checklist, errors, submitting, onSubmit, onCancel } = props;
  const { api, readOnlyFields } = useTenant();
  const { locale, t } = useLocale();
  const ui = useUiText();
  const [form] = Form.useForm();
  const [shown, setShown] = useState<readonly ErrorDetail[]>(errors);
  useEffect(() => setShown(errors), [errors]);
  const locked = readOnlyFields(entity.name);

  const { byPlace, unplaced } = useMemo(() => {
    const places = new Set([...fields.map((f) => f.name), ...(checklist.length ? [CHECKLIST] : [])]);
    const map = new Map<string, string>();
    const rest: ErrorDetail[] = [];
    for (const d of shown) {
      const place = placeOf(d.path);
      if (place && places.has(place)) map.set(place, map.has(place) ? `${map.get(place)}; ${d.message}` : d.message);
      else rest.push(d);
    }
    return { byPlace: map, unplaced: rest };
  }, [shown, fields, checklist]);

  const initialValues = useMemo(
    () => ({ ...Object.fromEntries(fields.map((f) => [f.name, record[f.name]])), [CHECKLIST]: [] as string[] }),
    [fields, record],
  );
  const required = checklist.filter((i) => i.required).map((i) => i.id);

  const finish = (values: Record<string, unknown>) => {
    const { [CHECKLIST]: ticked, ...rest } = values;
    onSubmit({ values: rest, checklist: Array.isArray(ticked) ? (ticked as string[]) : [] });
  };

  return (
    <Modal
      open
      title={t('moveTitle', { stage: toLabel })}
      okText={t('moveConfirm')}
      cancelText={t('cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{titleOf(entity, record)}</Typography.Text> · {fromLabel} → {toLabel}
      </Typography.Paragraph>
      {unplaced.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={unplaced.map((d) => d.message).join('; ')} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={finish}
        disabled={submitting}
        onValuesChange={(changed: Record<string, unknown>) =>
          setShown((current) => current.filter((d) => {
            const place = placeOf(d.path);
            return !place || !(place in changed);
          }))}
      >
        {fields.length > 0 && <Typography.Paragraph>{t('moveFieldsIntro', { stage: toLabel })}</Typography.Paragraph>}
        {fields.map((field) => {
          const label = localize(field.label, locale, field.name);
          const editable = isEditable(field) && !locked.has(field.name);
          const error = byPlace.get(field.name);
          return (
            <Form.Item key={field.name} name={field.name} label={label}
              rules={editable ? [{ required: true, message: ui('required', { label }) }] : []}
              validateStatus={error ? 'error' : undefined} help={error}>
              <FieldInput field={field} disabled={!editable} refs={refs} searchLookup={api.searchLookup} />
            </Form.Item>
          );
        })}
        {checklist.length > 0 && (
          <Form.Item
            name={CHECKLIST}
            label={t('moveChecklist', { stage: fromLabel })}
            rules={[{
              validator: (_, ticked: string[] | undefined) =>
                required.every((id) => ticked?.includes(id)) ? Promise.resolve() : Promise.reject(new Error(t('checklistIncomplete'))),
            }]}
            validateStatus={byPlace.has(CHECKLIST) ? 'error' : undefined}
            help={byPlace.get(CHECKLIST)}
          >
            <Checkbox.Group style={{ width: '100%' }}>
              <Space orientation="vertical">
                {checklist.map((item) => (
                  <Checkbox key={item.id} value={item.id}>
                    {localize(item.label, locale, item.id)}
                    {item.required && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('checklistRequired')}</Tag>}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
