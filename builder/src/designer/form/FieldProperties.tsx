/** A placed field: how many columns it spans, taking it off the form, and its visible / required / read-only rules. */
import { Button, Select, Typography } from 'antd';
import { localize } from '../../../../runtime/ui/labels.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';
import { sectionOf, setSpan, unplaceField } from '../model/form.js';
import { EFFECTS } from '../model/rules.js';
import { RuleEditor } from './RuleEditor.js';
import { useFormEdit } from './useFormEdit.js';

export function FieldProperties({ formName, field }: { formName: string; field: string }) {
  const { t, locale } = useDesignerText();
  const { form, entity, change } = useFormEdit(formName);
  const def = entity?.fields.find((f) => f.name === field);
  if (!form || !entity || !def) return null;
  const section = sectionOf(form, field);
  const placement = section?.fields.find((p) => p.field === field);
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{localize(def.label, locale, field)} <code style={{ fontSize: 12 }}>{field}</code></Typography.Title>
      {section && placement && (
        <>
          <Labeled id="fp-span" label={t('span')}>
            <Select id="fp-span" style={{ width: '100%' }} value={placement.span ?? 1} onChange={(span) => change((f) => setSpan(f, field, span === 1 ? undefined : span))}
              options={[1, 2, 3, 4].filter((n) => n <= (section.columns ?? 1)).map((n) => ({ value: n, label: String(n) }))} />
          </Labeled>
          <Button onClick={() => change((f) => unplaceField(f, field))}>{t('removeFromForm')}</Button>
        </>
      )}
      <div className="sd-pane-title" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 10, marginTop: 12 }}>{t('rules')}</div>
      {EFFECTS.map((effect) => <RuleEditor key={effect} formName={formName} field={field} effect={effect} />)}
    </div>
  );
}
