/**
 * The working draft with undo/redo: loaded from the server (published set
 * overlaid with saved drafts), edited in memory through the model's pure
 * functions, saved back as drafts (only what changed since the last save).
 */
import { useCallback, useReducer } from 'react';
import { changedSince, isDirty, overlay, type DefinitionSet } from '../model/definitionSet.js';
import { commit, redo, startHistory, undo, type History } from '../model/history.js';
import type { DefinitionsAnswer, DefinitionsApi } from '../api.js';
import { ApiError } from '../../api/http.js';

export interface DraftState {
  /** The published version the drafts are based on (expectedBase of a publish). */
  base: number;
  published: DefinitionSet;
  /** The set as last loaded from or saved to the server. */
  saved: DefinitionSet;
  history: History<DefinitionSet>;
}

export type DraftAction =
  | { type: 'loaded'; answer: DefinitionsAnswer }
  | { type: 'edit'; change: (set: DefinitionSet) => DefinitionSet }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; set: DefinitionSet };

export function fromAnswer(answer: DefinitionsAnswer): DraftState {
  const set = overlay(answer.published, answer.drafts);
  return { base: answer.version, published: answer.published, saved: set, history: startHistory<DefinitionSet>(set) };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'loaded':
      return fromAnswer(action.answer);
    case 'edit':
      return { ...state, history: commit(state.history, action.change(state.history.present)) };
    case 'undo':
      return { ...state, history: undo(state.history) };
    case 'redo':
      return { ...state, history: redo(state.history) };
    case 'saved':
      return { ...state, saved: action.set };
  }
}

export function useWorkingDraft(initial: DefinitionsAnswer, api: DefinitionsApi) {
  const [state, dispatch] = useReducer(draftReducer, initial, fromAnswer);
  const set = state.history.present;
  const edit = useCallback((change: (set: DefinitionSet) => DefinitionSet) => dispatch({ type: 'edit', change }), []);

  /** PUTs every changed definition; the server checks each against its schema (422 with details). */
  const save = useCallback(async () => {
    const snapshot = set;
    for (const def of changedSince(snapshot, state.saved)) {
      try {
        await api.saveDraft(def);
      } catch (e) {
        // The server's paths are inside the definition; the designer's are `/kind/name/...`, as validation gives them.
        if (!(e instanceof ApiError)) throw e;
        const at = (path: string | undefined) => `/${def.kind}/${def.name}${!path || path === '/' ? '' : path}`;
        throw new ApiError(e.status, e.code, `${def.kind} ${def.name}: ${e.message}`, e.details.map((d) => ({ ...d, path: at(d.path) })));
      }
    }
    dispatch({ type: 'saved', set: snapshot });
  }, [api, set, state.saved]);

  const reload = useCallback(async () => dispatch({ type: 'loaded', answer: await api.load() }), [api]);

  return {
    set,
    base: state.base,
    published: state.published,
    dirty: isDirty(set, state.saved),
    canUndo: state.history.past.length > 0,
    canRedo: state.history.future.length > 0,
    edit,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    save,
    reload,
  };
}

export type WorkingDraft = ReturnType<typeof useWorkingDraft>;
