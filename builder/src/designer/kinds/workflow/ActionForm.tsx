/** The form of one workflow action, by its type. */
import { Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import type { WorkflowAction, WorkflowActionOf } from '../../../../../schemas/workflow.js';
import { fieldFacts } from '../conditionModel.js';
import { ConditionBuilder } from '../ConditionBuilder.js';
import { approvalNames, entitiesOf, entityOf, fieldsOf, isSettable, label, pointerKey, roleNames, writableFields } from '../entities.js';
import { FieldValuesEditor } from '../FieldValuesEditor.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { removeAt, replaceAt } from '../listOps.js';
import type { DesignerContext } from '../types.js';
import { TemplateEditor } from './TemplateEditor.js';

type Recipient = WorkflowActionOf<'notify'>['to'];
type EmailRecipient = WorkflowActionOf<'sendEmail'>['to'][number];
type AssignRule = WorkflowActionOf<'assignOwner'>['rules'][number];

export interface ActionFormProps {
  action: WorkflowAction;
  onChange(next: WorkflowAction): void;
  entity: EntityDefinition | undefined;
  context: DesignerContext;
  /** Pointer of this action, e.g. `/actions/2`. */
  at: string;
  /** The record picked for a test, previewed instead of the made-up sample. */
  sample?: Record<string, unknown>;
}

export function ActionForm({ action, onChange, entity, context, at, sample }: ActionFormProps) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const roles = roleNames(context.definitions).map((r) => ({ value: r.name, label: label(r.label, locale, r.name) }));
  const field = (key: Parameters<typeof t>[0], node: React.ReactNode) => <label className="sc-kind-field" style={{ display: 'block' }}>{t(key)}{node}</label>;

  const recipientEditor = (r: Recipient | EmailRecipient, set: (next: Recipient | EmailRecipient) => void, email: boolean, path: string) => {
    const types = email ? ['owner', 'ownerManager', 'user', 'role', 'field', 'address'] : ['owner', 'ownerManager', 'user', 'role'];
    const value = 'value' in r ? r.value : undefined;
    const emailFields = fieldsOf(entity).filter((f) => f.type === 'email').map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }));
    return (
      <Space wrap>
        <Select aria-label={t('recipient')} style={{ width: 170 }} value={r.type} options={types.map((type) => ({ value: type, label: t(`rc_${type}` as never) }))}
          onChange={(type: string) => set((type === 'owner' || type === 'ownerManager' ? { type } : { type, value: type === 'role' ? roles[0]?.value ?? 'rep' : type === 'field' ? emailFields[0]?.value ?? 'email' : '' }) as Recipient)} />
        {r.type === 'role' && <Select style={{ width: 160 }} value={value} options={roles} status={statusAt(issues, `${path}/value`)} onChange={(v: string) => set({ type: 'role', value: v })} />}
        {r.type === 'field' && <Select style={{ width: 160 }} value={value} options={emailFields} status={statusAt(issues, `${path}/value`)} onChange={(v: string) => set({ type: 'field', value: v })} />}
        {(r.type === 'user' || r.type === 'address') && (
          <Input style={{ width: 220 }} placeholder={r.type === 'user' ? t('user') : 'name@example.com'} value={value ?? ''} status={statusAt(issues, `${path}/value`)}
            onChange={(e) => set({ type: r.type, value: e.target.value } as Recipient)} />
        )}
      </Space>
    );
  };

  switch (action.type) {
    case 'setFields':
      return (
        <FieldValuesEditor value={action.values} onChange={(values) => onChange({ ...action, values })} fields={writableFields(context.definitions, entity)} locale={locale} issues={issues} at={`${at}/values`} />
      );
    case 'createRecord': {
      const target = entityOf(context.definitions, action.entity);
      // A new record may start in any stage, and may name its owner (a user id or login).
      const settable = fieldsOf(target, { system: true }).filter((f) => isSettable(f) || f.name === 'owner');
      const templates = Object.entries(action.templates ?? {});
      const freeForTemplate = settable.filter((f) => !(f.name in (action.templates ?? {})));
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {field('targetEntity', <Select style={{ width: 200 }} value={action.entity} status={statusAt(issues, `${at}/entity`)} options={entitiesOf(context.definitions).map((e) => ({ value: e.name, label: label(e.label, locale, e.name) }))}
            onChange={(name: string) => onChange({ type: 'createRecord', entity: name, values: {}, templates: {} })} />)}
          <IssueText issues={issues} at={`${at}/entity`} />
          <Typography.Text strong>{t('fixedValues')}</Typography.Text>
          <FieldValuesEditor value={action.values} onChange={(values) => onChange({ ...action, values })} fields={settable} locale={locale} issues={issues} at={`${at}/values`} />
          <Typography.Text strong>{t('templateValues')}</Typography.Text>
          {templates.map(([name, source]) => (
            <div key={name} style={{ paddingLeft: 8, borderLeft: '2px solid #f0f0f0' }}>
              <Space>
                <Typography.Text>{label(settable.find((f) => f.name === name)?.label, locale, name)}</Typography.Text>
                <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => { const { [name]: _gone, ...rest } = action.templates ?? {}; onChange({ ...action, templates: rest }); }}>✕</Button>
              </Space>
              <TemplateEditor sample={sample} single value={source} entity={entity} locale={locale} ariaLabel={name} status={statusAt(issues, `${at}/templates/${pointerKey(name)}`)}
                onChange={(v) => onChange({ ...action, templates: { ...action.templates, [name]: v } })} />
              <IssueText issues={issues} at={`${at}/templates/${pointerKey(name)}`} />
            </div>
          ))}
          <Select placeholder={`+ ${t('addField')}`} style={{ width: 220 }} value={null} disabled={!freeForTemplate.length} showSearch optionFilterProp="label"
            options={freeForTemplate.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
            onChange={(name: string) => onChange({ ...action, templates: { ...action.templates, [name]: `{{${entity?.titleField ?? 'id'}}}` } })} />
        </Space>
      );
    }
    case 'assignOwner': {
      const setRule = (i: number, rule: AssignRule) => onChange({ ...action, rules: replaceAt(action.rules, i, rule) });
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('assignRules')}</Typography.Text>
          {action.rules.map((rule, i) => {
            const target = rule.assignTo;
            return (
              <div key={i} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
                <Space wrap>
                  {t('assignTo')}
                  <Select style={{ width: 160 }} value={target.type} options={['user', 'roundRobin', 'leastLoaded'].map((x) => ({ value: x, label: t(`at_${x}` as never) }))}
                    onChange={(type: string) => setRule(i, { ...rule, assignTo: type === 'user' ? { type: 'user', user: '' } : { type: type as 'roundRobin', role: roles[0]?.value ?? 'rep' } })} />
                  {target.type === 'user' ? (
                    <Input style={{ width: 200 }} placeholder={t('user')} value={target.user} status={statusAt(issues, `${at}/rules/${i}/assignTo/user`)} onChange={(e) => setRule(i, { ...rule, assignTo: { type: 'user', user: e.target.value } })} />
                  ) : (
                    <>
                      <Select allowClear placeholder={t('role')} style={{ width: 150 }} value={target.role} options={roles}
                        onChange={(role?: string) => setRule(i, { ...rule, assignTo: { type: target.type, ...(role ? { role } : {}), ...(target.team ? { team: target.team } : {}) } })} />
                      <Input placeholder={t('team')} style={{ width: 150 }} value={target.team ?? ''}
                        onChange={(e) => setRule(i, { ...rule, assignTo: { type: target.type, ...(target.role ? { role: target.role } : {}), ...(e.target.value ? { team: e.target.value } : {}) } })} />
                    </>
                  )}
                  <Button size="small" type="text" danger disabled={action.rules.length <= 1} aria-label={t('remove')} onClick={() => onChange({ ...action, rules: removeAt(action.rules, i) })}>✕</Button>
                </Space>
                <IssueText issues={issues} at={`${at}/rules/${i}/assignTo`} />
                <div style={{ marginTop: 6 }}>
                  <Typography.Text type="secondary">{t('when')}</Typography.Text>
                  <ConditionBuilder value={rule.when} facts={fieldFacts(fieldsOf(entity, { system: true }))} locale={locale} issues={issues} at={`${at}/rules/${i}/when`}
                    onChange={(when) => { const { when: _w, ...rest } = rule; setRule(i, when ? { ...rest, when } : rest); }} />
                </div>
              </div>
            );
          })}
          <Button size="small" type="dashed" disabled={action.rules.length >= 50} onClick={() => onChange({ ...action, rules: [...action.rules, { assignTo: { type: 'roundRobin', role: roles[0]?.value ?? 'rep' } }] })}>+ {t('addRule')}</Button>
          {field('fallbackUser', <Input style={{ width: 220 }} value={action.fallbackUser ?? ''} status={statusAt(issues, `${at}/fallbackUser`)}
            onChange={(e) => { const { fallbackUser: _f, ...rest } = action; onChange(e.target.value ? { ...rest, fallbackUser: e.target.value } : rest); }} />)}
        </Space>
      );
    }
    case 'notify':
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {field('recipient', recipientEditor(action.to, (to) => onChange({ ...action, to: to as Recipient }), false, `${at}/to`))}
          <IssueText issues={issues} at={`${at}/to`} />
          {(['zh-CN', 'en'] as const).map((lang) => (
            <label key={lang} className="sc-kind-field" style={{ display: 'block' }}>{t('message')} ({lang})
              <TemplateEditor sample={sample} value={action.message[lang]} entity={entity} locale={locale} rows={2} ariaLabel={`${t('message')} ${lang}`} status={statusAt(issues, `${at}/message/${lang}`)}
                onChange={(v) => onChange({ ...action, message: { ...action.message, [lang]: v } })} />
              <IssueText issues={issues} at={`${at}/message/${lang}`} />
            </label>
          ))}
        </Space>
      );
    case 'sendEmail':
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('recipient')}</Typography.Text>
          {action.to.map((r, i) => (
            <Space key={i}>
              {recipientEditor(r, (next) => onChange({ ...action, to: replaceAt(action.to, i, next as EmailRecipient) }), true, `${at}/to/${i}`)}
              <Button size="small" type="text" danger disabled={action.to.length <= 1} aria-label={t('remove')} onClick={() => onChange({ ...action, to: removeAt(action.to, i) })}>✕</Button>
            </Space>
          ))}
          <Button size="small" type="dashed" disabled={action.to.length >= 20} onClick={() => onChange({ ...action, to: [...action.to, { type: 'owner' }] })}>+ {t('addRecipient')}</Button>
          <IssueText issues={issues} at={`${at}/to`} />
          {field('subject', <TemplateEditor sample={sample} single value={action.subject} entity={entity} locale={locale} ariaLabel={t('subject')} status={statusAt(issues, `${at}/subject`)} onChange={(subject) => onChange({ ...action, subject })} />)}
          {field('body', <TemplateEditor sample={sample} value={action.body} entity={entity} locale={locale} rows={6} ariaLabel={t('body')} status={statusAt(issues, `${at}/body`)} onChange={(body) => onChange({ ...action, body })} />)}
          <IssueText issues={issues} at={`${at}/subject`} />
          <IssueText issues={issues} at={`${at}/body`} />
        </Space>
      );
    case 'callWebhook':
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {field('url', <Input value={action.url} status={statusAt(issues, `${at}/url`)} onChange={(e) => onChange({ ...action, url: e.target.value })} />)}
          {field('secretRef', <Input style={{ width: 220 }} value={action.secretRef} status={statusAt(issues, `${at}/secretRef`)} onChange={(e) => onChange({ ...action, secretRef: e.target.value })} />)}
          {field('payloadTemplate', <TemplateEditor sample={sample} value={action.payloadTemplate ?? ''} entity={entity} locale={locale} rows={4} ariaLabel={t('payloadTemplate')}
            onChange={(v) => { const { payloadTemplate: _p, ...rest } = action; onChange(v ? { ...rest, payloadTemplate: v } : rest); }} />)}
          {['url', 'secretRef', 'payloadTemplate'].map((k) => <IssueText key={k} issues={issues} at={`${at}/${k}`} />)}
        </Space>
      );
    case 'startApproval':
      return (
        <>
          {field('approval', <Select style={{ width: 220 }} value={action.approval} status={statusAt(issues, `${at}/approval`)}
        options={approvalNames(context.definitions, entity?.name).map((n) => ({ value: n, label: n }))} onChange={(approval: string) => onChange({ ...action, approval })} />)}
          <IssueText issues={issues} at={`${at}/approval`} />
        </>
      );
    case 'delay':
      return (
        <Space>
          <InputNumber aria-label={t('amount')} min={1} max={8760} precision={0} value={action.amount} onChange={(v) => onChange({ ...action, amount: v ?? 1 })} />
          <Select style={{ width: 100 }} value={action.unit} options={['minutes', 'hours', 'days'].map((u) => ({ value: u, label: t(`u_${u}` as never) }))} onChange={(unit: typeof action.unit) => onChange({ ...action, unit })} />
        </Space>
      );
  }
}
