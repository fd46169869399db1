/** How a field looks on the canvas, in the palette and under the pointer while dragged. */
import { Tag } from 'antd';
import { forwardRef, type HTMLAttributes } from 'react';

interface Props extends HTMLAttributes<HTMLDivElement> {
  label: string;
  typeName: string;
  required?: boolean;
  hasRules?: boolean;
  selected?: boolean;
  palette?: boolean;
}

export const FieldChip = forwardRef<HTMLDivElement, Props>(function FieldChip({ label, typeName, required, hasRules, selected, palette, className, ...rest }, ref) {
  return (
    <div ref={ref} className={`${palette ? 'sd-palette-item' : 'sd-canvas-field'} ${className ?? ''}`} aria-selected={selected} {...rest}>
      <span aria-hidden style={{ color: '#8c8c8c' }}>⠿</span>
      <span className="sd-grow">{required && <span style={{ color: '#ff4d4f' }}>* </span>}{label}</span>
      {hasRules && <Tag color="purple" style={{ marginInlineEnd: 0 }}>ƒ</Tag>}
      <Tag style={{ marginInlineEnd: 0 }}>{typeName}</Tag>
    </div>
  );
});
