/**
 * "Test on a record": pick one of the entity's records, dry-run the workflow
 * on it and read the trace — each condition with the value seen and whether
 * it held, and what each action would do.
 */
import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import type { WorkflowDefinition } from '../../../../../schemas/workflow.js';
import { fieldOf, fieldsOf, isSettable, label } from '../entities.js';
import { FieldValuesEditor } from '../FieldValuesEditor.js';
import type { FieldValues } from '../valuesModel.js';
import { SAVE_TRIGGERS } from './model.js';
import { kindText, kindTextOf, type KindT } from '../i18n.js';
import type { DesignerContext } from '../types.js';
import { detailLines, showValue, traceRows, type DryRun, type TraceRow } from './traceModel.js';

interface RecordPage { items: Record<string, unknown>[] }

const errorText = (e: unknown) => (e instanceof Error ? e.message : typeof e === 'object' && e && 'error' in e ? String((e as { error: { message?: string } }).error.message) : String(e));

function ResultTag({ result, t }: { result: boolean | undefined; t: KindT }) {
  if (result === undefined) return <Tag>{t('notEvaluated')}</Tag>;
  return result ? <Tag color="success">✓ {t('isTrue')}</Tag> : <Tag color="error">✗ {t('isFalse')}</Tag>;
}

export function DryRunPanel({ def, entity, context, onRecord }: { def: WorkflowDefinition; entity: EntityDefinition | undefined; context: DesignerContext; onRecord?(record: Record<string, unknown> | undefined): void }) {
  const { locale } = context;
  const t = kindText(locale);
  const [records, setRecords] = useState<Record<string, unknown>[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [recordId, setRecordId] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [run, setRun] = useState<DryRun | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // For save triggers: field values "before the change", so `$previous` conditions can be tried.
  const [previous, setPrevious] = useState<FieldValues>({});
  const usesPrevious = SAVE_TRIGGERS.has(def.trigger.type);

  useEffect(() => {
    let current = true;
    const q = query ? `&q=${encodeURIComponent(query)}` : '';
    context.api(`/records/${encodeURIComponent(def.entity)}?pageSize=20${q}`).then(
      (page) => { if (current) { setRecords((page as RecordPage).items ?? []); setLoadError(null); } },
      (e) => { if (current) setLoadError(errorText(e)); },
    );
    return () => { current = false; };
  }, [context.api, def.entity, query]);

  useEffect(() => { setRun(null); setRecordId(undefined); setPrevious({}); onRecord?.(undefined); }, [def.entity]);

  const title = (r: Record<string, unknown>) => {
    const v = entity ? r[entity.titleField] : undefined;
    return v === undefined || v === null || v === '' ? String(r.id) : `${String(v)} · ${String(r.id)}`;
  };

  const test = async () => {
    if (!recordId) return;
    setBusy(true);
    setRunError(null);
    try {
      // The workflow as edited here, published or not.
      const body = { recordId, definition: def, ...(usesPrevious && Object.keys(previous).length ? { previous } : {}) };
      const answer = (await context.api(`/workflows/${encodeURIComponent(def.name)}/dry-run`, { method: 'POST', body })) as { run: DryRun };
      setRun(answer.run);
    } catch (e) {
      setRun(null);
      setRunError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const factName = (fact: string) => {
    const [head, ...rest] = fact.split('.');
    if (head === '$previous' && rest.length) return `${label(fieldOf(entity, rest.join('.'))?.label, locale, rest.join('.'))}（${t('condPrevious')}）`;
    return label(fieldOf(entity, fact)?.label, locale, fact);
  };

  const row = (r: TraceRow, i: number) => (
    <div key={i} style={{ padding: `2px 0 2px ${r.depth * 24}px`, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      {r.kind === 'test' ? (
        <>
          <Typography.Text strong>{factName(r.fact!)}</Typography.Text>
          <Typography.Text>{kindTextOf(t, `op_${r.operator}`, r.operator!)}</Typography.Text>
          {r.operator !== 'isEmpty' && r.operator !== 'isNotEmpty' && <Typography.Text code>{showValue(r.expected)}</Typography.Text>}
          <Typography.Text type="secondary">{t('seen')}:</Typography.Text>
          <Typography.Text code>{r.result === undefined ? '…' : showValue(r.seen)}</Typography.Text>
        </>
      ) : (
        <Typography.Text strong>{r.kind === 'not' ? t('condNot') : t(r.kind === 'all' ? 'condAll' : r.kind === 'any' ? 'condAny' : 'condNone')}</Typography.Text>
      )}
      <ResultTag result={r.result} t={t} />
    </div>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dryRunNote')}</Typography.Text>
      <Space wrap>
        <Select showSearch aria-label={t('pickRecord')} placeholder={t('pickRecord')} style={{ width: 320 }} value={recordId} filterOption={false}
          onSearch={setQuery} onChange={(id: string) => { setRecordId(id); onRecord?.(records.find((r) => String(r.id) === id)); }} notFoundContent={loadError ? t('loadRecordsFailed', { error: loadError }) : undefined}
          options={records.map((r) => ({ value: String(r.id), label: title(r) }))} />
        <Button type="primary" disabled={!recordId} loading={busy} onClick={test}>{busy ? t('running') : t('runTest')}</Button>
      </Space>
      {usesPrevious && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('vg_previous')}</Typography.Text>
          <FieldValuesEditor value={previous} onChange={setPrevious} fields={fieldsOf(entity).filter(isSettable)} locale={locale} />
        </div>
      )}
      {loadError && <Alert type="warning" showIcon title={t('loadRecordsFailed', { error: loadError })} />}
      {runError && <Alert type="error" showIcon title={t('dryRunFailed', { error: runError })} />}
      {run && (
        <div className="sc-dry-run" aria-live="polite">
          <Alert type={run.matched ? 'success' : 'info'} showIcon title={run.matched ? t('matched') : t('notMatched')}
            description={`${t('runStatus', { status: run.status })}${run.message ? ` — ${run.message}` : ''}`} />
          <Typography.Title level={5}>{t('conditions')}</Typography.Title>
          {run.conditions ? traceRows(run.conditions).map(row) : <Typography.Text type="secondary">{t('noConditions')}</Typography.Text>}
          {run.actions.length > 0 && (
            <>
              <Typography.Title level={5}>{t('actions')}</Typography.Title>
              <ol style={{ listStyle: 'none', padding: 0, margin: 0, border: '1px solid #f0f0f0', borderRadius: 8 }}>
                {run.actions.map((a, i) => (
                  <li key={i} style={{ padding: '8px 12px', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
                    <Space>
                      <Typography.Text strong>{i + 1}. {kindTextOf(t, `ac_${a.type}`, a.type)}</Typography.Text>
                      <Tag color={a.status === 'failed' ? 'error' : a.status === 'planned' || a.status === 'done' ? 'processing' : 'default'}>{kindTextOf(t, `st_${a.status}`, a.status)}</Tag>
                    </Space>
                    {detailLines(a.detail).map((d) => (
                      <div key={d.key} style={{ fontSize: 12 }}><Typography.Text type="secondary">{d.key}: </Typography.Text><span style={{ whiteSpace: 'pre-wrap' }}>{d.value}</span></div>
                    ))}
                    {a.error && <Typography.Text type="danger">{a.error}</Typography.Text>}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </Space>
  );
}
