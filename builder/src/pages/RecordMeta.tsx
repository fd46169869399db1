/** Owner and last change of a record, under its title. */
import { Space, Typography } from 'antd';
import { formatDateTime } from '../../../runtime/ui/format.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import type { RecordData } from '../../../runtime/ui/types.js';
import { useLocale } from '../i18n/LocaleContext.js';

export function RecordMeta({ record }: { record: RecordData }) {
  const { t } = useLocale();
  const { locale, timeZone, userNames } = useRenderer();
  const owner = record.owner ? userNames?.[record.owner] ?? record.owner : undefined;
  return (
    <Space size="large" wrap className="sc-record-meta">
      {owner && <Typography.Text type="secondary">{t('owner')}: {owner}</Typography.Text>}
      {record.updatedAt && <Typography.Text type="secondary">{t('updatedAt')}: {formatDateTime(record.updatedAt, locale, timeZone)}</Typography.Text>}
    </Space>
  );
}
