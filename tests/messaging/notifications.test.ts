import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';
import { NOTIFICATIONS, notify, type Notification } from '../../runtime/messaging/notifications.js';
import type { TenantStore } from '../../runtime/store/port.js';

let h: Harness;
let ts: TenantStore;
const ids: Record<string, string[]> = { rep1: [], rep2: [] };

beforeAll(async () => {
  h = await startHarness();
  ts = h.store.tenant('acme');
  for (let i = 0; i < 3; i++) {
    ids.rep1.push(await notify(ts, { user: 'rep1', message: { 'zh-CN': `商机 ${i} 已闲置 7 天`, en: `Deal ${i} idle for 7 days` }, entity: 'deal', recordId: `d-${i}`, source: { workflow: 'idleDeal' } }, new Date(Date.UTC(2026, 2, 2, 1, i))));
  }
  ids.rep2.push(await notify(ts, { user: 'rep2', message: { 'zh-CN': '请审批报价', en: 'Please approve the quote' } }, new Date(Date.UTC(2026, 2, 2, 2))));
});
afterAll(async () => h?.close());

const list = async (as: 'rep1' | 'rep2' | 'admin', query = '') => {
  const res = await h.inject({ method: 'GET', url: `/api/t/acme/notifications${query}` }, as);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Notification[]; unread: number };
};

describe('notifications API', () => {
  it('lists only the caller’s own notifications, newest first, with the unread count', async () => {
    const mine = await list('rep1');
    expect(mine.unread).toBe(3);
    expect(mine.items.map((n) => n.id)).toEqual([...ids.rep1].reverse());
    expect(mine.items[0]).toMatchObject({ user: 'rep1', read: false, entity: 'deal', recordId: 'd-2', message: { en: 'Deal 2 idle for 7 days' }, createdAt: '2026-03-02T01:02:00.000Z' });
    expect((await list('rep2')).items.map((n) => n.id)).toEqual(ids.rep2);
    expect(await list('admin')).toEqual({ items: [], unread: 0 });
    expect((await list('rep1', '?limit=2')).items).toHaveLength(2);
    for (const q of ['?limit=0', '?limit=201', '?limit=abc', '?unread=yes']) {
      const res = await h.inject({ method: 'GET', url: `/api/t/acme/notifications${q}` }, 'rep1');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_QUERY');
    }
    expect((await h.inject({ method: 'GET', url: '/api/t/acme/notifications' , headers: { authorization: '' } })).statusCode).toBe(401);
  });

  it('marks one read; another user’s id changes nothing', async () => {
    const foreign = await h.inject({ method: 'POST', url: `/api/t/acme/notifications/${ids.rep2[0]}/read` }, 'rep1');
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toEqual({ marked: 0, unread: 3 });
    expect((await list('rep2')).unread).toBe(1);

    const own = await h.inject({ method: 'POST', url: `/api/t/acme/notifications/${ids.rep1[0]}/read` }, 'rep1');
    expect(own.json()).toEqual({ marked: 1, unread: 2 });
    const again = await h.inject({ method: 'POST', url: `/api/t/acme/notifications/${ids.rep1[0]}/read` }, 'rep1');
    expect(again.json()).toEqual({ marked: 0, unread: 2 });

    const unread = await list('rep1', '?unread=1');
    expect(unread.unread).toBe(2);
    expect(unread.items.map((n) => n.id)).toEqual([ids.rep1[2], ids.rep1[1]]);
    expect((await list('rep1')).items.find((n) => n.id === ids.rep1[0])?.read).toBe(true);
  });

  it('marks all of the caller’s own read, and only those', async () => {
    const res = await h.inject({ method: 'POST', url: '/api/t/acme/notifications/read-all' }, 'rep1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 2, unread: 0 });
    expect((await list('rep1', '?unread=1')).items).toEqual([]);
    expect((await list('rep2')).unread).toBe(1);
    expect(await ts.collection(NOTIFICATIONS).count({ user: 'rep2', read: false })).toBe(1);
  });
});
