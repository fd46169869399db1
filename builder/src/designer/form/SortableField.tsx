/** A field that can be dragged within and across sections and the palette (pointer or keyboard). */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties } from 'react';
import { FieldChip } from './FieldChip.js';

interface Props {
  id: string;
  label: string;
  typeName: string;
  required?: boolean;
  hasRules?: boolean;
  span?: number;
  selected?: boolean;
  palette?: boolean;
  onSelect?(): void;
}

export function SortableField({ id, span, onSelect, ...chip }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition, gridColumn: span ? `span ${span}` : undefined };
  return (
    <FieldChip ref={setNodeRef} style={style} className={isDragging ? 'sd-dragging' : undefined} data-field={id}
      {...chip} {...attributes} {...listeners} aria-roledescription="sortable" aria-label={chip.label} onClick={onSelect} />
  );
}
