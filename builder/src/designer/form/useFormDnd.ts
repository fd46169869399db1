/**
 * Drag-and-drop state of the form canvas, after dnd-kit's MultipleContainers
 * story: while dragging, a copy of the containers is re-arranged as the field
 * crosses into another section (or back to the palette); on drop, the result
 * is applied to the form as ONE pure edit (so one undo step), on cancel dropped.
 */
import {
  closestCenter, getFirstCollision, pointerWithin, rectIntersection,
  type CollisionDetection, type DragEndEvent, type DragOverEvent, type DragStartEvent, type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntityDefinition } from '../../../../schemas/entity.js';
import type { FormDefinition } from '../../../../schemas/form.js';
import { placeField, unplaceField } from '../model/form.js';
import { blockKindOf, CANVAS, containerOf, itemsOf, PALETTE, sectionIdOf, type BlockKind, type Items } from './dndIds.js';

interface Options {
  entity: EntityDefinition;
  form: FormDefinition;
  change(fn: (f: FormDefinition) => FormDefinition): void;
  /** A layout block dropped on the canvas, after the section `afterSection` (or at the end). */
  onBlock(kind: BlockKind, afterSection: string | null): void;
}

export function useFormDnd({ entity, form, change, onBlock }: Options) {
  const [dragItems, setDragItems] = useState<Items | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const items = dragItems ?? itemsOf(entity, form);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const lastOverId = useRef<UniqueIdentifier | null>(null);
  const movedToNewContainer = useRef(false);

  useEffect(() => {
    requestAnimationFrame(() => { movedToNewContainer.current = false; });
  }, [dragItems]);

  const collisionDetection = useCallback<CollisionDetection>((args) => {
    if (activeId && blockKindOf(activeId)) {
      const targets = args.droppableContainers.filter((c) => String(c.id).startsWith('section:') || c.id === CANVAS);
      const hits = pointerWithin({ ...args, droppableContainers: targets });
      return hits.length ? hits : rectIntersection({ ...args, droppableContainers: targets });
    }
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    let overId = getFirstCollision(hits.filter((h) => h.id !== CANVAS), 'id');
    if (overId != null) {
      const current = itemsRef.current;
      const inside = current[String(overId)];
      // Over a container with fields: aim at its closest field instead.
      if (inside && inside.length > 0) {
        overId = closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => c.id !== overId && inside.includes(String(c.id))) })[0]?.id ?? overId;
      }
      lastOverId.current = overId;
      return [{ id: overId }];
    }
    if (movedToNewContainer.current) lastOverId.current = activeId;
    return lastOverId.current ? [{ id: lastOverId.current }] : [];
  }, [activeId]);

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    if (!blockKindOf(String(active.id))) setDragItems(itemsOf(entity, form));
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const id = String(active.id);
    if (!over || blockKindOf(id) || over.id === CANVAS) return;
    setDragItems((prev) => {
      const current = prev ?? itemsOf(entity, form);
      const from = containerOf(current, id);
      const to = containerOf(current, String(over.id));
      if (!from || !to || from === to) return current;
      const overItems = current[to];
      const overIndex = overItems.indexOf(String(over.id));
      const below = !!active.rect.current.translated && active.rect.current.translated.top > over.rect.top + over.rect.height;
      const index = overIndex >= 0 ? overIndex + (below ? 1 : 0) : overItems.length;
      movedToNewContainer.current = true;
      return {
        ...current,
        [from]: current[from].filter((x) => x !== id),
        [to]: [...overItems.slice(0, index), id, ...overItems.slice(index)],
      };
    });
  };

  const finish = () => {
    setActiveId(null);
    setDragItems(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    const block = blockKindOf(id);
    if (block) {
      if (over) onBlock(block, sectionIdOf(String(over.id)));
      return finish();
    }
    const current = itemsRef.current;
    const container = containerOf(current, id);
    if (!over || !container) return finish();
    let list = current[container];
    const overIndex = list.indexOf(String(over.id));
    if (overIndex >= 0) list = arrayMove(list, list.indexOf(id), overIndex);
    const section = sectionIdOf(container);
    const index = list.indexOf(id);
    finish();
    if (container === PALETTE) {
      if (!itemsOf(entity, form)[PALETTE].includes(id)) change((f) => unplaceField(f, id));
    } else if (section) {
      const before = itemsOf(entity, form)[container] ?? [];
      if (before.indexOf(id) !== index) change((f) => placeField(f, id, section, index));
    }
  };

  return { items, activeId, collisionDetection, onDragStart, onDragOver, onDragEnd, onDragCancel: finish, itemsRef };
}
