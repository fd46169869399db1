/** The record page's 历史记录 tab: loads the record's audit trail and the titles its lookup changes need. */
import { Alert, Button, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { EntityDefinition } from '../../../schemas/entity.js';
import { historyLookupIds, RecordHistory } from '../../../runtime/ui/RecordHistory.js';
import type { HistoryEntry, RecordRefs } from '../../../runtime/ui/types.js';
import { isNetworkError } from '../api/http.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { useTenant } from '../shell/TenantContext.js';

export function HistoryPanel({ entity, id }: { entity: EntityDefinition; id: string }) {
  const { api } = useTenant();
  const { t } = useLocale();
  const [loaded, setLoaded] = useState<{ entries: HistoryEntry[]; refs: RecordRefs } | undefined>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    let current = true;
    setError(undefined);
    (async () => {
      const entries = await api.history(entity.name, id);
      // Titles are a nicety: without them the ids still show.
      const refs = await api.titles(historyLookupIds(entity, entries)).catch(() => ({}));
      if (current) setLoaded({ entries, refs });
    })().catch((e: unknown) => { if (current) setError(e); });
    return () => { current = false; };
  }, [api, entity, id]);
  useEffect(load, [load]);

  if (error) {
    return (
      <Alert type="warning" showIcon title={t('historyLoadFailed')}
        description={isNetworkError(error) ? t('networkError') : error instanceof Error ? error.message : String(error)}
        action={<Button size="small" onClick={load}>{t('retry')}</Button>} />
    );
  }
  if (!loaded) return <Skeleton active paragraph={{ rows: 4 }} />;
  return <div className="sc-history-panel"><RecordHistory entity={entity} entries={loaded.entries} refs={loaded.refs} /></div>;
}
