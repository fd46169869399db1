/** An all/any group of conditions, nested groups included; it writes json-rules-engine condition JSON. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import type { FieldDefinition } from '../../../../schemas/entity.js';
import type { FactCondition } from '../../../../schemas/conditions.js';
import { useDesignerText } from '../i18n.js';
import { addChild, childrenOf, isGroup, modeOf, newFactCondition, removeChild, replaceChild, setMode, type Group, type GroupMode } from '../model/rules.js';
import { ConditionRow } from './ConditionRow.js';

interface Props {
  group: Group;
  fields: FieldDefinition[];
  depth: number;
  onChange(group: Group): void;
}

/** Deeper nesting is allowed by the schema but no one can read it; two levels cover "A and (B or C)". */
const MAX_DEPTH = 2;

export function ConditionGroupEditor({ group, fields, depth, onChange }: Props) {
  const { t } = useDesignerText();
  return (
    <div className="sd-cond-group">
      <Select<GroupMode> size="small" aria-label={t('all')} value={modeOf(group)} onChange={(mode) => onChange(setMode(group, mode))} style={{ marginBottom: 6, width: 120 }}
        options={[{ value: 'all', label: t('all') }, { value: 'any', label: t('any') }]} />
      {childrenOf(group).map((child, i) =>
        isGroup(child) ? (
          <ConditionGroupEditor key={i} group={child} fields={fields} depth={depth + 1}
            onChange={(g) => onChange(childrenOf(g).length ? replaceChild(group, i, g) : removeChild(group, i))} />
        ) : 'fact' in child ? (
          <ConditionRow key={i} condition={child} fields={fields}
            onChange={(c: FactCondition) => onChange(replaceChild(group, i, c))} onRemove={() => onChange(removeChild(group, i))} />
        ) : null,
      )}
      <Space size={4}>
        <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={!fields[0]} onClick={() => onChange(addChild(group, newFactCondition(fields[0])))}>{t('addCondition')}</Button>
        {depth < MAX_DEPTH && (
          <Button size="small" type="dashed" disabled={!fields[0]} onClick={() => onChange(addChild(group, { any: [newFactCondition(fields[0])] }))}>{t('addGroup')}</Button>
        )}
      </Space>
    </div>
  );
}
