/**
 * The formula text with a syntax and type check as you type (the runtime's own
 * compiler, in the browser) and its result on a sample record. The text is
 * committed to the draft on blur, so one edit is one undo step.
 */
import { Input, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { EntityDefinition, FieldOf } from '../../../../schemas/entity.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';
import { checkFormula, sampleRecord } from '../model/formula.js';

const RESULT_TYPES: FieldOf<'formula'>['resultType'][] = ['number', 'currency', 'percent', 'text', 'boolean', 'date'];

interface Props {
  entity: EntityDefinition;
  field: FieldOf<'formula'>;
  patch(props: Record<string, unknown>): void;
}

export function FormulaEditor({ entity, field, patch }: Props) {
  const { t } = useDesignerText();
  const [text, setText] = useState(field.expression);
  useEffect(() => setText(field.expression), [field.expression]);
  const sample = useMemo(() => sampleRecord(entity), [entity]);
  const check = useMemo(() => checkFormula(entity, { ...field, expression: text || ' ' }, sample), [entity, field, text, sample]);
  const commit = () => text.trim() && text !== field.expression && patch({ expression: text });

  return (
    <>
      <Labeled id="fe-formula" label={t('expression')}>
        <Input.TextArea id="fe-formula" value={text} autoSize={{ minRows: 2, maxRows: 6 }} spellCheck={false} style={{ fontFamily: 'monospace' }}
          status={check.ok ? undefined : 'error'} onChange={(e) => setText(e.target.value)} onBlur={commit} aria-describedby="fe-formula-check" />
      </Labeled>
      <div id="fe-formula-check" role="status" style={{ marginBottom: 10, fontSize: 13 }}>
        {check.ok ? (
          <>
            <Typography.Text type="success">✓ {t('formulaOk')}</Typography.Text>
            <div>{t('previewOnSample')}: <code data-testid="formula-preview">{JSON.stringify(check.preview)}</code></div>
            {check.dependencies.length > 0 && (
              <div style={{ color: '#8c8c8c' }}>{check.dependencies.map((d) => `${d} = ${JSON.stringify(sample[d] ?? null)}`).join(', ')}</div>
            )}
          </>
        ) : (
          <div className="sd-formula-error">
            {t('formulaError')}: {check.message}
            <div style={{ fontFamily: 'monospace' }}>
              {text.slice(0, check.position)}<mark className="sd-formula-mark">{text.slice(check.position, Math.max(check.end, check.position + 1)) || ' '}</mark>{text.slice(Math.max(check.end, check.position + 1))}
            </div>
          </div>
        )}
      </div>
      <Labeled id="fe-result" label={t('resultType')}>
        <Select id="fe-result" style={{ width: '100%' }} value={field.resultType} onChange={(resultType) => patch({ resultType })}
          options={RESULT_TYPES.map((r) => ({ value: r, label: r }))} />
      </Labeled>
    </>
  );
}
