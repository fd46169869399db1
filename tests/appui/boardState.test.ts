/** The board's optimistic moves: counts and sums follow the card, and the opposite move undoes one exactly. */
import { describe, expect, it } from 'vitest';
import type { StageSummary } from '../../runtime/pipelines/summary.js';
import { locate, moveCard, withSummary, type BoardState } from '../../builder/src/board/boardState.js';

const stage = (value: string, probability: number, count: number, amount: number): StageSummary => ({
  stage: value, label: { 'zh-CN': value, en: value }, probability, forecastCategory: 'pipeline', outcome: 'open',
  count, amount, weightedAmount: (amount * probability) / 100,
});

function board(): BoardState {
  return {
    amountField: 'amount',
    refs: {},
    columns: [
      { stage: stage('a', 10, 3, 600), items: [{ id: '1', amount: 100, version: 1 }, { id: '2', amount: 200, version: 1 }, { id: '3', amount: 300, version: 1 }] },
      { stage: stage('b', 50, 1, 1000), items: [{ id: '4', amount: 1000, version: 1 }] },
    ],
  };
}

describe('board moves', () => {
  it('moves a card to the top of another column with its count, amount and weighted amount', () => {
    const next = moveCard(board(), '2', 'b');
    expect(next.columns[0].items.map((r) => r.id)).toEqual(['1', '3']);
    expect(next.columns[1].items.map((r) => r.id)).toEqual(['2', '4']);
    expect(next.columns[0].stage).toMatchObject({ count: 2, amount: 400, weightedAmount: 40 });
    expect(next.columns[1].stage).toMatchObject({ count: 2, amount: 1200, weightedAmount: 600 });
  });

  it('takes the amount of the record given (e.g. set in the dialog) for the target column', () => {
    const next = moveCard(board(), '1', 'b', { id: '1', amount: 5000, version: 2 });
    expect(next.columns[0].stage.amount).toBe(500);
    expect(next.columns[1].stage).toMatchObject({ count: 2, amount: 6000, weightedAmount: 3000 });
    expect(locate(next, '1')?.record.version).toBe(2);
  });

  it('is undone by the opposite move back to the same place, with the original record', () => {
    const start = board();
    const original = locate(start, '2')!.record;
    const moved = moveCard(start, '2', 'b', { id: '2', amount: 9999, version: 1 });
    const back = moveCard(moved, '2', 'a', original, 1);
    expect(back.columns.map((c) => c.items.map((r) => r.id))).toEqual([['1', '2', '3'], ['4']]);
    expect(back.columns.map((c) => [c.stage.count, c.stage.amount, c.stage.weightedAmount])).toEqual([[3, 600, 60], [1, 1000, 500]]);
  });

  it('replaces a card in place when it is already in the target column (the server answer after an optimistic move)', () => {
    const moved = moveCard(board(), '3', 'b');
    const answered = moveCard(moved, '3', 'b', { id: '3', amount: 300, version: 2 });
    expect(answered.columns[1].items.map((r) => [r.id, r.version])).toEqual([['3', 2], ['4', 1]]);
    expect(answered.columns[1].stage.count).toBe(2);
  });

  it('leaves the board as it is for an unknown card, and takes the server sums over local ones', () => {
    const start = board();
    expect(moveCard(start, 'nope', 'b')).toBe(start);
    const fresh = withSummary(start, [stage('b', 50, 7, 7000)]);
    expect(fresh.columns[1].stage.count).toBe(7);
    expect(fresh.columns[0].stage.count).toBe(3);
  });
});
