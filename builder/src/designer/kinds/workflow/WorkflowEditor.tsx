/** The workflow designer: entity and trigger, conditions, the ordered actions, and a test on a record. */
import { Button, Card, Collapse, Dropdown, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { WorkflowDefinition } from '../../../../../schemas/workflow.js';
import { fieldFacts } from '../conditionModel.js';
import { ConditionBuilder } from '../ConditionBuilder.js';
import { DragList } from '../DragList.js';
import { entitiesOf, entityOf, fieldsOf, label } from '../entities.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { EditorProps } from '../types.js';
import { ActionForm } from './ActionForm.js';
import { DryRunPanel } from './DryRunPanel.js';
import { ACTION_TYPES, addAction, defaultAction, moveAction, removeAction, SAVE_TRIGGERS, setConditions, setEntity, updateAction } from './model.js';
import { TriggerForm } from './TriggerForm.js';

export function WorkflowEditor({ definition: def, onChange, context }: EditorProps<WorkflowDefinition>) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const entity = entityOf(context.definitions, def.entity);
  // Actions have no ids; a key per position is stable enough because a move re-renders both cards.
  const ids = def.actions.map((_, i) => `action-${i}`);
  // The record picked under "test on a record" (view state, not part of the definition) feeds the template previews.
  const [sample, setSample] = useState<Record<string, unknown> | undefined>();
  const facts = fieldFacts(fieldsOf(entity, { system: true }), SAVE_TRIGGERS.has(def.trigger.type));
  return (
    <div className="sc-kind-designer sc-workflow-designer">
      <Space wrap align="end" size={16}>
        <label className="sc-kind-field">{t('workflow')}
          <LocalizedInput locale={locale} value={def.label} status={statusAt(issues, '/label', false)} onChange={(l) => onChange({ ...def, label: l })} />
        </label>
        <label className="sc-kind-field">{t('entity')}
          <Select aria-label={t('entity')} style={{ width: 180 }} value={def.entity} status={statusAt(issues, '/entity')} showSearch optionFilterProp="label"
            options={entitiesOf(context.definitions).map((e) => ({ value: e.name, label: label(e.label, locale, e.name) }))}
            onChange={(name: string) => onChange(setEntity(def, entityOf(context.definitions, name)))} />
        </label>
        <label className="sc-kind-field">{t('active')}
          <div><Switch checked={def.active !== false} onChange={(active) => onChange({ ...def, active })} /></div>
        </label>
        <label className="sc-kind-field">{t('maxDepth')}
          <InputNumber min={1} max={10} precision={0} placeholder="3" value={def.maxDepth ?? null}
            onChange={(v) => { const { maxDepth: _m, ...rest } = def; onChange(v ? { ...rest, maxDepth: v } : rest); }} />
        </label>
      </Space>
      {['/label', '/entity', '/name', '/active', '/maxDepth'].map((p) => <IssueText key={p} issues={issues} at={p} />)}

      <Card size="small" title={t('trigger')} style={{ marginTop: 12 }}>
        <TriggerForm def={def} onChange={onChange} entity={entity} context={context} />
      </Card>

      <Card size="small" title={t('conditions')} style={{ marginTop: 12 }}>
        <ConditionBuilder value={def.conditions} onChange={(c) => onChange(setConditions(def, c))} facts={facts} locale={locale} issues={issues} at="/conditions" />
      </Card>

      <Card size="small" title={t('actions')} style={{ marginTop: 12 }}
        extra={
          <Dropdown disabled={def.actions.length >= 50} menu={{ items: ACTION_TYPES.map((type) => ({ key: type, label: t(`ac_${type}`) })), onClick: ({ key }) => onChange(addAction(def, defaultAction(key as never, entity, context))) }}>
            <Button size="small" type="primary" ghost>+ {t('addAction')}</Button>
          </Dropdown>
        }>
        <DragList ids={ids} locale={locale} onMove={(from, to) => onChange(moveAction(def, from, to))}
          itemName={(id) => { const i = ids.indexOf(id); return `${i + 1}. ${t(`ac_${def.actions[i]!.type}`)}`; }}
          renderItem={(_id, i, handle) => {
            const action = def.actions[i]!;
            return (
              <Card size="small" type="inner" style={{ borderColor: statusAt(issues, `/actions/${i}`, false) ? '#ff4d4f' : undefined }}
                title={<Space>{handle}<Typography.Text strong>{i + 1}. {t(`ac_${action.type}`)}</Typography.Text></Space>}
                extra={
                  <Space size={0}>
                    <Button size="small" type="text" disabled={i === 0} aria-label={t('moveUp')} onClick={() => onChange(moveAction(def, i, i - 1))}>↑</Button>
                    <Button size="small" type="text" disabled={i === def.actions.length - 1} aria-label={t('moveDown')} onClick={() => onChange(moveAction(def, i, i + 1))}>↓</Button>
                    <Button size="small" type="text" danger disabled={def.actions.length <= 1} aria-label={t('remove')} onClick={() => onChange(removeAction(def, i))}>✕</Button>
                  </Space>
                }>
                <ActionForm action={action} entity={entity} context={context} at={`/actions/${i}`} sample={sample} onChange={(next) => onChange(updateAction(def, i, next))} />
                <IssueText issues={issues} at={`/actions/${i}`} exact />
              </Card>
            );
          }} />
        <IssueText issues={issues} at="/actions" exact />
      </Card>

      <Collapse style={{ marginTop: 12 }} items={[{ key: 'test', label: t('testOnRecord'), children: <DryRunPanel def={def} entity={entity} context={context} onRecord={setSample} /> }]} />
    </div>
  );
}
