/**
 * A handlebars template with a variable picker (fields, the owner's name,
 * previous values, date helpers) and a live preview on a sample record,
 * rendered by the runtime's template environment.
 */
import { Alert, Input, Select, Space, Typography, type GetRef } from 'antd';
import { useMemo, useRef } from 'react';
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import { kindText, type KindKey } from '../i18n.js';
import type { DesignerLocale } from '../types.js';
import { insertAt, renderPreview, sampleData, templateVariables } from './templateModel.js';

export interface TemplateEditorProps {
  value: string;
  onChange(next: string): void;
  entity: EntityDefinition | undefined;
  locale: DesignerLocale;
  rows?: number;
  status?: 'error';
  ariaLabel?: string;
  /** One-line input (subjects, field templates). */
  single?: boolean;
  /** Sample record values to preview with (e.g. the record picked for a test). */
  sample?: Record<string, unknown>;
}

const GROUPS: { key: 'field' | 'owner' | 'previous' | 'helper'; label: KindKey }[] = [
  { key: 'field', label: 'vg_field' }, { key: 'owner', label: 'vg_owner' }, { key: 'previous', label: 'vg_previous' }, { key: 'helper', label: 'vg_helper' },
];

export function TemplateEditor({ value, onChange, entity, locale, rows = 3, status, ariaLabel, single, sample }: TemplateEditorProps) {
  const t = kindText(locale);
  const area = useRef<GetRef<typeof Input.TextArea>>(null);
  const line = useRef<HTMLInputElement | null>(null);
  const selection = useRef<[number, number]>([value.length, value.length]);
  const vars = useMemo(() => templateVariables(entity, locale, { owner: t('varOwner'), previous: t('varPrevious'), today: t('varToday'), inDays: t('varInDays') }), [entity, locale]);
  const today = new Date().toISOString().slice(0, 10);
  const preview = renderPreview(value, sampleData(entity, today, sample), new Date());
  const remember = (el: HTMLInputElement | HTMLTextAreaElement | null | undefined) => {
    if (el) selection.current = [el.selectionStart ?? value.length, el.selectionEnd ?? value.length];
  };
  const insert = (text: string) => {
    const [s, e] = selection.current;
    const next = insertAt(value, text, s, e);
    onChange(next.text);
    selection.current = [next.caret, next.caret];
    requestAnimationFrame(() => {
      const el = single ? line.current : area.current?.resizableTextArea?.textArea;
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };
  const picker = (
    <Select size="small" aria-label={t('insertVariable')} placeholder={`{ } ${t('insertVariable')}`} style={{ width: 200 }} value={null} showSearch optionFilterProp="label"
      options={GROUPS.map((g) => ({ label: t(g.label), options: vars.filter((v) => v.group === g.key).map((v) => ({ value: v.insert, label: `${v.label}  ${v.insert}` })) }))}
      onChange={(v: string) => insert(v)} />
  );
  return (
    <div className="sc-template-editor">
      <Space.Compact block>
        {single ? (
          <Input ref={(r) => { line.current = r?.input ?? null; }} aria-label={ariaLabel} status={status ?? (preview.ok ? undefined : 'error')} value={value}
            onChange={(e) => { onChange(e.target.value); remember(e.target); }} onSelect={(e) => remember(e.currentTarget)} onBlur={(e) => remember(e.currentTarget)} />
        ) : null}
        {single ? picker : null}
      </Space.Compact>
      {!single && (
        <>
          <div style={{ marginBottom: 4 }}>{picker}</div>
          <Input.TextArea ref={area} aria-label={ariaLabel} rows={rows} status={status ?? (preview.ok ? undefined : 'error')} value={value} style={{ fontFamily: 'monospace' }}
            onChange={(e) => { onChange(e.target.value); remember(e.target); }} onSelect={(e) => remember(e.currentTarget)} onBlur={(e) => remember(e.currentTarget)} />
        </>
      )}
      {preview.ok ? (
        <div className="sc-template-preview" style={{ background: '#fafafa', border: '1px dashed #d9d9d9', borderRadius: 6, padding: '4px 8px', marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('preview')}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }} aria-live="polite">{preview.text || '—'}</div>
        </div>
      ) : (
        <Alert style={{ marginTop: 4 }} type="error" showIcon title={t('previewError', { error: preview.error })} />
      )}
    </div>
  );
}
