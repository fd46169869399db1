/** The trigger picker: every trigger type of schemas/workflow.ts with its settings, fields offered from the entity. */
import { Input, InputNumber, Select, Space } from 'antd';
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import type { WorkflowDefinition, WorkflowTriggerType } from '../../../../../schemas/workflow.js';
import { fieldOf, fieldsOf, label } from '../entities.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { DesignerContext } from '../types.js';
import { ValueInput } from '../ValueInput.js';
import { dateFields, setTriggerType, stageChoices, TRIGGER_TYPES, updateTrigger } from './model.js';

export function TriggerForm({ def, onChange, entity, context }: { def: WorkflowDefinition; onChange(next: WorkflowDefinition): void; entity: EntityDefinition | undefined; context: DesignerContext }) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const tr = def.trigger as Record<string, unknown> & { type: WorkflowTriggerType };
  const set = (patch: Record<string, unknown>) => onChange(updateTrigger(def, patch));
  const fieldOptions = (list = fieldsOf(entity)) => list.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }));
  const stages = stageChoices(def, context).map((s) => ({ value: s.value, label: label(s.label, locale, s.value) }));
  const field = typeof tr.field === 'string' ? fieldOf(entity, tr.field) : undefined;
  const labelled = (key: Parameters<typeof t>[0], node: React.ReactNode) => <label className="sc-kind-field">{t(key)}{node}</label>;

  let settings: React.ReactNode = null;
  switch (tr.type) {
    case 'fieldChanged':
      settings = (
        <Space wrap align="end">
          {labelled('field', <Select style={{ width: 180 }} value={tr.field as string} status={statusAt(issues, '/trigger/field')} showSearch optionFilterProp="label" options={fieldOptions()} onChange={(f: string) => set({ field: f, from: undefined, to: undefined })} />)}
          {(['from', 'to'] as const).map((k) => (
            <Space key={k} orientation="vertical" size={0}>
              <Select size="small" style={{ width: 150 }} value={tr[k] === undefined ? 'any' : 'value'}
                options={[{ value: 'any', label: t('anyValue') }, { value: 'value', label: t(k === 'from' ? 'fromValue' : 'toValue') }]}
                onChange={(m: string) => set({ [k]: m === 'any' ? undefined : null })} />
              {tr[k] !== undefined && <ValueInput field={field} locale={locale} value={tr[k] ?? ''} status={statusAt(issues, `/trigger/${k}`)} onChange={(v) => set({ [k]: v as never })} />}
            </Space>
          ))}
        </Space>
      );
      break;
    case 'stageChanged':
      settings = (
        <Space wrap>
          {labelled('fromStage', <Select allowClear style={{ width: 160 }} value={tr.from as string | undefined} options={stages} status={statusAt(issues, '/trigger/from')} onChange={(v?: string) => set({ from: v })} />)}
          {labelled('toStage', <Select allowClear style={{ width: 160 }} value={tr.to as string | undefined} options={stages} status={statusAt(issues, '/trigger/to')} onChange={(v?: string) => set({ to: v })} />)}
        </Space>
      );
      break;
    case 'dateRelative':
      settings = (
        <Space wrap>
          {labelled('offset', <InputNumber min={0} max={3650} precision={0} value={tr.offset as number} onChange={(v) => set({ offset: v ?? 0 })} />)}
          {labelled('unit', <Select style={{ width: 100 }} value={tr.unit as string} options={['days', 'hours'].map((u) => ({ value: u, label: t(`u_${u}` as never) }))} onChange={(unit: string) => set({ unit })} />)}
          {labelled('direction', <Select style={{ width: 100 }} value={tr.direction as string} options={['before', 'after'].map((d) => ({ value: d, label: t(`d_${d}` as never) }))} onChange={(direction: string) => set({ direction })} />)}
          {labelled('field', <Select style={{ width: 180 }} value={tr.field as string} status={statusAt(issues, '/trigger/field')} options={fieldOptions(dateFields(entity))} onChange={(f: string) => set({ field: f })} />)}
        </Space>
      );
      break;
    case 'idle':
      settings = labelled('idleDays', <InputNumber min={1} max={3650} precision={0} value={tr.days as number} onChange={(v) => set({ days: v ?? 1 })} />);
      break;
    case 'schedule':
      settings = labelled('cron', <Input style={{ width: 240, fontFamily: 'monospace' }} value={tr.cron as string} status={statusAt(issues, '/trigger/cron')} onChange={(e) => set({ cron: e.target.value })} />);
      break;
    case 'manual':
      settings = labelled('buttonLabel', <LocalizedInput locale={locale} value={tr.buttonLabel as { 'zh-CN': string; en: string }} status={statusAt(issues, '/trigger/buttonLabel', false)} onChange={(buttonLabel) => set({ buttonLabel })} />);
      break;
    case 'webhook':
      settings = labelled('secretRef', <Input style={{ width: 220 }} placeholder={t('optional')} value={(tr.secretRef as string) ?? ''} status={statusAt(issues, '/trigger/secretRef')} onChange={(e) => set({ secretRef: e.target.value || undefined })} />);
      break;
    default:
      settings = null;
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select aria-label={t('trigger')} style={{ width: 220 }} value={tr.type} options={TRIGGER_TYPES.map((type) => ({ value: type, label: t(`tr_${type}`) }))}
        onChange={(type: WorkflowTriggerType) => onChange(setTriggerType(def, type, entity))} />
      {settings}
      <IssueText issues={issues} at="/trigger" />
    </Space>
  );
}
