/** A roll-up: which child records (entity and its lookup to this one) and what to compute over them. */
import { Select } from 'antd';
import type { EntityDefinition, FieldOf } from '../../../../schemas/entity.js';
import { localize } from '../../../../runtime/ui/labels.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';
import { entitiesOf, entityNamed } from '../model/definitionSet.js';
import { useDesigner } from '../state/DesignerContext.js';

const AGGREGATES: FieldOf<'rollup'>['aggregate'][] = ['count', 'sum', 'min', 'max', 'avg'];
const NUMERIC = new Set(['number', 'currency', 'percent']);

interface Props {
  entity: EntityDefinition;
  field: FieldOf<'rollup'>;
  patch(props: Record<string, unknown>): void;
}

export function RollupEditor({ entity, field, patch }: Props) {
  const { t, locale } = useDesignerText();
  const { draft } = useDesigner();
  const lookupsTo = (child: EntityDefinition) => child.fields.filter((f) => f.type === 'lookup' && f.target === entity.name && !f.archived);
  const children = entitiesOf(draft.set).filter((e) => lookupsTo(e).length > 0);
  const child = entityNamed(draft.set, field.childEntity);
  const pickChild = (name: string) => {
    const next = entityNamed(draft.set, name);
    patch({ childEntity: name, childLookup: next ? lookupsTo(next)[0]?.name : undefined, childField: undefined });
  };
  return (
    <>
      <Labeled id="fe-child" label={t('childEntity')}>
        <Select id="fe-child" style={{ width: '100%' }} value={field.childEntity} onChange={pickChild}
          options={children.map((e) => ({ value: e.name, label: localize(e.label, locale, e.name) }))} />
      </Labeled>
      <Labeled id="fe-childlookup" label={t('childLookup')}>
        <Select id="fe-childlookup" style={{ width: '100%' }} value={field.childLookup} onChange={(childLookup) => patch({ childLookup })}
          options={(child ? lookupsTo(child) : []).map((f) => ({ value: f.name, label: localize(f.label, locale, f.name) }))} />
      </Labeled>
      <Labeled id="fe-aggregate" label={t('aggregate')}>
        <Select id="fe-aggregate" style={{ width: '100%' }} value={field.aggregate} onChange={(aggregate) => patch({ aggregate, childField: aggregate === 'count' ? undefined : field.childField })}
          options={AGGREGATES.map((a) => ({ value: a, label: a.toUpperCase() }))} />
      </Labeled>
      {field.aggregate !== 'count' && (
        <Labeled id="fe-childfield" label={t('childField')}>
          <Select id="fe-childfield" style={{ width: '100%' }} value={field.childField} onChange={(childField) => patch({ childField })}
            options={(child?.fields ?? []).filter((f) => NUMERIC.has(f.type) && !f.archived).map((f) => ({ value: f.name, label: localize(f.label, locale, f.name) }))} />
        </Labeled>
      )}
    </>
  );
}
