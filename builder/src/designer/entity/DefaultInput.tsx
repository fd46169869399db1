/** The default value, with an input that fits the field's type (so the server's schema accepts it). */
import { Select } from 'antd';
import { Toggle } from '../controls/Toggle.js';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import { CommitInput, CommitNumber } from '../controls/CommitInput.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';

export function DefaultInput({ field, patch }: { field: FieldDefinition; patch(props: Record<string, unknown>): void }) {
  const { t, locale } = useDesignerText();
  const label = t('default');
  switch (field.type) {
    case 'number': case 'currency': case 'percent':
      return <Labeled id="fe-default" label={label}><CommitNumber id="fe-default" value={field.default} onCommit={(v) => patch({ default: v })} /></Labeled>;
    case 'boolean':
      return (
        <Labeled id="fe-default" label={label}>
          <Select id="fe-default" allowClear style={{ width: '100%' }} value={field.default === undefined ? undefined : String(field.default)}
            onChange={(v?: string) => patch({ default: v === undefined ? undefined : v === 'true' })}
            options={[{ value: 'true', label: '✓' }, { value: 'false', label: '✗' }]} />
        </Labeled>
      );
    case 'select': case 'multiSelect':
      return (
        <Labeled id="fe-default" label={label}>
          <Select id="fe-default" allowClear style={{ width: '100%' }} mode={field.type === 'multiSelect' ? 'multiple' : undefined}
            value={field.default} onChange={(v: string | string[] | undefined) => patch({ default: Array.isArray(v) && v.length === 0 ? undefined : v })}
            options={field.options.map((o) => ({ value: o.value, label: o.label[locale] }))} />
        </Labeled>
      );
    case 'user':
      return <Toggle checked={field.default === 'currentUser'} onChange={(on) => patch({ default: on ? 'currentUser' : undefined })}>{t('defaultCurrentUser')}</Toggle>;
    case 'date': case 'datetime':
      return <Labeled id="fe-default" label={label} extra={field.type === 'date' ? 'today, today+7, 2026-01-31' : 'now'}>
        <CommitInput id="fe-default" value={field.default} onCommit={(v) => patch({ default: v || undefined })} /></Labeled>;
    case 'text': case 'longText': case 'email': case 'phone': case 'url':
      return <Labeled id="fe-default" label={label}><CommitInput id="fe-default" value={field.default} onCommit={(v) => patch({ default: v || undefined })} /></Labeled>;
    default:
      return null;
  }
}
