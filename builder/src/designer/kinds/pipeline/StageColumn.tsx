/** One stage as a column: probability, forecast category, outcome, SLA days, colour and its SOP checklist. */
import { Button, Card, Checkbox, ColorPicker, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { PipelineDefinition, PipelineStage } from '../../../../../schemas/pipeline.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { DesignerIssue, DesignerLocale } from '../types.js';
import {
  addChecklistItem, FORECAST_CATEGORIES, moveChecklistItem, OUTCOMES, removeChecklistItem, removeStage, updateChecklistItem, updateStage,
} from './model.js';

export interface StageColumnProps {
  def: PipelineDefinition;
  index: number;
  stage: PipelineStage;
  handle: ReactNode;
  onChange(next: PipelineDefinition): void;
  locale: DesignerLocale;
  issues: readonly DesignerIssue[];
}

export function StageColumn({ def, index, stage, handle, onChange, locale, issues }: StageColumnProps) {
  const t = kindText(locale);
  const at = `/stages/${index}`;
  const set = (patch: Partial<PipelineStage>) => onChange(updateStage(def, index, patch));
  const list = stage.sopChecklist ?? [];
  return (
    <Card size="small" style={{ width: 260, borderTop: `4px solid ${stage.color ?? '#d9d9d9'}` }}
      title={<Space size={4}>{handle}<Typography.Text strong>{stage.label[locale] || stage.value}</Typography.Text><Tag>{stage.value}</Tag></Space>}
      extra={
        <Popconfirm title={t('removeStageConfirm')} onConfirm={() => onChange(removeStage(def, index))} disabled={def.stages.length <= 1}>
          <Button size="small" type="text" danger disabled={def.stages.length <= 1} aria-label={`${t('remove')} ${stage.value}`}>✕</Button>
        </Popconfirm>
      }>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <LocalizedInput locale={locale} value={stage.label} status={statusAt(issues, `${at}/label`, false)} onChange={(label) => set({ label })} />
        <label className="sc-kind-field">{t('probability')}
          <InputNumber min={0} max={100} value={stage.probability} status={statusAt(issues, `${at}/probability`)} style={{ width: '100%' }}
            onChange={(v) => set({ probability: v ?? 0 })} />
        </label>
        <label className="sc-kind-field">{t('forecastCategory')}
          <Select value={stage.forecastCategory} style={{ width: '100%' }} options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`fc_${c}`) }))}
            onChange={(forecastCategory) => set({ forecastCategory })} />
        </label>
        <label className="sc-kind-field">{t('outcome')}
          <Select value={stage.outcome} style={{ width: '100%' }} options={OUTCOMES.map((o) => ({ value: o, label: t(`oc_${o}`) }))}
            onChange={(outcome) => set({ outcome })} />
        </label>
        <Space>
          <label className="sc-kind-field">{t('slaDays')}
            <InputNumber min={1} max={3650} precision={0} value={stage.slaDays ?? null} placeholder={t('optional')} status={statusAt(issues, `${at}/slaDays`)}
              onChange={(v) => set({ slaDays: v ?? undefined })} />
          </label>
          <label className="sc-kind-field">{t('color')}
            <ColorPicker value={stage.color ?? '#d9d9d9'} disabledAlpha onChangeComplete={(c) => set({ color: c.toHexString().slice(0, 7) })} />
          </label>
        </Space>
        <IssueText issues={issues.filter((i) => !i.path.startsWith(`${at}/sopChecklist`))} at={at} />
        <Typography.Text strong style={{ marginTop: 4 }}>{t('sop')}</Typography.Text>
        {list.map((item, j) => (
          <div key={item.id} style={{ borderLeft: '2px solid #f0f0f0', paddingLeft: 6 }}>
            <Input size="small" aria-label={t('sopItemZh')} placeholder={t('sopItemZh')} value={item.label['zh-CN']} status={statusAt(issues, `${at}/sopChecklist/${j}/label`, false)}
              onChange={(e) => onChange(updateChecklistItem(def, index, j, { label: { ...item.label, 'zh-CN': e.target.value } }))} />
            <Input size="small" aria-label={t('sopItemEn')} placeholder={t('sopItemEn')} value={item.label.en} status={statusAt(issues, `${at}/sopChecklist/${j}/label`, false)}
              onChange={(e) => onChange(updateChecklistItem(def, index, j, { label: { ...item.label, en: e.target.value } }))} />
            <Space size={2} wrap>
              <Checkbox title={locale === "en" ? "Must be ticked before the record may leave the stage" : "离开该阶段前必须勾选"} checked={item.required === true} onChange={(e) => onChange(updateChecklistItem(def, index, j, { required: e.target.checked }))}>
                <Typography.Text style={{ fontSize: 12 }}>{t('sopRequired')}</Typography.Text>
              </Checkbox>
              <Button size="small" type="text" disabled={j === 0} aria-label={t('moveUp')} onClick={() => onChange(moveChecklistItem(def, index, j, j - 1))}>↑</Button>
              <Button size="small" type="text" disabled={j === list.length - 1} aria-label={t('moveDown')} onClick={() => onChange(moveChecklistItem(def, index, j, j + 1))}>↓</Button>
              <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => onChange(removeChecklistItem(def, index, j))}>✕</Button>
            </Space>
            <IssueText issues={issues} at={`${at}/sopChecklist/${j}`} />
          </div>
        ))}
        <Button size="small" type="dashed" block disabled={list.length >= 30}
          onClick={() => onChange(addChecklistItem(def, index, { 'zh-CN': `检查项 ${list.length + 1}`, en: `Item ${list.length + 1}` }))}>+ {t('sopAdd')}</Button>
      </Space>
    </Card>
  );
}
