/**
 * The board's data as plain values, and the moves on it. A move is applied
 * before the server answers (optimistic) and undone by the opposite move if
 * the server refuses it — not by restoring a snapshot, which would also undo
 * another card moved in the meantime.
 */
import type { StageSummary } from '../../../runtime/pipelines/summary.js';
import type { RecordData, RecordRefs } from '../../../runtime/ui/types.js';

export interface BoardColumnState {
  stage: StageSummary;
  /** The first cards of the column, as loaded (capped), plus cards moved here. */
  items: RecordData[];
}

export interface BoardState {
  columns: BoardColumnState[];
  /** Field summed as the amount, or null when the entity has none (or the role hides it). */
  amountField: string | null;
  refs: RecordRefs;
}

const cents = (n: number) => Math.round(n * 100) / 100;

export function locate(board: BoardState, id: string): { column: BoardColumnState; record: RecordData } | undefined {
  for (const column of board.columns) {
    const record = column.items.find((r) => String(r.id) === id);
    if (record) return { column, record };
  }
  return undefined;
}

function withAmount(stage: StageSummary, countDelta: number, amountDelta: number): StageSummary {
  const amount = stage.amount === null ? null : cents(stage.amount + amountDelta);
  return {
    ...stage,
    count: Math.max(0, stage.count + countDelta),
    amount,
    weightedAmount: amount === null ? null : cents((amount * stage.probability) / 100),
  };
}

/**
 * The board with the card `id` moved into column `to` at position `at` (the
 * top by default), as `record` when given (the server's answer), with counts
 * and sums adjusted.
 */
export function moveCard(board: BoardState, id: string, to: string, record?: RecordData, at = 0): BoardState {
  const found = locate(board, id);
  if (!found) return board;
  const next = record ?? found.record;
  const amountOf = (r: RecordData) => (board.amountField && typeof r[board.amountField] === 'number' ? (r[board.amountField] as number) : 0);
  const columns = board.columns.map((column) => {
    const stage = column.stage.stage;
    if (stage === found.column.stage.stage && stage === to) {
      return { ...column, items: column.items.map((r) => (String(r.id) === id ? next : r)) };
    }
    if (stage === found.column.stage.stage) {
      return { stage: withAmount(column.stage, -1, -amountOf(found.record)), items: column.items.filter((r) => String(r.id) !== id) };
    }
    if (stage === to) {
      const items = [...column.items];
      items.splice(Math.min(Math.max(at, 0), items.length), 0, next);
      return { stage: withAmount(column.stage, 1, amountOf(next)), items };
    }
    return column;
  });
  return { ...board, columns };
}

/** Replaces the column sums with the server's, keeping the cards. */
export function withSummary(board: BoardState, stages: readonly StageSummary[]): BoardState {
  const byStage = new Map(stages.map((s) => [s.stage, s]));
  return { ...board, columns: board.columns.map((c) => ({ ...c, stage: byStage.get(c.stage.stage) ?? c.stage })) };
}
