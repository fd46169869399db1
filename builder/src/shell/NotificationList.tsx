/** The bell's dropdown: the newest notifications, unread ones marked, each opening its record; and "mark all read". */
import { Button, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { Notification } from '../../../runtime/messaging/notifications.js';
import { formatDateTime } from '../../../runtime/ui/format.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import { useLocale } from '../i18n/LocaleContext.js';

dayjs.extend(relativeTime);

export interface NotificationListProps {
  items: readonly Notification[];
  unread: number;
  failed: boolean;
  onOpen: (n: Notification) => void;
  onMarkAllRead: () => void;
  onRetry: () => void;
}

export function NotificationList({ items, unread, failed, onOpen, onMarkAllRead, onRetry }: NotificationListProps) {
  const { locale, t } = useLocale();
  const { timeZone } = useRenderer();
  return (
    <div className="sc-notifications" role="region" aria-label={t('notifications')}>
      <div className="sc-notifications-head">
        <Typography.Text strong>{t('notifications')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={onMarkAllRead}>{t('markAllRead')}</Button>
      </div>
      {failed && (
        <div className="sc-notifications-empty">
          <Typography.Text type="secondary">{t('notificationsLoadFailed')}</Typography.Text>{' '}
          <Button type="link" size="small" onClick={onRetry}>{t('retry')}</Button>
        </div>
      )}
      {!failed && items.length === 0 && <div className="sc-notifications-empty"><Typography.Text type="secondary">{t('notificationsEmpty')}</Typography.Text></div>}
      <ul className="sc-notifications-list">
        {items.map((n) => (
          <li key={n.id}>
            <button type="button" className={`sc-notification${n.read ? '' : ' sc-notification-unread'}`} onClick={() => onOpen(n)}>
              <span className="sc-notification-dot" aria-hidden />
              <span className="sc-notification-text">
                {!n.read && <span className="sc-sr-only">{t('unread')}: </span>}
                {localize(n.message, locale)}
              </span>
              <span className="sc-notification-time" title={formatDateTime(n.createdAt, locale, timeZone)}>{dayjs(n.createdAt).fromNow()}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
