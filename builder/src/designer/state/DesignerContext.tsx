/** What every designer panel works in: the working draft, the API, the last validation and the selection. */
import { createContext, useContext } from 'react';
import type { DefinitionsApi } from '../api.js';
import type { Issue } from '../model/issues.js';
import type { WorkingDraft } from './useWorkingDraft.js';

/** The designer areas; the kinds with their own designer (builder/src/designer/kinds) are areas named by their kind. */
export type Area = 'entities' | 'forms' | 'publish' | 'history' | 'pipeline' | 'workflow' | 'approval' | 'view' | 'role';

export interface Selection {
  area: Area;
  entity?: string;
  field?: string;
  form?: string;
  section?: string;
  /** The definition open in a kind's area (pipeline, workflow…). */
  item?: string;
}

export interface DesignerState {
  tenant: string;
  api: DefinitionsApi;
  draft: WorkingDraft;
  issues: readonly Issue[];
  setIssues(issues: readonly Issue[]): void;
  selection: Selection;
  select(selection: Selection): void;
  /** Field names of an entity in the published version: their API names are fixed, deleting archives them. */
  publishedFields(entity: string): ReadonlySet<string>;
}

export const DesignerContext = createContext<DesignerState | null>(null);

export function useDesigner(): DesignerState {
  const state = useContext(DesignerContext);
  if (!state) throw new Error('useDesigner outside the builder');
  return state;
}
