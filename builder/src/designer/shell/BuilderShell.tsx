/** The builder frame: header (areas, undo/redo, save), the working draft in context, and the open area. */
import { App } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { SearchLookup } from '../../../../runtime/ui/types.js';
import { ApiError } from '../../api/http.js';
import type { DefinitionsAnswer, DefinitionsApi } from '../api.js';
import { useDesignerText } from '../i18n.js';
import { entityNamed } from '../model/definitionSet.js';
import type { Issue } from '../model/issues.js';
import { DesignerContext, type DesignerState, type Selection } from '../state/DesignerContext.js';
import { useUndoKeys } from '../state/useUndoKeys.js';
import { useUnsavedGuard } from '../state/useUnsavedGuard.js';
import { useWorkingDraft } from '../state/useWorkingDraft.js';
import { EntitiesArea } from '../entity/EntitiesArea.js';
import { FormsArea } from '../form/FormsArea.js';
import { PublishArea } from '../publish/PublishArea.js';
import { HistoryArea } from '../publish/HistoryArea.js';
import { BuilderHeader } from './BuilderHeader.js';
import { KindsArea } from './KindsArea.js';
import { KIND_DESIGNERS } from './kindDesigners.js';

interface Props {
  tenant: string;
  api: DefinitionsApi;
  initial: DefinitionsAnswer;
  searchLookup: SearchLookup;
}

export function BuilderShell({ tenant, api, initial, searchLookup }: Props) {
  const { t } = useDesignerText();
  const { message } = App.useApp();
  const draft = useWorkingDraft(initial, api);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [selection, select] = useState<Selection>({ area: 'entities', entity: entityNamed(draft.set, 'account') ? 'account' : undefined });
  const leave = useUnsavedGuard(draft.dirty, t('confirmLeave'));
  useUndoKeys(draft.undo, draft.redo);

  const publishedFields = useCallback((entity: string) => {
    const def = entityNamed(draft.published, entity);
    return new Set(def?.fields.map((f) => f.name) ?? []);
  }, [draft.published]);

  const state = useMemo<DesignerState>(() => ({ tenant, api, draft, issues, setIssues, selection, select, publishedFields }),
    [tenant, api, draft, issues, selection, publishedFields]);

  const save = useCallback(async () => {
    try {
      await draft.save();
      message.success(t('saved'));
      return true;
    } catch (e) {
      // A 422 names the faulty definition's paths; show them where the admin can click them.
      if (e instanceof ApiError && e.details.length) setIssues(e.details.map((d) => ({ path: d.path ?? '/', message: d.message })));
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  }, [draft, message, t]);

  return (
    <DesignerContext.Provider value={state}>
      <div className="sd-root">
        <BuilderHeader tenant={tenant} onSave={save} onLeave={leave} />
        <div className="sd-body">
          {selection.area === 'entities' && <EntitiesArea searchLookup={searchLookup} />}
          {selection.area === 'forms' && <FormsArea searchLookup={searchLookup} />}
          {selection.area === 'publish' && <PublishArea save={save} />}
          {selection.area === 'history' && <HistoryArea />}
          {KIND_DESIGNERS.filter((d) => d.kind === selection.area).map((d) => <KindsArea key={d.kind} designer={d} />)}
        </div>
      </div>
    </DesignerContext.Provider>
  );
}
