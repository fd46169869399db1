/** Unplaced fields (drag onto a section; drag a placed field back here to take it off) and layout blocks. */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Typography } from 'antd';
import { useDesignerText } from '../i18n.js';
import { PALETTE, type BlockKind } from './dndIds.js';
import type { FieldInfo } from './fieldInfo.js';
import { PaletteBlock } from './PaletteBlock.js';
import { SortableField } from './SortableField.js';

interface Props {
  fields: string[];
  info(name: string): FieldInfo;
  onAddBlock(kind: BlockKind): void;
}

const BLOCKS: { kind: BlockKind; key: 'sectionBlock' | 'columns2Block' | 'columns3Block' | 'tabBlock' }[] = [
  { kind: 'section1', key: 'sectionBlock' },
  { kind: 'section2', key: 'columns2Block' },
  { kind: 'section3', key: 'columns3Block' },
  { kind: 'tab', key: 'tabBlock' },
];

export function Palette({ fields, info, onAddBlock }: Props) {
  const { t } = useDesignerText();
  const { setNodeRef } = useDroppable({ id: PALETTE });
  return (
    <div>
      <div className="sd-pane-title">{t('unplacedFields')}</div>
      <SortableContext id={PALETTE} items={fields} strategy={verticalListSortingStrategy}>
        <div ref={setNodeRef} role="list" aria-label={t('unplacedFields')} style={{ minHeight: 40 }}>
          {fields.map((name) => <SortableField key={name} id={name} palette {...info(name)} />)}
          {fields.length === 0 && <Typography.Text type="secondary">{t('allPlaced')}</Typography.Text>}
        </div>
      </SortableContext>
      <div className="sd-pane-title" style={{ marginTop: 16 }}>{t('layoutBlocks')}</div>
      {BLOCKS.map((b) => <PaletteBlock key={b.kind} kind={b.kind} label={t(b.key)} onAdd={() => onAddBlock(b.kind)} />)}
    </div>
  );
}
