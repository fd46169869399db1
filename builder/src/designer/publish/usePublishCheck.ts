/**
 * Runs the pre-publish checks against the saved drafts: validation, the diff
 * with the published version, and the impact of field type changes. Each
 * answers on its own, so one failing check does not hide the others.
 */
import { useCallback, useState } from 'react';
import type { DiffAnswer, ImpactAnswer } from '../api.js';
import { useDesigner } from '../state/DesignerContext.js';

export type Outcome<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: string };

export function usePublishCheck(save: () => Promise<boolean>) {
  const { api, draft, setIssues } = useDesigner();
  const [validation, setValidation] = useState<Outcome<{ base: number; count: number }>>({ state: 'idle' });
  const [diff, setDiff] = useState<Outcome<DiffAnswer>>({ state: 'idle' });
  const [impact, setImpact] = useState<Outcome<ImpactAnswer>>({ state: 'idle' });

  const run = useCallback(async () => {
    // The server checks what is saved, so unsaved edits are saved first.
    if (draft.dirty && !(await save())) return;
    const failed = (e: unknown) => ({ state: 'failed' as const, error: e instanceof Error ? e.message : String(e) });
    setValidation({ state: 'loading' });
    setDiff({ state: 'loading' });
    setImpact({ state: 'loading' });
    await Promise.all([
      api.validate().then((v) => { setIssues(v.issues); setValidation({ state: 'done', value: { base: v.base, count: v.issues.length } }); }, (e) => setValidation(failed(e))),
      api.diff().then((value) => setDiff({ state: 'done', value }), (e) => setDiff(failed(e))),
      api.impact().then((value) => setImpact({ state: 'done', value }), (e) => setImpact(failed(e))),
    ]);
  }, [api, draft.dirty, save, setIssues]);

  return { validation, diff, impact, run };
}
