/**
 * The from × to grid of a pipeline: a click on a cell allows or forbids that
 * move; the selected allowed cell is edited below (who may move, required
 * fields, entry condition, button label).
 */
import { Button, Checkbox, Empty, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import type { PipelineDefinition } from '../../../../../schemas/pipeline.js';
import { fieldFacts } from '../conditionModel.js';
import { ConditionBuilder } from '../ConditionBuilder.js';
import { fieldsOf, label, roleNames } from '../entities.js';
import { kindText } from '../i18n.js';
import { IssueText } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { DesignerContext } from '../types.js';
import { ANY_STAGE, cellState, setAllowed, setCondition, toggleTransition, transitionIndex, updateTransition } from './model.js';

export function TransitionMatrix({ def, onChange, entity, context }: { def: PipelineDefinition; onChange(next: PipelineDefinition): void; entity: EntityDefinition | undefined; context: DesignerContext }) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const [selected, setSelected] = useState<{ from: string; to: string } | null>(null);
  const stageLabel = (v: string) => (v === ANY_STAGE ? t('anyStage') : label(def.stages.find((s) => s.value === v)?.label, locale, v));
  const rows = [ANY_STAGE, ...def.stages.map((s) => s.value)];
  const selIndex = selected ? transitionIndex(def, selected.from, selected.to) : -1;
  const transition = selIndex >= 0 ? def.transitions[selIndex] : undefined;
  const fields = fieldsOf(entity);

  const cell = (from: string, to: string) => {
    const state = cellState(def, from, to);
    if (state === 'self') return <td key={to} style={{ background: '#f5f5f5' }} />;
    const i = transitionIndex(def, from, to);
    const hasIssue = i >= 0 && issues.some((x) => x.path === `/transitions/${i}` || x.path.startsWith(`/transitions/${i}/`));
    const isSel = selected?.from === from && selected?.to === to;
    const extras = i >= 0 ? def.transitions[i]! : undefined;
    const marks = extras ? [extras.allowed ? '👤' : '', extras.requiredFields?.length ? '*' : '', extras.condition ? 'ƒ' : ''].join('') : '';
    const text = state === 'allowed' ? `✓${marks}` : state === 'viaAny' ? '·✓' : '—';
    const title = `${stageLabel(from)} → ${stageLabel(to)}: ${t(state === 'allowed' ? 'allowed' : state === 'viaAny' ? 'viaAny' : 'forbidden')}`;
    return (
      <td key={to} style={{ padding: 2, textAlign: 'center' }}>
        <Tooltip title={title}>
          <Button size="small" aria-label={title} aria-pressed={state === 'allowed'} danger={hasIssue}
            type={state === 'allowed' ? 'primary' : 'default'} ghost={state === 'allowed' && !isSel}
            style={{ width: 56, outline: isSel ? '2px solid #1677ff' : undefined }}
            onClick={() => {
              if (state === 'allowed' && !isSel) return setSelected({ from, to });
              onChange(toggleTransition(def, from, to));
              setSelected(state === 'allowed' ? null : { from, to });
            }}>
            {text}
          </Button>
        </Tooltip>
      </td>
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('matrixHint')}</Typography.Text>
      <div style={{ overflowX: 'auto' }}>
        <table className="sc-transition-matrix" style={{ borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left', padding: 4, fontWeight: 400, color: '#8c8c8c' }}>{t('fromTo')}</th>
              {def.stages.map((s) => <th key={s.value} style={{ padding: 4, maxWidth: 90, fontSize: 12 }}>{stageLabel(s.value)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((from) => (
              <tr key={from}>
                <th style={{ textAlign: 'left', padding: 4, fontSize: 12, fontStyle: from === ANY_STAGE ? 'italic' : undefined }}>{stageLabel(from)}</th>
                {def.stages.map((s) => cell(from, s.value))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <IssueText issues={issues.filter((i) => /^\/transitions\/\d+$/.test(i.path) || i.path === '/transitions')} at="/transitions" />
      {transition && selIndex >= 0 ? (
        <div className="sc-transition-detail" style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t('transitionDetail', { from: stageLabel(transition.from), to: stageLabel(transition.to) })}</Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <label className="sc-kind-field">{t('transitionLabel')}
              <LocalizedInput locale={locale} value={transition.label} onChange={(l) => onChange(updateTransition(def, selIndex, { label: l['zh-CN'] || l.en ? l : undefined }))} />
            </label>
            <div>
              <Typography.Text strong>{t('whoMayMove')}</Typography.Text>
              <div>
                <Space wrap>
                  <Checkbox checked={!!transition.allowed?.owner} onChange={(e) => onChange(setAllowed(def, selIndex, { ...transition.allowed, owner: e.target.checked }))}>{t('moverOwner')}</Checkbox>
                  <Checkbox checked={!!transition.allowed?.manager} onChange={(e) => onChange(setAllowed(def, selIndex, { ...transition.allowed, manager: e.target.checked }))}>{t('moverManager')}</Checkbox>
                  <Select mode="multiple" aria-label={t('moverRoles')} placeholder={t('moverRoles')} style={{ minWidth: 220 }} value={transition.allowed?.roles ?? []}
                    options={roleNames(context.definitions).map((r) => ({ value: r.name, label: label(r.label, locale, r.name) }))}
                    onChange={(roles: string[]) => onChange(setAllowed(def, selIndex, { ...transition.allowed, roles }))} />
                </Space>
              </div>
              {!transition.allowed && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('whoAnyone')}</Typography.Text>}
              <IssueText issues={issues} at={`/transitions/${selIndex}/allowed`} />
            </div>
            <label className="sc-kind-field">{t('requiredFields')}
              <Select mode="multiple" style={{ width: '100%' }} value={transition.requiredFields ?? []} optionFilterProp="label"
                options={fields.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
                onChange={(requiredFields: string[]) => onChange(updateTransition(def, selIndex, { requiredFields }))} />
            </label>
            <IssueText issues={issues} at={`/transitions/${selIndex}/requiredFields`} />
            <Typography.Text strong>{t('entryCondition')}</Typography.Text>
            <ConditionBuilder value={transition.condition} onChange={(c) => onChange(setCondition(def, selIndex, c))}
              facts={fieldFacts(fieldsOf(entity, { system: true }))} locale={locale} issues={issues} at={`/transitions/${selIndex}/condition`} />
            <IssueText issues={issues} at={`/transitions/${selIndex}`} exact />
          </Space>
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selectCell')} />
      )}
    </Space>
  );
}
