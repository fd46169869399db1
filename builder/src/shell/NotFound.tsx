/** Shown for unknown paths, entities and records. */
import { Button, Result } from 'antd';
import { useLocale } from '../i18n/LocaleContext.js';
import { navigate } from '../router.js';

export function NotFound({ subTitle }: { subTitle?: string }) {
  const { t } = useLocale();
  return (
    <Result
      status="404"
      title={t('notFoundTitle')}
      subTitle={subTitle ?? t('notFoundBody')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('backToHome')}</Button>}
    />
  );
}
