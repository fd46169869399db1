/** Another admin published first: say which version, and offer to reload instead of overwriting it. */
import { Alert, Button } from 'antd';
import { useDesignerText } from '../i18n.js';

export function StaleAlert({ version, onReload }: { version: number | null; onReload(): void }) {
  const { t } = useDesignerText();
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('staleTitle')}
      description={t('staleBody', { version: version ?? '?' })} action={<Button onClick={onReload}>{t('reload')}</Button>} />
  );
}
