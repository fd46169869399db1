/**
 * The signed-in user's notifications for the header bell: loaded at start,
 * every 30 s while the tab is visible, when the tab comes back, and after each
 * of the user's own saves (a workflow may have notified them). Marking read
 * shows at once; the server's answer sets the unread count.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationPage } from '../api/tenantApi.js';
import { useTenant } from './TenantContext.js';

export const POLL_MS = 30_000;
const SHOWN = 20;

export function useNotifications() {
  const { api, onWrite } = useTenant();
  const [page, setPage] = useState<NotificationPage | undefined>();
  const [failed, setFailed] = useState(false);
  // Answers can cross: only the newest request may set the list.
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    api.notifications({ limit: SHOWN }).then(
      (p) => { if (ticket === latest.current) { setPage(p); setFailed(false); } },
      () => { if (ticket === latest.current) setFailed(true); },
    );
  }, [api]);

  useEffect(() => {
    load();
    const timer = window.setInterval(() => { if (!document.hidden) load(); }, POLL_MS);
    const onVisible = () => { if (!document.hidden) load(); };
    document.addEventListener('visibilitychange', onVisible);
    const off = onWrite(load);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      off();
    };
  }, [load, onWrite]);

  const markRead = useCallback(async (id: string) => {
    setPage((p) => p && {
      items: p.items.map((n) => (n.id === id ? { ...n, read: true } : n)),
      unread: Math.max(0, p.unread - (p.items.some((n) => n.id === id && !n.read) ? 1 : 0)),
    });
    const { unread } = await api.readNotification(id);
    setPage((p) => p && { ...p, unread });
  }, [api]);

  const markAllRead = useCallback(async () => {
    setPage((p) => p && { items: p.items.map((n) => ({ ...n, read: true })), unread: 0 });
    await api.readAllNotifications();
  }, [api]);

  return { page, failed, reload: load, markRead, markAllRead };
}
