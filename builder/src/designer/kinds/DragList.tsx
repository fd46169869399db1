/**
 * A list reordered by drag and drop, with @dnd-kit/core alone (no sortable
 * preset): every item is both draggable (by its handle) and a drop target.
 * The keyboard sensor jumps from slot to slot, so arrow keys move an item one
 * place per press, and moves are announced in the UI language.
 */
import {
  closestCenter, DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type DragEndEvent, type KeyboardCoordinateGetter, type UniqueIdentifier,
} from '@dnd-kit/core';
import { useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { kindText } from './i18n.js';
import type { DesignerLocale } from './types.js';

export interface DragListProps {
  ids: readonly string[];
  onMove(from: number, to: number): void;
  /** How an item is named in screen-reader announcements. */
  itemName(id: string): string;
  renderItem(id: string, index: number, handle: ReactNode): ReactNode;
  locale: DesignerLocale;
  orientation?: 'vertical' | 'horizontal';
  gap?: number;
}

const FORWARD = new Set(['ArrowDown', 'ArrowRight']);
const BACKWARD = new Set(['ArrowUp', 'ArrowLeft']);

/** The next slot's coordinates, centring the dragged item on it so closest-center collision picks that slot. */
export function slotCoordinates(ids: readonly UniqueIdentifier[], code: string, current: UniqueIdentifier, rects: { get(id: UniqueIdentifier): { left: number; top: number; width: number; height: number } | undefined }, dragged: { width: number; height: number }) {
  const step = FORWARD.has(code) ? 1 : BACKWARD.has(code) ? -1 : 0;
  if (!step) return undefined;
  const target = ids[ids.indexOf(current) + step];
  const rect = target === undefined ? undefined : rects.get(target);
  if (!rect) return undefined;
  return { x: rect.left + rect.width / 2 - dragged.width / 2, y: rect.top + rect.height / 2 - dragged.height / 2 };
}

export function DragList({ ids, onMove, itemName, renderItem, locale, orientation = 'vertical', gap = 8 }: DragListProps) {
  const t = kindText(locale);
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const getter = useMemo<KeyboardCoordinateGetter>(() => (event, { context, currentCoordinates }) => {
    if (!FORWARD.has(event.code) && !BACKWARD.has(event.code)) return undefined;
    event.preventDefault();
    const current = context.over?.id ?? context.active?.id;
    if (current === undefined || !context.collisionRect) return currentCoordinates;
    return slotCoordinates(idsRef.current, event.code, current, context.droppableRects, context.collisionRect) ?? currentCoordinates;
  }, []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    // Instant scrolling: a smooth scroll still running when the next key arrives leaves the item short of its slot.
    useSensor(KeyboardSensor, { coordinateGetter: getter, scrollBehavior: 'auto' }),
  );
  const name = (id: UniqueIdentifier | undefined) => (id === undefined ? '' : itemName(String(id)));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('dragInstructions') },
        announcements: {
          onDragStart: ({ active }) => t('dragStart', { item: name(active.id) }),
          onDragOver: ({ active, over }) => (over ? t('dragOver', { item: name(active.id), target: name(over.id) }) : undefined),
          onDragEnd: ({ active, over }) => (over ? t('dragEnd', { item: name(active.id), target: name(over.id) }) : t('dragCancel', { item: name(active.id) })),
          onDragCancel: ({ active }) => t('dragCancel', { item: name(active.id) }),
        },
      }}
    >
      <div style={{ display: 'flex', flexDirection: orientation === 'vertical' ? 'column' : 'row', gap, alignItems: orientation === 'vertical' ? 'stretch' : 'flex-start' }}>
        {ids.map((id, index) => (
          <DragItem key={id} id={id} label={t('dragHandle')} itemName={itemName(id)}>
            {(handle) => renderItem(id, index, handle)}
          </DragItem>
        ))}
      </div>
    </DndContext>
  );
}

function DragItem({ id, label, itemName, children }: { id: string; label: string; itemName: string; children(handle: ReactNode): ReactNode }) {
  const drag = useDraggable({ id });
  const drop = useDroppable({ id });
  const setRef = (node: HTMLElement | null) => {
    drag.setNodeRef(node);
    drop.setNodeRef(node);
  };
  const style: CSSProperties = {
    transform: drag.transform ? `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` : undefined,
    position: 'relative',
    zIndex: drag.isDragging ? 10 : undefined,
    opacity: drag.isDragging ? 0.85 : 1,
    boxShadow: drag.isDragging ? '0 6px 16px rgba(0,0,0,0.15)' : undefined,
    outline: drop.isOver && !drag.isDragging ? '2px dashed #1677ff' : undefined,
    outlineOffset: 2,
    borderRadius: 8,
  };
  const handle = (
    <button type="button" className="sc-drag-handle" aria-label={`${label}: ${itemName}`} title={label} {...drag.attributes} {...drag.listeners}
      style={{ cursor: drag.isDragging ? 'grabbing' : 'grab', border: 'none', background: 'transparent', padding: '0 4px', fontSize: 16, lineHeight: 1, color: '#8c8c8c' }}>
      ⠿
    </button>
  );
  return <div ref={setRef} style={style} data-drag-id={id}>{children(handle)}</div>;
}
