/** One test: a field of the entity, an operator that fits its type, and a value typed by the field. */
import { Button, Select } from 'antd';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import type { ConditionOperator, FactCondition } from '../../../../schemas/conditions.js';
import { localize } from '../../../../runtime/ui/labels.js';
import { operatorName, useDesignerText } from '../i18n.js';
import { operatorsFor, valueShape, withFact, withOperator } from '../model/rules.js';
import { ValueInput } from './ValueInput.js';

interface Props {
  condition: FactCondition;
  fields: FieldDefinition[];
  onChange(c: FactCondition): void;
  onRemove(): void;
}

export function ConditionRow({ condition, fields, onChange, onRemove }: Props) {
  const { t, locale } = useDesignerText();
  const field = fields.find((f) => f.name === condition.fact);
  const shape = valueShape(condition.operator);
  return (
    <div className="sd-cond-row">
      <Select size="small" aria-label={t('fact')} style={{ width: 130 }} value={condition.fact} showSearch optionFilterProp="label"
        onChange={(name: string) => { const f = fields.find((x) => x.name === name); if (f) onChange(withFact(f)); }}
        options={fields.map((f) => ({ value: f.name, label: localize(f.label, locale, f.name) }))} />
      <Select<ConditionOperator> size="small" aria-label={t('operator')} style={{ width: 110 }} value={condition.operator}
        onChange={(op) => onChange(withOperator(condition, field, op))}
        options={operatorsFor(field).map((op) => ({ value: op, label: operatorName(locale, op) }))} />
      {shape !== 'none' && (
        <ValueInput field={field} list={shape === 'list'} value={condition.value} onChange={(value) => onChange({ ...condition, value })} />
      )}
      <Button size="small" type="text" title={t('removeCondition')} aria-label={t('removeCondition')} onClick={onRemove}>✕</Button>
    </div>
  );
}
