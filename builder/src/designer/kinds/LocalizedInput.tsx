/** A label in both languages (both required by the definition language). */
import { Input, Space } from 'antd';
import { kindText } from './i18n.js';
import type { DesignerLocale } from './types.js';

export interface LocalizedText { 'zh-CN': string; en: string }

export function LocalizedInput({ value, onChange, locale, status, placeholders }: {
  value: LocalizedText | undefined;
  onChange(next: LocalizedText): void;
  locale: DesignerLocale;
  status?: 'error';
  placeholders?: [string, string];
}) {
  const t = kindText(locale);
  const v = value ?? { 'zh-CN': '', en: '' };
  return (
    <Space.Compact block>
      <Input status={status} aria-label={placeholders?.[0] ?? t('labelZh')} placeholder={placeholders?.[0] ?? t('labelZh')} value={v['zh-CN']} onChange={(e) => onChange({ ...v, 'zh-CN': e.target.value })} />
      <Input status={status} aria-label={placeholders?.[1] ?? t('labelEn')} placeholder={placeholders?.[1] ?? t('labelEn')} value={v.en} onChange={(e) => onChange({ ...v, en: e.target.value })} />
    </Space.Compact>
  );
}
