/** The pipeline designer: source field, stages as draggable columns, and the transition matrix. */
import { Alert, Button, Divider, Dropdown, Select, Space, Typography } from 'antd';
import type { PipelineDefinition } from '../../../../../schemas/pipeline.js';
import { DragList } from '../DragList.js';
import { entitiesOf, entityOf, label } from '../entities.js';
import { kindText } from '../i18n.js';
import { IssueText, statusAt } from '../IssueText.js';
import { LocalizedInput } from '../LocalizedInput.js';
import type { EditorProps } from '../types.js';
import { addStage, moveStage, selectFields, setSource, unusedOptions } from './model.js';
import { StageColumn } from './StageColumn.js';
import { TransitionMatrix } from './TransitionMatrix.js';

export function PipelineEditor({ definition: def, onChange, context }: EditorProps<PipelineDefinition>) {
  const { locale, issues } = context;
  const t = kindText(locale);
  const entities = entitiesOf(context.definitions);
  const entity = entityOf(context.definitions, def.entity);
  const unused = unusedOptions(def, entity);
  return (
    <div className="sc-kind-designer sc-pipeline-designer">
      <Space wrap align="start" size={16}>
        <label className="sc-kind-field">{t('pipeline')}
          <LocalizedInput locale={locale} value={def.label} status={statusAt(issues, '/label', false)} onChange={(l) => onChange({ ...def, label: l })} />
        </label>
        <label className="sc-kind-field">{t('entity')}
          <Select aria-label={t('entity')} style={{ width: 180 }} value={def.entity} status={statusAt(issues, '/entity')} showSearch optionFilterProp="label"
            options={entities.filter((e) => selectFields(e).length).map((e) => ({ value: e.name, label: label(e.label, locale, e.name) }))}
            onChange={(name: string) => { const e = entityOf(context.definitions, name); onChange(setSource(def, e, selectFields(e)[0]?.name ?? def.field)); }} />
        </label>
        <label className="sc-kind-field">{t('stageField')}
          <Select aria-label={t('stageField')} style={{ width: 180 }} value={def.field} status={statusAt(issues, '/field')}
            options={selectFields(entity).map((f) => ({ value: f.name, label: label(f.label, locale, f.name) }))}
            onChange={(field: string) => onChange(setSource(def, entity, field))} />
        </label>
        <label className="sc-kind-field">{t('initialStage')}
          <Select aria-label={t('initialStage')} style={{ width: 160 }} value={def.initialStage} status={statusAt(issues, '/initialStage')}
            options={def.stages.map((s) => ({ value: s.value, label: label(s.label, locale, s.value) }))}
            onChange={(initialStage: string) => onChange({ ...def, initialStage })} />
        </label>
      </Space>
      {['/entity', '/field', '/initialStage', '/label', '/name'].map((p) => <IssueText key={p} issues={issues} at={p} />)}

      <Divider titlePlacement="start">{t('stages')}</Divider>
      <div style={{ overflowX: 'auto', paddingBottom: 8 }}>
        <DragList
          orientation="horizontal"
          locale={locale}
          ids={def.stages.map((s) => s.value)}
          itemName={(v) => label(def.stages.find((s) => s.value === v)?.label, locale, v)}
          onMove={(from, to) => onChange(moveStage(def, from, to))}
          renderItem={(value, index, handle) => (
            <StageColumn def={def} index={index} stage={def.stages[index]!} handle={handle} onChange={onChange} locale={locale} issues={issues} />
          )}
        />
      </div>
      <Space style={{ marginTop: 8 }}>
        <Dropdown disabled={!unused.length} menu={{ items: unused.map((o) => ({ key: o.value, label: label(o.label, locale, o.value) })), onClick: ({ key }) => { const o = unused.find((x) => x.value === key); if (o) onChange(addStage(def, o)); } }}>
          <Button type="dashed" disabled={!unused.length || def.stages.length >= 50}>+ {t('addStage')}</Button>
        </Dropdown>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{unused.length ? t('addStageHint') : t('noUnusedOptions')}</Typography.Text>
      </Space>
      <IssueText issues={issues} at="/stages" exact />

      <Divider titlePlacement="start">{t('transitions')}</Divider>
      {def.stages.length < 2 ? <Alert type="info" title={t('addStageHint')} /> : <TransitionMatrix def={def} onChange={onChange} entity={entity} context={context} />}
    </div>
  );
}
