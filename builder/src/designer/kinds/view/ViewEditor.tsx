/** The view designer: type, columns (pick and drag to order), filter rows, sort keys, kanban / calendar settings. */
import { Button, Card, Checkbox, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { ViewDefinition } from '../../../../../schemas/view.js';
import { DragList } from '../DragList.js';
import { entitiesOf, entityOf, fieldOf, fieldsOf, label, pipelinesOf, roleNames } from '../entities.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { EditorProps } from '../types.js';
import { FilterRows } from './FilterRows.js';
import {
  addSortKey, moveColumn, moveSortKey, removeSortKey, setCalendar, setEntity, setKanban, setPageSize, setType, setVisibility, toggleColumn, updateSortKey,
  type ViewType,
} from './model.js';

export function ViewEditor({ definition: def, onChange, context }: EditorProps<ViewDefinition>) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const entity = entityOf(context.definitions, def.entity);
  const fields = fieldsOf(entity, { system: true });
  const fieldName = (name: string) => label(fieldOf(entity, name)?.label, locale, name);
  const columns = def.columns ?? [];
  const sort = def.sort ?? [];
  const pipelines = pipelinesOf(context.definitions, def.entity);
  const selects = fieldsOf(entity).filter((f) => f.type === 'select');
  const dates = fields.filter((f) => f.type === 'date' || f.type === 'datetime');
  return (
    <div className="sc-kind-designer sc-view-designer">
      <Space wrap align="end" size={16}>
        <label className="sc-kind-field">{t('view')}
          <LocalizedInput locale={locale} value={def.label} status={statusAt(issues, '/label', false)} onChange={(l) => onChange({ ...def, label: l })} />
        </label>
        <label className="sc-kind-field">{t('entity')}
          <Select aria-label={t('entity')} style={{ width: 180 }} value={def.entity} status={statusAt(issues, '/entity')} showSearch optionFilterProp="label"
            options={entitiesOf(context.definitions).map((e) => ({ value: e.name, label: label(e.label, locale, e.name) }))}
            onChange={(name: string) => onChange(setEntity(def, entityOf(context.definitions, name), context))} />
        </label>
        <label className="sc-kind-field">{t('viewType')}
          <div>
            <Radio.Group optionType="button" value={def.type} onChange={(e) => onChange(setType(def, e.target.value as ViewType, entity, context))}
              options={(['list', 'kanban', 'calendar'] as const).map((v) => ({ value: v, label: t(`vt_${v}`) }))} />
          </div>
        </label>
        <label className="sc-kind-field">{t('pageSize')}
          <InputNumber min={1} max={200} precision={0} placeholder="20" value={def.pageSize ?? null} onChange={(v) => onChange(setPageSize(def, v ?? undefined))} />
        </label>
      </Space>
      {['/label', '/entity', '/name', '/type', '/pageSize'].map((p) => <IssueText key={p} issues={issues} at={p} />)}

      {def.type === 'kanban' && (
        <Card size="small" title={t('kanban')} style={{ marginTop: 12 }}>
          <Space wrap>
            <Radio.Group value={def.kanban && 'pipeline' in def.kanban && def.kanban.pipeline !== undefined ? 'pipeline' : 'groupBy'}
              onChange={(e) => onChange(setKanban(def, e.target.value === 'pipeline' ? { pipeline: pipelines[0]?.name ?? '' } : { groupBy: selects[0]?.name ?? '' }))}
              options={[{ value: 'pipeline', label: t('groupByPipeline'), disabled: !pipelines.length }, { value: 'groupBy', label: t('groupBySelect') }]} />
            {def.kanban?.pipeline !== undefined ? (
              <Select style={{ width: 200 }} value={def.kanban.pipeline} status={statusAt(issues, '/kanban/pipeline')} options={pipelines.map((p) => ({ value: p.name, label: label(p.label, locale, p.name) }))}
                onChange={(pipeline: string) => onChange(setKanban(def, { pipeline }))} />
            ) : (
              <Select style={{ width: 200 }} value={def.kanban?.groupBy} status={statusAt(issues, '/kanban/groupBy')} options={selects.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
                onChange={(groupBy: string) => onChange(setKanban(def, { groupBy }))} />
            )}
          </Space>
          <IssueText issues={issues} at="/kanban" />
        </Card>
      )}
      {def.type === 'calendar' && (
        <Card size="small" title={t('calendar')} style={{ marginTop: 12 }}>
          <Space wrap>
            <label className="sc-kind-field">{t('dateField')}
              <Select style={{ width: 180 }} value={def.calendar?.dateField} status={statusAt(issues, '/calendar/dateField')} options={dates.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
                onChange={(d: string) => onChange(setCalendar(def, d, def.calendar?.endDateField))} />
            </label>
            <label className="sc-kind-field">{t('endDateField')}
              <Select allowClear style={{ width: 180 }} value={def.calendar?.endDateField} options={dates.map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
                onChange={(end?: string) => onChange(setCalendar(def, def.calendar?.dateField ?? dates[0]?.name ?? 'createdAt', end))} />
            </label>
          </Space>
          <IssueText issues={issues} at="/calendar" />
        </Card>
      )}

      <Card size="small" title={t('columns')} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('columnsHint')}</Typography.Text>
        <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', marginTop: 8 }}>
          <div style={{ minWidth: 200 }}>
            {fields.map((f) => (
              <div key={f.name}>
                <Checkbox checked={columns.includes(f.name)} disabled={!columns.includes(f.name) && columns.length >= 50} onChange={() => onChange(toggleColumn(def, f.name))}>
                  {label(f.label, locale, f.name)}
                </Checkbox>
              </div>
            ))}
          </div>
          <div style={{ minWidth: 240, flex: 1 }}>
            <DragList ids={columns} locale={locale} gap={4} itemName={fieldName} onMove={(from, to) => onChange(moveColumn(def, from, to))}
              renderItem={(name, i, handle) => (
                <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '2px 6px', background: '#fff' }}>
                  <Space>
                    {handle}
                    <Typography.Text type={statusAt(issues, `/columns/${i}`) ? 'danger' : undefined}>{i + 1}. {fieldName(name)}</Typography.Text>
                    <Button size="small" type="text" disabled={i === 0} aria-label={t('moveUp')} onClick={() => onChange(moveColumn(def, i, i - 1))}>↑</Button>
                    <Button size="small" type="text" disabled={i === columns.length - 1} aria-label={t('moveDown')} onClick={() => onChange(moveColumn(def, i, i + 1))}>↓</Button>
                    <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => onChange(toggleColumn(def, name))}>✕</Button>
                  </Space>
                  <IssueText issues={issues} at={`/columns/${i}`} />
                </div>
              )} />
          </div>
        </div>
        <IssueText issues={issues} at="/columns" exact />
      </Card>

      <Card size="small" title={t('filter')} style={{ marginTop: 12 }}>
        <FilterRows def={def} onChange={onChange} entity={entity} locale={locale} issues={issues} />
      </Card>

      <Card size="small" title={t('sort')} style={{ marginTop: 12 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {sort.map((key, i) => (
            <div key={`${key.field}-${i}`}>
              <Space>
                <Select style={{ width: 180 }} value={key.field} status={statusAt(issues, `/sort/${i}/field`)} options={fields.map((f) => ({ value: f.name, label: label(f.label, locale, f.name), disabled: f.name !== key.field && sort.some((s) => s.field === f.name) }))}
                  onChange={(field: string) => onChange(updateSortKey(def, i, { ...key, field }))} />
                <Radio.Group optionType="button" size="small" value={key.direction} onChange={(e) => onChange(updateSortKey(def, i, { ...key, direction: e.target.value as 'asc' | 'desc' }))}
                  options={[{ value: 'asc', label: t('asc') }, { value: 'desc', label: t('desc') }]} />
                <Button size="small" type="text" disabled={i === 0} aria-label={t('moveUp')} onClick={() => onChange(moveSortKey(def, i, i - 1))}>↑</Button>
                <Button size="small" type="text" disabled={i === sort.length - 1} aria-label={t('moveDown')} onClick={() => onChange(moveSortKey(def, i, i + 1))}>↓</Button>
                <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => onChange(removeSortKey(def, i))}>✕</Button>
              </Space>
              <IssueText issues={issues} at={`/sort/${i}`} />
            </div>
          ))}
          <Select placeholder={`+ ${t('addSort')}`} style={{ width: 200 }} value={null} disabled={sort.length >= 5} showSearch optionFilterProp="label"
            options={fields.filter((f) => !sort.some((s) => s.field === f.name)).map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
            onChange={(field: string) => onChange(addSortKey(def, field))} />
        </Space>
      </Card>

      <Card size="small" title={t('visibility')} style={{ marginTop: 12 }}>
        <Select mode="multiple" style={{ width: '100%' }} value={def.visibility?.roles ?? []} status={statusAt(issues, '/visibility', false)}
          options={roleNames(context.definitions).map((r) => ({ value: r.name, label: label(r.label, locale, r.name) }))}
          onChange={(roles: string[]) => onChange(setVisibility(def, roles))} />
        <IssueText issues={issues} at="/visibility" />
      </Card>
    </div>
  );
}
