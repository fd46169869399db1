/** A view's filter as field / operator / value rows, written into a MongoDB filter document. */
import { Alert, Button, Select, Space, Typography } from 'antd';
import type { EntityDefinition } from '../../../../../schemas/entity.js';
import type { FilterValue } from '../../../../../schemas/filter.js';
import type { ViewDefinition } from '../../../../../schemas/view.js';
import { fieldOf, fieldsOf, label, valueKind } from '../entities.js';
import { kindText } from '../i18n.js';
import { IssueText } from '../IssueText.js';
import { removeAt, replaceAt } from '../listOps.js';
import type { DesignerIssue, DesignerLocale } from '../types.js';
import { ValueInput } from '../ValueInput.js';
import { changeRowOp, filterOpsFor, filterToRows, newFilterRow, setFilter, type FilterOp, type FilterRow } from './model.js';

export function FilterRows({ def, onChange, entity, locale, issues }: { def: ViewDefinition; onChange(next: ViewDefinition): void; entity: EntityDefinition | undefined; locale: DesignerLocale; issues: readonly DesignerIssue[] }) {
  const t = kindText(locale);
  const rows = filterToRows(def.filter);
  const fields = fieldsOf(entity, { system: true });
  if (!rows) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('filterAdvanced')} description={<pre style={{ margin: 0, fontSize: 12 }}>{JSON.stringify(def.filter, null, 2)}</pre>} />
        <Button size="small" danger onClick={() => onChange(setFilter(def, []))}>{t('remove')}</Button>
        <IssueText issues={issues} at="/filter" />
      </Space>
    );
  }
  const write = (next: FilterRow[]) => onChange(setFilter(def, next));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {rows.map((row, i) => {
        const field = fieldOf(entity, row.field);
        const ops = filterOpsFor(valueKind(field));
        return (
          <Space key={i} wrap>
            <Select aria-label={t('field')} style={{ width: 170 }} value={row.field} showSearch optionFilterProp="label" status={field ? undefined : 'error'}
              options={fields.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
              onChange={(name: string) => { const f = fieldOf(entity, name); if (f) write(replaceAt(rows, i, newFilterRow(f))); }} />
            <Select aria-label={t('operator')} style={{ width: 130 }} value={row.op} options={(ops.includes(row.op) ? ops : [...ops, row.op]).map((op) => ({ value: op, label: t(`fo_${op}`) }))}
              onChange={(op: FilterOp) => write(replaceAt(rows, i, changeRowOp(row, op, field)))} />
            {row.op !== 'exists' && row.op !== 'notExists' && (
              row.op === 'regex'
                ? <ValueInput field={undefined} locale={locale} value={row.value} onChange={(v) => write(replaceAt(rows, i, { ...row, value: v as FilterValue }))} />
                : <ValueInput field={field} locale={locale} multiple={row.op === 'in' || row.op === 'nin'} value={row.value} onChange={(v) => write(replaceAt(rows, i, { ...row, value: v as FilterValue }))} />
            )}
            <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => write(removeAt(rows, i))}>✕</Button>
          </Space>
        );
      })}
      <Select placeholder={`+ ${t('addFilter')}`} style={{ width: 200 }} value={null} showSearch optionFilterProp="label"
        options={fields.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
        onChange={(name: string) => { const f = fieldOf(entity, name); if (f) write([...rows, newFilterRow(f)]); }} />
      {def.filter && <Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{JSON.stringify(def.filter)}</code></Typography.Text>}
      <IssueText issues={issues} at="/filter" />
    </Space>
  );
}
