/**
 * The board page of an entity with a pipeline (`/app/:tenant/:entity/board`):
 * title, the switch back to the list views, totals, and the board itself.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Tooltip, Typography } from 'antd';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { ViewDefinition } from '../../../schemas/view.js';
import { localize } from '../../../runtime/ui/labels.js';
import { isNetworkError } from '../api/http.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { BOARD, ViewSwitch } from '../pages/ViewSwitch.js';
import { Board } from './Board.js';
import { BoardTotals } from './BoardTotals.js';
import { useBoard } from './useBoard.js';
import type { PipelineDefinition } from '../../../schemas/pipeline.js';

const sortOf = (view: ViewDefinition | undefined) =>
  view?.sort?.length ? view.sort.map((s) => `${s.direction === 'desc' ? '-' : ''}${s.field}`).join(',') : '-updatedAt';

export default function BoardPage({ entity, pipeline, view }: { entity: EntityDefinition; pipeline: PipelineDefinition; view?: ViewDefinition }) {
  const { locale, t } = useLocale();
  const { board, setBoard, error, reload, refreshSummary } = useBoard(entity, pipeline, sortOf(view));
  const title = view ? localize(view.label, locale) : t('boardOf', { entity: localize(entity.label, locale) });

  return (
    <div className="sc-page sc-board-page">
      <div className="sc-page-header">
        <div className="sc-list-heading">
          <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
          <ViewSwitch entity={entity} current={BOARD} />
          {board && <BoardTotals board={board} />}
        </div>
        <Tooltip title={t('reload')}>
          <Button icon={<ReloadOutlined />} aria-label={t('reload')} onClick={reload} />
        </Tooltip>
      </div>
      {error !== undefined && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('boardLoadFailed')}
          description={isNetworkError(error) ? t('networkError') : error instanceof Error ? error.message : String(error)}
          action={<Button size="small" onClick={reload}>{t('retry')}</Button>} />
      )}
      {board
        ? <Board entity={entity} pipeline={pipeline} view={view} board={board} setBoard={setBoard} refreshSummary={refreshSummary} reload={reload} />
        : error === undefined && <Skeleton active paragraph={{ rows: 8 }} />}
    </div>
  );
}
