/**
 * Keyboard moves on the board: the left and right arrow keys carry the
 * dragged card to the neighbouring column (dnd-kit's default moves it 25 px
 * per key press, a dozen presses per column). Up and down do nothing: cards
 * are not ordered by hand within a column.
 */
import { KeyboardCode, type ClientRect, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';

/** Where the card's top edge lands below a column's top: under the column header. */
const BELOW_HEADER = 72;

export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  const card = context.collisionRect;
  if (step === 0 || !card) return undefined;
  event.preventDefault();
  const columns: { id: UniqueIdentifier; rect: ClientRect }[] = [];
  for (const container of context.droppableContainers.getEnabled()) {
    const rect = context.droppableRects.get(container.id);
    if (rect) columns.push({ id: container.id, rect });
  }
  columns.sort((a, b) => a.rect.left - b.rect.left);
  const center = card.left + card.width / 2;
  const distance = (r: ClientRect) => Math.abs(r.left + r.width / 2 - center);
  // The column under the card's centre, else the nearest one.
  let index = columns.findIndex((c) => center >= c.rect.left && center <= c.rect.left + c.rect.width);
  if (index < 0) index = columns.reduce((best, c, i) => (distance(c.rect) < distance(columns[best].rect) ? i : best), 0);
  const target = columns[index + step];
  if (!target) return undefined;
  return { x: target.rect.left + (target.rect.width - card.width) / 2, y: target.rect.top + BELOW_HEADER };
};
