/** One effect of one field ("required when …"): add the rule, edit its condition, or remove it. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useDesignerText, type DesignerKey } from '../i18n.js';
import { activeFields } from '../model/entity.js';
import { asGroup, isEmptyGroup, newFactCondition, ruleFor, setRule, type Effect } from '../model/rules.js';
import { ConditionGroupEditor } from './ConditionGroupEditor.js';
import { useFormEdit } from './useFormEdit.js';

const TITLES: Record<Effect, DesignerKey> = { visible: 'ruleVisible', required: 'ruleRequired', readOnly: 'ruleReadOnly' };

export function RuleEditor({ formName, field, effect }: { formName: string; field: string; effect: Effect }) {
  const { t } = useDesignerText();
  const { form, entity, change } = useFormEdit(formName);
  if (!form || !entity) return null;
  const rule = ruleFor(form, field, effect);
  const facts = activeFields(entity).filter((f) => f.name !== field);
  // A select is the most common thing a rule depends on ("when grading is important").
  const firstFact = facts.find((f) => f.type === 'select') ?? facts[0];
  const title = t(TITLES[effect]);
  return (
    <div role="group" aria-label={title} style={{ marginBottom: 12 }} data-rule={effect}>
      <div className="sd-pane-title" style={{ fontWeight: 500 }}>
        {title}
        {rule
          ? <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('removeRule')} ${title}`} onClick={() => change((f) => setRule(f, field, effect, null))} />
          : <Button size="small" icon={<PlusOutlined />} disabled={!firstFact} onClick={() => change((f) => setRule(f, field, effect, { all: [newFactCondition(firstFact!)] }))}>{t('addRule')}</Button>}
      </div>
      {rule && (
        <ConditionGroupEditor group={asGroup(rule.when)} fields={facts} depth={0}
          onChange={(g) => change((f) => setRule(f, field, effect, isEmptyGroup(g) ? null : g))} />
      )}
    </div>
  );
}
