/**
 * The drag-and-drop board of one pipeline: a column per stage, cards that
 * move between columns by mouse, touch or keyboard (useBoardSensors), a floating copy of the
 * card while it moves (DragOverlay), spoken announcements, and the dialog a
 * move opens when it needs fields or checklist ticks.
 */
import {
  DndContext, DragOverlay, pointerWithin, rectIntersection,
  type CollisionDetection, type DragEndEvent, type DragStartEvent, type UniqueIdentifier,
} from '@dnd-kit/core';
import type { Dispatch, SetStateAction } from 'react';
import { useMemo, useState } from 'react';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { PipelineDefinition } from '../../../schemas/pipeline.js';
import type { ViewDefinition } from '../../../schemas/view.js';
import { titleOf } from '../../../runtime/ui/fields.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { navigate } from '../router.js';
import { useTenant } from '../shell/TenantContext.js';
import { boardAccessibility } from './boardAccessibility.js';
import { BoardCard } from './BoardCard.js';
import { BoardColumn } from './BoardColumn.js';
import { locate, type BoardState } from './boardState.js';
import { CardBody } from './CardBody.js';
import { cardFields } from './cardFields.js';
import { stageListHref } from './stageListHref.js';
import { TransitionDialog } from './TransitionDialog.js';
import { useBoardSensors } from './useBoardSensors.js';
import { findTransition } from './transitionNeeds.js';
import { useStageMove } from './useStageMove.js';

export interface BoardProps {
  entity: EntityDefinition;
  pipeline: PipelineDefinition;
  view?: ViewDefinition;
  board: BoardState;
  setBoard: Dispatch<SetStateAction<BoardState | undefined>>;
  refreshSummary: () => Promise<void>;
  reload: () => void;
}

/** The column under the pointer; for the keyboard (no pointer), the column the card overlaps most. */
const collision: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

export function Board({ entity, pipeline, view, board, setBoard, refreshSummary, reload }: BoardProps) {
  const { path } = useTenant();
  const { t } = useLocale();
  const [active, setActive] = useState<string | null>(null);
  const move = useStageMove({ entity, pipeline, board, setBoard, refreshSummary, reload });
  const fields = useMemo(() => cardFields(entity, view, board.amountField), [entity, view, board.amountField]);
  const sensors = useBoardSensors();

  const accessibility = useMemo(() => {
    const found = (id: UniqueIdentifier) => locate(board, String(id));
    return boardAccessibility(t, {
      card: (id) => { const f = found(id); return f ? titleOf(entity, f.record) : String(id); },
      stageOfCard: (id) => { const f = found(id); return f ? move.stageLabel(f.column.stage.stage) : ''; },
      stageIdOfCard: (id) => found(id)?.column.stage.stage ?? null,
      stage: (id) => move.stageLabel(String(id)),
    });
  }, [board, entity, move.stageLabel, t]);

  const activeCard = active ? locate(board, active) : undefined;
  const fromStage = activeCard?.column.stage.stage;

  const onDragStart = (e: DragStartEvent) => setActive(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    if (e.over) move.drop(String(e.active.id), String(e.over.id));
  };

  return (
    <>
      <DndContext sensors={sensors} collisionDetection={collision} accessibility={accessibility}
        onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setActive(null)}>
        <div className="sc-board" role="list">
          {board.columns.map((column) => {
            const stage = pipeline.stages.find((s) => s.value === column.stage.stage);
            const reachable = fromStage === undefined || fromStage === column.stage.stage ? undefined : !!findTransition(pipeline, fromStage, column.stage.stage);
            return (
              <div role="listitem" key={column.stage.stage} className="sc-board-slot">
                <BoardColumn stage={column.stage} color={stage?.color} shown={column.items.length} reachable={reachable}
                  listHref={stageListHref(path(entity.name), pipeline.field, column.stage.stage)}>
                  {column.items.map((record) => {
                    const id = String(record.id);
                    return (
                      <BoardCard key={id} id={id} busy={move.busy.has(id)} onOpen={() => navigate(path(entity.name, id))}>
                        <CardBody entity={entity} record={record} fields={fields} refs={board.refs} />
                      </BoardCard>
                    );
                  })}
                </BoardColumn>
              </div>
            );
          })}
        </div>
        <DragOverlay dropAnimation={null}>
          {activeCard && (
            <div className="sc-board-card sc-board-card-overlay">
              <CardBody entity={entity} record={activeCard.record} fields={fields} refs={board.refs} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      {move.dialog && (
        <TransitionDialog
          key={`${move.dialog.id}>${move.dialog.to}`}
          entity={entity}
          record={move.dialog.record}
          refs={board.refs}
          fromLabel={move.stageLabel(move.dialog.from)}
          toLabel={move.stageLabel(move.dialog.to)}
          fields={move.dialog.fields}
          checklist={move.dialog.checklist}
          errors={move.dialog.errors}
          submitting={move.submitting}
          onSubmit={(answer) => void move.submitDialog(answer)}
          onCancel={move.cancelDialog}
        />
      )}
    </>
  );
}
