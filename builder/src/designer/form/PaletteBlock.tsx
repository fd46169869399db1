/** A layout block: drag it onto the canvas, or press it to add it at the end. */
import { useDraggable } from '@dnd-kit/core';
import { AppstoreOutlined } from '@ant-design/icons';
import { blockId, type BlockKind } from './dndIds.js';

export function PaletteBlock({ kind, label, onAdd }: { kind: BlockKind; label: string; onAdd(): void }) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: blockId(kind) });
  return (
    // Pointer drags start from the block; Enter/Space add it directly, which is easier than dragging by keyboard.
    <div ref={setNodeRef} className={`sd-palette-item${isDragging ? ' sd-dragging' : ''}`} role="button" tabIndex={0} data-block={kind}
      {...listeners} onClick={onAdd} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onAdd())}>
      <AppstoreOutlined /> {label}
    </div>
  );
}
