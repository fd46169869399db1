/**
 * Loads a pipeline's board: the stage sums from the pipeline summary and the
 * first cards of each column from the records list (one call per stage, so
 * every column shows its own first cards, not a slice of one big page).
 */
import { useCallback, useEffect, useState } from 'react';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { PipelineDefinition } from '../../../schemas/pipeline.js';
import type { RecordRefs } from '../../../runtime/ui/types.js';
import { useTenant } from '../shell/TenantContext.js';
import { withSummary, type BoardState } from './boardState.js';

/** Cards loaded per column; the rest is a link to the list filtered by the stage. */
export const CARDS_PER_COLUMN = 20;

export function useBoard(entity: EntityDefinition, pipeline: PipelineDefinition, sort: string) {
  const { api } = useTenant();
  const [board, setBoard] = useState<BoardState | undefined>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setError(undefined);
    (async () => {
      const [summary, pages] = await Promise.all([
        api.pipelineSummary(pipeline.name),
        Promise.all(pipeline.stages.map((s) =>
          api.list(entity.name, { filter: { [pipeline.field]: s.value }, sort, pageSize: CARDS_PER_COLUMN }))),
      ]);
      const refs: RecordRefs = {};
      for (const page of pages) {
        for (const [target, titles] of Object.entries(page.refs ?? {})) refs[target] = { ...refs[target], ...titles };
      }
      const byStage = new Map(summary.stages.map((s) => [s.stage, s]));
      const columns = pipeline.stages.flatMap((s, i) => {
        const stage = byStage.get(s.value);
        return stage ? [{ stage, items: pages[i].items }] : [];
      });
      if (current) setBoard({ columns, amountField: summary.amountField, refs });
    })().catch((e: unknown) => { if (current) setError(e); });
    // A newer load supersedes this one; its answer must not overwrite the newer board.
    return () => { current = false; };
  }, [api, entity.name, pipeline, sort, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  /** Re-reads the stage sums after a move; the cards stay as they are. */
  const refreshSummary = useCallback(async () => {
    const summary = await api.pipelineSummary(pipeline.name);
    setBoard((b) => b && withSummary(b, summary.stages));
  }, [api, pipeline.name]);

  return { board, setBoard, error, reload, refreshSummary };
}
