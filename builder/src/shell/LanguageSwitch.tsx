/** Switches the UI between Chinese and English; the choice is remembered by LocaleProvider. */
import { GlobalOutlined } from '@ant-design/icons';
import { Segmented, Space } from 'antd';
import type { UiLocale } from '../../../runtime/ui/types.js';
import { useLocale } from '../i18n/LocaleContext.js';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  // Each language is named in itself, so a user who cannot read the current UI still finds theirs.
  return (
    <Space size={6} aria-label={t('language')}>
      <GlobalOutlined style={{ color: '#8c8c8c' }} />
      <Segmented<UiLocale>
        size="small"
        value={locale}
        onChange={setLocale}
        options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
      />
    </Space>
  );
}
