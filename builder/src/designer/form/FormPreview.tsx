/**
 * The form rendered by the app's own renderer (runtime/ui RecordForm) on a
 * sample record, from the working draft: rules act live as values change.
 */
import { Alert, App, Button, Form } from 'antd';
import { useMemo } from 'react';
import type { EntityDefinition } from '../../../../schemas/entity.js';
import type { FormDefinition } from '../../../../schemas/form.js';
import { RecordForm } from '../../../../runtime/ui/RecordForm.js';
import type { SearchLookup } from '../../../../runtime/ui/types.js';
import { useDesignerText } from '../i18n.js';
import { sampleRecord } from '../model/formula.js';

export function FormPreview({ entity, form, searchLookup }: { entity: EntityDefinition; form: FormDefinition; searchLookup: SearchLookup }) {
  const { t, locale } = useDesignerText();
  const { message } = App.useApp();
  const [instance] = Form.useForm();
  // Lookups, users and files have no sample; everything else starts filled so rules have something to act on.
  const sample = useMemo(() => sampleRecord(entity, new Date(), locale), [entity, locale]);
  const key = useMemo(() => JSON.stringify([entity, form]), [entity, form]);
  return (
    <div className="sd-section" data-testid="form-preview">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('livePreview')} />
      <RecordForm key={key} entity={entity} form={form} initialValues={sample} searchLookup={searchLookup} formInstance={instance}
        onSubmit={() => message.success(t('previewChecked'))} />
      <Button type="primary" onClick={() => instance.submit()}>{t('checkPreview')}</Button>
    </div>
  );
}
