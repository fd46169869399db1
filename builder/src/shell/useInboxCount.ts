/** How many approval requests wait for the signed-in user, for the menu's badge: polled like the notifications, and after each write. */
import { useCallback, useEffect, useState } from 'react';
import { POLL_MS } from './useNotifications.js';
import { useTenant } from './TenantContext.js';

export function useInboxCount(): number {
  const { api, onWrite } = useTenant();
  const [count, setCount] = useState(0);
  const load = useCallback(() => {
    // A failed count keeps the last one; the inbox page itself reports errors.
    api.approvalsInbox().then((r) => setCount(r.items.length), () => undefined);
  }, [api]);
  useEffect(() => {
    load();
    const timer = window.setInterval(() => { if (!document.hidden) load(); }, POLL_MS);
    const off = onWrite(load);
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [load, onWrite]);
  return count;
}
