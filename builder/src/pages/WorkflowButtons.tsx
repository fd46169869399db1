/**
 * Buttons for the manual workflows of a record's entity (from the app
 * manifest). A click runs the workflow on the record; the user learns whether
 * every action succeeded (and which failed, in the engine's words), and the
 * record reloads to show what the workflow changed.
 */
import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { localize } from '../../../runtime/ui/labels.js';
import { ApiError, isNetworkError } from '../api/http.js';
import type { WorkflowRun } from '../../../runtime/workflows/runs.js';
import type { ManualWorkflow } from '../api/types.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { useTenant } from '../shell/TenantContext.js';

/** What went wrong in a run, in the engine's words: the failed actions' errors, else the run's message. */
function failures(run: WorkflowRun): string[] {
  const broken = run.actions.filter((a) => a.status === 'failed');
  if (broken.length) return broken.map((a) => `${a.type}: ${a.error ?? a.status}`);
  return run.message ? [run.message] : [run.status];
}

export function WorkflowButtons({ entity, id, onRan }: { entity: string; id: string; onRan: () => void }) {
  const { api, manifest } = useTenant();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const [running, setRunning] = useState<string | null>(null);
  const workflows = (manifest.manualWorkflows ?? []).filter((w) => w.entity === entity);
  if (workflows.length === 0) return null;

  const run = async (workflow: ManualWorkflow) => {
    const label = localize(workflow.buttonLabel, locale, workflow.name);
    setRunning(workflow.name);
    try {
      const { run: result } = await api.runWorkflow(entity, id, workflow.name);
      if (result.status === 'done') message.success(t('runWorkflowDone', { label }));
      else if (result.status === 'waiting') message.info(t('runWorkflowPending', { label }));
      else if (result.status === 'conditionsNotMet') message.warning(t('runWorkflowNotMet', { label }));
      else modal.error({ title: t('runWorkflowFailed', { label }), content: <ul className="sc-run-problems">{failures(result).map((p) => <li key={p}>{p}</li>)}</ul> });
      onRan();
    } catch (e) {
      const reason = isNetworkError(e) ? t('networkError') : e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join('; ') : String(e);
      modal.error({ title: t('runWorkflowFailed', { label }), content: reason });
    } finally {
      setRunning(null);
    }
  };

  return (
    <>
      {workflows.map((w) => (
        <Button key={w.name} icon={<ThunderboltOutlined />} loading={running === w.name} disabled={running !== null && running !== w.name}
          onClick={() => void run(w)}>
          {localize(w.buttonLabel, locale, w.name)}
        </Button>
      ))}
    </>
  );
}
