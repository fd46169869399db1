/** The header's bell: the unread count, and the list of notifications on click. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import type { Notification } from '../../../runtime/messaging/notifications.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { navigate } from '../router.js';
import { NotificationList } from './NotificationList.js';
import { useTenant } from './TenantContext.js';
import { useNotifications } from './useNotifications.js';

export function NotificationBell() {
  const { path, entity } = useTenant();
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const { page, failed, reload, markRead, markAllRead } = useNotifications();
  const unread = page?.unread ?? 0;

  const openOne = (n: Notification) => {
    if (!n.read) void markRead(n.id).catch(reload);
    // A record of an entity the user can no longer see stays unlinked rather than opening a 404.
    if (n.entity && n.recordId && entity(n.entity)) {
      setOpen(false);
      navigate(path(n.entity, n.recordId));
    }
  };

  return (
    <Popover
      open={open}
      onOpenChange={(next) => { setOpen(next); if (next) reload(); }}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      content={
        <NotificationList items={page?.items ?? []} unread={unread} failed={failed && !page}
          onOpen={openOne} onMarkAllRead={() => void markAllRead().catch(reload)} onRetry={reload} />
      }
    >
      <Button type="text" aria-label={unread ? t('notificationsUnread', { count: unread }) : t('notifications')}
        icon={<Badge count={unread} size="small" overflowCount={99}><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Popover>
  );
}
