/** What a screen reader hears while a field is dragged, in the UI language, in the admin's terms (labels, not ids). */
import type { Announcements } from '@dnd-kit/core';
import type { DesignerText } from '../i18n.js';
import { containerOf, type Items } from './dndIds.js';

export interface Namer {
  item(id: string): string;
  container(id: string): string;
}

export function announcements(t: DesignerText, names: Namer, items: () => Items): Announcements {
  /** Where the item would land: at the position of the item it is over, or at the end of the container it is over. */
  const where = (overId: string) => {
    const all = items();
    const container = containerOf(all, overId);
    if (!container) return null;
    const at = all[container].indexOf(overId);
    return { section: names.container(container), position: at < 0 ? all[container].length + 1 : at + 1 };
  };
  const over = (activeId: string, overId: string | undefined, done: boolean) => {
    const item = names.item(activeId);
    const place = overId ? where(overId) : null;
    if (!place) return t(done ? 'announceEndNone' : 'announceOverNone', { item });
    return t(done ? 'announceEnd' : 'announceOver', { item, ...place });
  };
  return {
    onDragStart: ({ active }) => t('announceStart', { item: names.item(String(active.id)) }),
    onDragOver: ({ active, over: o }) => over(String(active.id), o ? String(o.id) : undefined, false),
    onDragEnd: ({ active, over: o }) => over(String(active.id), o ? String(o.id) : undefined, true),
    onDragCancel: ({ active }) => t('announceCancel', { item: names.item(String(active.id)) }),
  };
}
