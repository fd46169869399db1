/** The changes one published version made over the one before it. */
import { Alert, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DiffAnswer } from '../api.js';
import { useDesignerText } from '../i18n.js';
import { useDesigner } from '../state/DesignerContext.js';
import { DiffView } from './DiffView.js';

export function VersionDiff({ from, to }: { from: number; to: number }) {
  const { t } = useDesignerText();
  const { api } = useDesigner();
  const [answer, setAnswer] = useState<DiffAnswer | { error: string } | null>(null);
  useEffect(() => {
    api.diff({ from, to }).then(setAnswer, (e: unknown) => setAnswer({ error: e instanceof Error ? e.message : String(e) }));
  }, [api, from, to]);
  if (!answer) return <Spin />;
  if ('error' in answer) return <Alert type="error" showIcon title={answer.error} />;
  return (
    <>
      <Typography.Text type="secondary">{t('diffBetween', { from, to })}</Typography.Text>
      <DiffView changes={answer.changes} />
    </>
  );
}
