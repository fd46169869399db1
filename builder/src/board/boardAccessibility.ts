/** What screen readers hear while a card is dragged, in the UI language, naming the card and the stages. */
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { ShellKey } from '../i18n/messages.js';

type Translate = (key: ShellKey, vars?: Record<string, string | number>) => string;

export interface BoardNames {
  card(id: UniqueIdentifier): string;
  /** The stage a card is in now: its label, and its value (the column's id). */
  stageOfCard(id: UniqueIdentifier): string;
  stageIdOfCard(id: UniqueIdentifier): UniqueIdentifier | null;
  stage(id: UniqueIdentifier): string;
}

export function boardAccessibility(t: Translate, names: BoardNames): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  // A picked-up card is over its own column at once; saying so would replace "picked up" before it is heard.
  // (The live region shows one text at a time: two in the same render, and only the last is spoken.)
  let lastOver: UniqueIdentifier | null = null;
  return {
    screenReaderInstructions: { draggable: t('dndInstructions') },
    announcements: {
      onDragStart: ({ active }) => {
        lastOver = names.stageIdOfCard(active.id);
        return t('dndPickedUp', { card: names.card(active.id), stage: names.stageOfCard(active.id) });
      },
      onDragOver: ({ active, over }) => {
        // Before the columns are measured a card is over nothing; only reaching a column is news.
        if (!over || over.id === lastOver) return undefined;
        lastOver = over.id;
        return t('dndOver', { card: names.card(active.id), stage: names.stage(over.id) });
      },
      onDragEnd: ({ active, over }) => (over
        ? t('dndDropped', { card: names.card(active.id), stage: names.stage(over.id) })
        : t('dndCancelled', { card: names.card(active.id), stage: names.stageOfCard(active.id) })),
      onDragCancel: ({ active }) => t('dndCancelled', { card: names.card(active.id), stage: names.stageOfCard(active.id) }),
    },
  };
}
