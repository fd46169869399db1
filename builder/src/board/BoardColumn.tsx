/**
 * One stage of the board: a drop target with its head, its first cards, and a
 * link to the list filtered by the stage when it holds more than are shown.
 */
import { useDroppable } from '@dnd-kit/core';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StageSummary } from '../../../runtime/pipelines/summary.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { Link } from '../router.js';
import { ColumnHeader } from './ColumnHeader.js';

export interface BoardColumnProps {
  stage: StageSummary;
  color?: string;
  /** Cards shown; fewer than `stage.count` when the column is capped. */
  shown: number;
  /** The list of the stage's records, for the "view all" link. */
  listHref: string;
  /** While a card is dragged: whether the pipeline has a transition into this stage from the card's. */
  reachable?: boolean;
  children: ReactNode;
}

export function BoardColumn({ stage, color, shown, listHref, reachable, children }: BoardColumnProps) {
  const { locale, t } = useLocale();
  const { setNodeRef, isOver } = useDroppable({ id: stage.stage });
  const classes = [
    'sc-board-column',
    isOver ? 'sc-board-column-over' : '',
    reachable === false ? 'sc-board-column-unreachable' : '',
    reachable === true ? 'sc-board-column-reachable' : '',
  ].filter(Boolean).join(' ');
  return (
    <section ref={setNodeRef} className={classes} aria-label={localize(stage.label, locale, stage.stage)} data-stage={stage.stage}>
      <ColumnHeader stage={stage} color={color} />
      <div className="sc-board-cards">
        {children}
        {shown === 0 && <Typography.Text type="secondary" className="sc-board-empty">{t('columnEmpty')}</Typography.Text>}
      </div>
      {stage.count > shown && (
        <Link to={listHref} className="sc-board-more">{t('showAllInColumn', { count: stage.count })}</Link>
      )}
    </section>
  );
}
