/** The approval designer: entry criteria, ordered steps with approvers, outcomes, recall and lock. */
import { Button, Card, Checkbox, Input, Select, Space, Switch, Typography } from 'antd';
import type { ApprovalDefinition } from '../../../../../schemas/approval.js';
import { fieldFacts } from '../conditionModel.js';
import { ConditionBuilder } from '../ConditionBuilder.js';
import { DragList } from '../DragList.js';
import { entitiesOf, entityOf, fieldsOf, label, roleNames, writableFields } from '../entities.js';
import { FieldValuesEditor } from '../FieldValuesEditor.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { EditorProps } from '../types.js';
import {
  addStep, APPROVER_TYPES, moveStep, newStep, OUTCOMES, removeStep, setApproverType, setEntity, setEntryCriteria, setOutcome, setStepCondition, updateStep, userFields,
  type ApproverType,
} from './model.js';

export function ApprovalEditor({ definition: def, onChange, context }: EditorProps<ApprovalDefinition>) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const entity = entityOf(context.definitions, def.entity);
  const facts = fieldFacts(fieldsOf(entity, { system: true }));
  const roles = roleNames(context.definitions).map((r) => ({ value: r.name, label: label(r.label, locale, r.name) }));
  // The stage field changes only through transitions, so outcomes cannot set it.
  const settable = writableFields(context.definitions, entity);
  return (
    <div className="sc-kind-designer sc-approval-designer">
      <Space wrap align="end" size={16}>
        <label className="sc-kind-field">{t('approvalProcess')}
          <LocalizedInput locale={locale} value={def.label} status={statusAt(issues, '/label', false)} onChange={(l) => onChange({ ...def, label: l })} />
        </label>
        <label className="sc-kind-field">{t('entity')}
          <Select aria-label={t('entity')} style={{ width: 180 }} value={def.entity} status={statusAt(issues, '/entity')} showSearch optionFilterProp="label"
            options={entitiesOf(context.definitions).map((e) => ({ value: e.name, label: label(e.label, locale, e.name) }))}
            onChange={(name: string) => onChange(setEntity(def, entityOf(context.definitions, name), context))} />
        </label>
        <Checkbox checked={def.allowRecall === true} onChange={(e) => onChange({ ...def, allowRecall: e.target.checked })}>{t('allowRecall')}</Checkbox>
        <Checkbox checked={def.lockRecord === true} onChange={(e) => onChange({ ...def, lockRecord: e.target.checked })}>{t('lockRecord')}</Checkbox>
      </Space>
      {['/label', '/entity', '/name'].map((p) => <IssueText key={p} issues={issues} at={p} />)}

      <Card size="small" title={t('entryCriteria')} style={{ marginTop: 12 }}>
        <ConditionBuilder value={def.entryCriteria} onChange={(c) => onChange(setEntryCriteria(def, c))} facts={facts} locale={locale} issues={issues} at="/entryCriteria" />
      </Card>

      <Card size="small" title={t('steps')} style={{ marginTop: 12 }}
        extra={<Button size="small" type="primary" ghost disabled={def.steps.length >= 20} onClick={() => onChange(addStep(def, newStep(def, entity, context)))}>+ {t('addStep')}</Button>}>
        <DragList ids={def.steps.map((s, i) => `${i}:${s.name}`)} locale={locale} onMove={(from, to) => onChange(moveStep(def, from, to))}
          itemName={(id) => { const i = Number(id.split(':')[0]); return `${i + 1}. ${label(def.steps[i]?.label, locale, id)}`; }}
          renderItem={(_id, i, handle) => {
            const step = def.steps[i]!;
            const at = `/steps/${i}`;
            const approver = step.approver;
            return (
              <Card size="small" type="inner" style={{ borderColor: statusAt(issues, at, false) ? '#ff4d4f' : undefined }}
                title={<Space>{handle}<Typography.Text strong>{i + 1}. {label(step.label, locale, step.name)}</Typography.Text></Space>}
                extra={
                  <Space size={0}>
                    <Button size="small" type="text" disabled={i === 0} aria-label={t('moveUp')} onClick={() => onChange(moveStep(def, i, i - 1))}>↑</Button>
                    <Button size="small" type="text" disabled={i === def.steps.length - 1} aria-label={t('moveDown')} onClick={() => onChange(moveStep(def, i, i + 1))}>↓</Button>
                    <Button size="small" type="text" danger disabled={def.steps.length <= 1} aria-label={t('remove')} onClick={() => onChange(removeStep(def, i))}>✕</Button>
                  </Space>
                }>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space wrap align="end">
                    <label className="sc-kind-field">{t('stepName')}
                      <Input style={{ width: 140 }} value={step.name} status={statusAt(issues, `${at}/name`)} onChange={(e) => onChange(updateStep(def, i, { name: e.target.value }))} />
                    </label>
                    <LocalizedInput locale={locale} value={step.label} status={statusAt(issues, `${at}/label`, false)} onChange={(l) => onChange(updateStep(def, i, { label: l }))} />
                  </Space>
                  <Space wrap align="end">
                    <label className="sc-kind-field">{t('approver')}
                      <Select style={{ width: 190 }} value={approver.type} status={statusAt(issues, `${at}/approver/type`)}
                        options={APPROVER_TYPES.map((type) => ({ value: type, label: t(`ap_${type}`) }))}
                        onChange={(type: ApproverType) => onChange(setApproverType(def, i, type, entity, context))} />
                    </label>
                    {approver.type === 'role' && <Select aria-label={t('role')} style={{ width: 160 }} value={approver.value} options={roles} status={statusAt(issues, `${at}/approver/value`)} onChange={(value: string) => onChange(updateStep(def, i, { approver: { type: 'role', value } }))} />}
                    {approver.type === 'userField' && <Select aria-label={t('field')} style={{ width: 160 }} value={approver.value} status={statusAt(issues, `${at}/approver/value`)}
                      options={userFields(entity).map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))} onChange={(value: string) => onChange(updateStep(def, i, { approver: { type: 'userField', value } }))} />}
                    {approver.type === 'user' && <Input aria-label={t('user')} placeholder={t('user')} style={{ width: 200 }} value={approver.value} status={statusAt(issues, `${at}/approver/value`)} onChange={(e) => onChange(updateStep(def, i, { approver: { type: 'user', value: e.target.value } }))} />}
                    <label className="sc-kind-field">{t('mode')}
                      <Select style={{ width: 150 }} value={step.mode} options={(['firstResponse', 'unanimous'] as const).map((m) => ({ value: m, label: t(`m_${m}`) }))} onChange={(mode: typeof step.mode) => onChange(updateStep(def, i, { mode }))} />
                    </label>
                    <label className="sc-kind-field">{t('onRejectStep')}
                      <Select style={{ width: 150 }} value={step.onReject} onChange={(onReject: typeof step.onReject) => onChange(updateStep(def, i, { onReject }))}
                        options={(['final', 'backOneStep'] as const).map((o) => ({ value: o, label: t(`or_${o}`), disabled: o === 'backOneStep' && i === 0 }))} />
                    </label>
                  </Space>
                  <IssueText issues={issues} at={`${at}/approver`} />
                  <Space>
                    <Switch size="small" checked={!!step.when} onChange={(on) => onChange(setStepCondition(def, i, on ? { all: [] } : undefined))} />
                    <Typography.Text>{step.when ? t('stepWhen') : t('stepAlways')}</Typography.Text>
                  </Space>
                  {step.when && (
                    <ConditionBuilder value={step.when} facts={facts} locale={locale} issues={issues} at={`${at}/when`}
                      // An emptied builder keeps the switch on with an empty group until the admin turns it off.
                      onChange={(c) => onChange(setStepCondition(def, i, c ?? { all: [] }))} />
                  )}
                  <IssueText issues={issues.filter((x) => !x.path.startsWith(`${at}/when`) && !x.path.startsWith(`${at}/approver`))} at={at} />
                </Space>
              </Card>
            );
          }} />
        <IssueText issues={issues} at="/steps" exact />
      </Card>

      <Card size="small" title={t('outcomes')} style={{ marginTop: 12 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {OUTCOMES.map((key) => (
            <div key={key}>
              <Typography.Text strong>{t(`o_${key}`)}</Typography.Text>
              <FieldValuesEditor value={def[key]?.setFields} onChange={(values) => onChange(setOutcome(def, key, values))} fields={settable} locale={locale} issues={issues} at={`/${key}/setFields`} />
            </div>
          ))}
        </Space>
      </Card>
    </div>
  );
}
