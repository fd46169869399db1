/** The role designer: entity × action scope grid, field access per entity, read-only-when conditions. */
import { Card, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AccessScope, RoleAction, RoleDefinition } from '../../../../../schemas/role.js';
import { fieldFacts } from '../conditionModel.js';
import { ConditionBuilder } from '../ConditionBuilder.js';
import { entitiesOf, entityOf, fieldsOf, label, pointerKey, roleNames } from '../entities.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { EditorProps } from '../types.js';
import { fieldAccess, ROLE_ACTIONS, SCOPES, scopeOf, setFieldAccess, setFlag, setReadOnlyWhen, setReportsTo, setRow, setScope, type FieldAccess } from './model.js';

const SCOPE_COLORS: Record<AccessScope, string> = { none: 'default', own: 'blue', team: 'cyan', department: 'geekblue', all: 'green' };

export function RoleEditor({ definition: def, onChange, context }: EditorProps<RoleDefinition>) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const entities = entitiesOf(context.definitions);
  const [selected, setSelected] = useState<string | undefined>(entities[0]?.name);
  const entity = entityOf(context.definitions, selected);
  const scopeOptions = SCOPES.map((s) => ({ value: s, label: <Tag color={SCOPE_COLORS[s]} style={{ marginInlineEnd: 0 }}>{t(`sc_${s}`)}</Tag> }));
  const unknown = Object.keys(def.permissions).filter((e) => !entities.some((x) => x.name === e));
  return (
    <div className="sc-kind-designer sc-role-designer">
      <Space wrap align="end" size={16}>
        <label className="sc-kind-field">{t('roleDesigner')}
          <LocalizedInput locale={locale} value={def.label} status={statusAt(issues, '/label', false)} onChange={(l) => onChange({ ...def, label: l })} />
        </label>
        <label className="sc-kind-field">{t('reportsTo')}
          <Select allowClear style={{ width: 180 }} value={def.reportsTo} status={statusAt(issues, '/reportsTo')}
            options={roleNames(context.definitions).filter((r) => r.name !== def.name).map((r) => ({ value: r.name, label: label(r.label, locale, r.name) }))}
            onChange={(r?: string) => onChange(setReportsTo(def, r))} />
        </label>
        <Space>
          <Switch checked={def.isAdmin === true} onChange={(v) => onChange(setFlag(def, 'isAdmin', v))} />
          <Typography.Text>{t('isAdmin')}</Typography.Text>
        </Space>
      </Space>
      {['/label', '/name', '/reportsTo'].map((p) => <IssueText key={p} issues={issues} at={p} />)}

      <Card size="small" title={t('permissions')} style={{ marginTop: 12 }}>
        <Table size="small" pagination={false} rowKey="name" scroll={{ x: 'max-content' }}
          dataSource={[...entities.map((e) => ({ name: e.name, text: label(e.label, locale, e.name) })), ...unknown.map((name) => ({ name, text: name }))]}
          columns={[
            { key: 'entity', title: t('entity'), render: (_: unknown, row: { name: string; text: string }) => (
              <div>
                <Typography.Text strong={row.name === selected}>{row.text}</Typography.Text>
                <IssueText issues={issues} at={`/permissions/${pointerKey(row.name)}`} />
              </div>
            ) },
            ...ROLE_ACTIONS.map((action: RoleAction) => ({
              key: action,
              title: t(`ra_${action}`),
              render: (_: unknown, row: { name: string }) => (
                <Select size="small" variant="borderless" aria-label={`${row.name} ${t(`ra_${action}`)}`} style={{ width: 110 }} value={scopeOf(def, row.name, action)} options={scopeOptions}
                  onChange={(s: AccessScope) => onChange(setScope(def, row.name, action, s))} />
              ),
            })),
            { key: 'row', title: t('setRow'), render: (_: unknown, row: { name: string }) => (
              <Select size="small" aria-label={`${row.name} ${t('setRow')}`} style={{ width: 110 }} value={null} placeholder="…" options={scopeOptions}
                onChange={(s: AccessScope) => onChange(setRow(def, row.name, s))} />
            ) },
          ]}
          onRow={(row) => ({ onClick: () => setSelected(row.name), style: { cursor: 'pointer', background: row.name === selected ? '#e6f4ff' : undefined } })} />
      </Card>

      <Card size="small" style={{ marginTop: 12 }}
        title={<Space>{t('fieldPermissions')}<Select size="small" style={{ width: 180 }} value={selected} options={entities.map((e) => ({ value: e.name, label: label(e.label, locale, e.name) }))} onChange={setSelected} /></Space>}>
        {entity && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Table size="small" pagination={false} rowKey="name" scroll={{ x: 'max-content', y: 360 }}
              dataSource={fieldsOf(entity)}
              columns={[
                { key: 'field', title: t('field'), render: (_: unknown, f) => (
                  <div>{label(f.label, locale, f.name)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.name}</Typography.Text>
                    <IssueText issues={issues} at={`/fieldPermissions/${pointerKey(entity.name)}/${pointerKey(f.name)}`} /></div>
                ) },
                { key: 'access', title: '', render: (_: unknown, f) => (
                  <Radio.Group size="small" optionType="button" buttonStyle="solid" value={fieldAccess(def, entity.name, f.name)}
                    onChange={(e) => onChange(setFieldAccess(def, entity.name, f.name, e.target.value as FieldAccess))}
                    options={(['editable', 'readOnly', 'hidden'] as const).map((a) => ({ value: a, label: t(`fa_${a}`) }))} />
                ) },
              ]} />
            <Typography.Text strong>{t('readOnlyWhen')}</Typography.Text>
            <ConditionBuilder value={def.readOnlyWhen?.[entity.name]} onChange={(c) => onChange(setReadOnlyWhen(def, entity.name, c))}
              facts={fieldFacts(fieldsOf(entity, { system: true }))} locale={locale} issues={issues} at={`/readOnlyWhen/${pointerKey(entity.name)}`} />
          </Space>
        )}
        <IssueText issues={issues} at="/fieldPermissions" exact />
      </Card>
    </div>
  );
}
