/**
 * A record's approvals (its requests and the approvals the user could submit),
 * loaded with the record page because a pending request may lock the form.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApprovalRequestView, RecordApprovals } from '../api/approvalTypes.js';
import { useTenant } from '../shell/TenantContext.js';

export function useRecordApprovals(entity: string, id: string | null) {
  const { api } = useTenant();
  const [approvals, setApprovals] = useState<RecordApprovals | undefined>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!id) return;
    let current = true;
    api.recordApprovals(entity, id).then(
      (a) => { if (current) { setApprovals(a); setError(undefined); } },
      (e) => { if (current) setError(e); },
    );
    return () => { current = false; };
  }, [api, entity, id, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { approvals, error, reload };
}

/** The pending request that keeps the record read-only, if any. */
export const lockingRequest = (approvals: RecordApprovals | undefined): ApprovalRequestView | undefined =>
  approvals?.items.find((r) => r.state === 'pending' && r.lockRecord);
