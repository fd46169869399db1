/**
 * The condition builder every designer uses: all / any / none groups of rules,
 * a rule being a field of the entity, an operator allowed for its type and a
 * value typed by the field. It writes json-rules-engine conditions; nobody
 * types JSON. Issues are shown at the rule or group their path points at.
 */
import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import type { Condition, ConditionOperator, FactCondition } from '../../../../schemas/conditions.js';
import {
  appendChild, changeFact, changeOperator, changeValue, childrenOf, combinatorOf, factKey, isGroup, newRule, nodePointer,
  operatorsFor, removeNode, replaceNode, rootGroup, setCombinator, takesList, takesValue, toCondition,
  type Combinator, type FactOption, type GroupCondition, type NodePath,
} from './conditionModel.js';
import { label, valueKind } from './entities.js';
import { kindText, type KindT } from './i18n.js';
import { IssueText } from './IssueText.js';
import type { DesignerIssue, DesignerLocale } from './types.js';
import { ValueInput } from './ValueInput.js';

export interface ConditionBuilderProps {
  value: Condition | undefined;
  onChange(next: Condition | undefined): void;
  /** Facts to pick from: the entity's fields (see `fieldFacts`). */
  facts: readonly FactOption[];
  locale: DesignerLocale;
  /** Issues of the whole definition and the pointer of this condition in it, e.g. `/conditions`. */
  issues?: readonly DesignerIssue[];
  at?: string;
}

const MAX_DEPTH = 3;

export function ConditionBuilder({ value, onChange, facts, locale, issues = [], at = '' }: ConditionBuilderProps) {
  const t = kindText(locale);
  const root = rootGroup(value);
  // A lone test or a `not` in the stored definition is shown inside an `all` group; pointers stay those of the stored shape.
  const wrapped = !!value && !isGroup(value);
  const pointer = (path: NodePath) => (wrapped ? (path.length ? nodePointer(root, path).replace(/^\/all\/0/, '') : '') : nodePointer(root, path));
  const commit = (next: GroupCondition) => onChange(toCondition(next));
  const factOptions = facts.map((f) => ({
    value: f.key,
    label: f.fact === '$previous' ? `${label(f.field.label, locale, f.field.name)}（${t('condPrevious')}）` : label(f.field.label, locale, f.field.name),
  }));

  const renderRule = (rule: FactCondition, path: NodePath) => {
    const option = facts.find((f) => f.key === factKey(rule));
    const field = option?.field;
    const ops = operatorsFor(valueKind(field));
    const at2 = at + pointer(path);
    const compareFact = rule.value && typeof rule.value === 'object' && !Array.isArray(rule.value) ? (rule.value as { fact: string }).fact : null;
    return (
      <div key={path.join('.')} className="sc-cond-rule">
        <Space wrap size={[6, 6]}>
          <Select showSearch optionFilterProp="label" aria-label={t('field')} style={{ minWidth: 160 }} placeholder={t('condPickField')}
            status={option ? undefined : 'error'} value={option ? option.key : factKey(rule)} options={factOptions}
            onChange={(key: string) => { const f = facts.find((x) => x.key === key); if (f) commit(replaceNode(root, path, changeFact(rule, f))); }} />
          <Select aria-label={t('operator')} style={{ minWidth: 120 }} value={rule.operator}
            options={(ops.includes(rule.operator) ? ops : [...ops, rule.operator]).map((op) => ({ value: op, label: t(`op_${op}` as never) }))}
            onChange={(op: ConditionOperator) => commit(replaceNode(root, path, changeOperator(rule, op, field)))} />
          {takesValue(rule.operator) && (compareFact
            ? <Tag>{t('condCompareField', { field: compareFact })}</Tag>
            : <ValueInput field={field} locale={locale} multiple={takesList(rule.operator)} value={rule.value}
                status={rule.value === undefined || rule.value === '' ? 'error' : undefined}
                onChange={(v) => commit(replaceNode(root, path, changeValue(rule, v)))} />)}
          <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => commit(removeNode(root, path))}>✕</Button>
        </Space>
        <IssueText issues={issues} at={at2} />
      </div>
    );
  };

  const renderGroup = (group: GroupCondition, path: NodePath, depth: number) => {
    const kids = childrenOf(group);
    const groupAt = at + pointer(path);
    return (
      <Card size="small" key={path.join('.') || 'root'} className="sc-cond-group" style={{ background: depth % 2 ? '#fafafa' : undefined }}
        title={
          <Space>
            <Select size="small" aria-label={t('group')} value={combinatorOf(group)} style={{ width: 130 }}
              options={(['all', 'any', 'none'] as Combinator[]).map((c) => ({ value: c, label: t(c === 'all' ? 'condAll' : c === 'any' ? 'condAny' : 'condNone') }))}
              onChange={(c: Combinator) => commit(setCombinator(root, path, c))} />
          </Space>
        }
        extra={path.length > 0 ? <Button size="small" type="text" danger aria-label={t('remove')} onClick={() => commit(removeNode(root, path))}>✕</Button> : null}>
        <Space orientation="vertical" style={{ width: '100%' }} size={6}>
          {kids.length === 0 && <Typography.Text type="secondary">{t('condEmpty')}</Typography.Text>}
          {kids.map((c, i) => renderNode(c, [...path, i], depth, t))}
          <Space>
            <Button size="small" disabled={!facts.length} onClick={() => commit(appendChild(root, path, newRule(facts[0]!)))}>+ {t('condAddRule')}</Button>
            {depth < MAX_DEPTH && <Button size="small" type="dashed" disabled={!facts.length} onClick={() => commit(appendChild(root, path, { any: [newRule(facts[0]!)] }))}>+ {t('condAddGroup')}</Button>}
          </Space>
          <IssueText issues={issues} at={groupAt} exact />
        </Space>
      </Card>
    );
  };

  const renderNode = (c: Condition, path: NodePath, depth: number, tt: KindT) => {
    if (isGroup(c)) return renderGroup(c, path, depth + 1);
    if ('fact' in c) return renderRule(c, path);
    return (
      <Space key={path.join('.')}>
        <Tag>{tt('condAdvanced')}</Tag>
        <code style={{ fontSize: 12 }}>{JSON.stringify(c)}</code>
        <Button size="small" type="text" danger aria-label={tt('remove')} onClick={() => commit(removeNode(root, path))}>✕</Button>
      </Space>
    );
  };

  return renderGroup(root, [], 0);
}
