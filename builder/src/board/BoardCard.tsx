/**
 * A card the user drags to another column (pointer, touch or keyboard). A
 * click or Enter opens the record; Space picks the card up for the keyboard.
 */
import { useDraggable } from '@dnd-kit/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useLocale } from '../i18n/LocaleContext.js';

export interface BoardCardProps {
  id: string;
  /** While its move is on its way to the server, a card cannot be picked up again. */
  busy?: boolean;
  onOpen: () => void;
  children: ReactNode;
}

export function BoardCard({ id, busy, onOpen, children }: BoardCardProps) {
  const { t } = useLocale();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id, disabled: busy, attributes: { roleDescription: t('cardRole') } });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !isDragging) {
      e.preventDefault();
      onOpen();
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  const classes = ['sc-board-card', isDragging ? 'sc-board-card-placeholder' : '', busy ? 'sc-board-card-busy' : ''].filter(Boolean).join(' ');
  return (
    <div ref={setNodeRef} {...attributes} {...listeners} onKeyDown={onKeyDown} onClick={onOpen} className={classes} aria-busy={busy || undefined}>
      {children}
    </div>
  );
}
