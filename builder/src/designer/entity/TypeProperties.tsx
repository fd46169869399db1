/** The settings only some field types have: default, limits, pattern, options, lookup target, formula, roll-up, numbering, files. */
import { Select } from 'antd';
import { Toggle } from '../controls/Toggle.js';
import type { EntityDefinition, FieldDefinition } from '../../../../schemas/entity.js';
import { localize } from '../../../../runtime/ui/labels.js';
import { CommitInput, CommitNumber } from '../controls/CommitInput.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';
import { entitiesOf } from '../model/definitionSet.js';
import { supports } from '../model/fieldTypes.js';
import { useDesigner } from '../state/DesignerContext.js';
import { DefaultInput } from './DefaultInput.js';
import { FormulaEditor } from './FormulaEditor.js';
import { OptionEditor } from './OptionEditor.js';
import { RollupEditor } from './RollupEditor.js';

interface Props {
  entity: EntityDefinition;
  field: FieldDefinition;
  patch(props: Record<string, unknown>): void;
}

export function TypeProperties({ entity, field, patch }: Props) {
  const { t, locale } = useDesignerText();
  const { draft } = useDesigner();
  const f = field as Record<string, unknown>;
  const num = (key: string) => (typeof f[key] === 'number' ? (f[key] as number) : undefined);
  const str = (key: string) => (typeof f[key] === 'string' ? (f[key] as string) : undefined);
  const isDate = field.type === 'date';

  return (
    <>
      {supports(field.type, 'default') && <DefaultInput field={field} patch={patch} />}
      {supports(field.type, 'minMax') && (
        <div style={{ display: 'flex', gap: 8 }}>
          <Labeled id="fe-min" label={t('min')}>{isDate
            ? <CommitInput id="fe-min" placeholder="2026-01-01" value={str('min')} onCommit={(v) => patch({ min: v || undefined })} />
            : <CommitNumber id="fe-min" value={num('min')} onCommit={(v) => patch({ min: v })} />}</Labeled>
          <Labeled id="fe-max" label={t('max')}>{isDate
            ? <CommitInput id="fe-max" placeholder="2026-12-31" value={str('max')} onCommit={(v) => patch({ max: v || undefined })} />
            : <CommitNumber id="fe-max" value={num('max')} onCommit={(v) => patch({ max: v })} />}</Labeled>
        </div>
      )}
      {supports(field.type, 'precision') && (
        <Labeled id="fe-precision" label={t('precision')}><CommitNumber id="fe-precision" integer min={0} max={10} value={num('precision')} onCommit={(v) => patch({ precision: v })} /></Labeled>
      )}
      {field.type === 'currency' && (
        <Labeled id="fe-currency" label={t('currency')}><CommitInput id="fe-currency" placeholder="CNY" value={field.currency} onCommit={(v) => patch({ currency: v.toUpperCase() || undefined })} /></Labeled>
      )}
      {supports(field.type, 'length') && (
        <div style={{ display: 'flex', gap: 8 }}>
          {field.type === 'text' && <Labeled id="fe-minl" label={t('minLength')}><CommitNumber id="fe-minl" integer min={0} value={num('minLength')} onCommit={(v) => patch({ minLength: v })} /></Labeled>}
          <Labeled id="fe-maxl" label={t('maxLength')}><CommitNumber id="fe-maxl" integer min={1} value={num('maxLength')} onCommit={(v) => patch({ maxLength: v })} /></Labeled>
        </div>
      )}
      {supports(field.type, 'pattern') && (
        <Labeled id="fe-pattern" label={t('pattern')}><CommitInput id="fe-pattern" placeholder="^[A-Z]{2}[0-9]+$" value={str('pattern')} onCommit={(v) => patch({ pattern: v || undefined })} /></Labeled>
      )}
      {(field.type === 'select' || field.type === 'multiSelect') && <OptionEditor options={field.options} onChange={(options) => patch({ options })} />}
      {field.type === 'lookup' && (
        <>
          <Labeled id="fe-target" label={t('lookupTarget')}>
            <Select id="fe-target" style={{ width: '100%' }} value={field.target} onChange={(target) => patch({ target })}
              options={entitiesOf(draft.set).map((e) => ({ value: e.name, label: localize(e.label, locale, e.name) }))} />
          </Labeled>
          <Labeled id="fe-ondelete" label={t('onDelete')}>
            <Select id="fe-ondelete" style={{ width: '100%' }} value={field.onDelete ?? 'restrict'} onChange={(onDelete) => patch({ onDelete })}
              options={[{ value: 'restrict', label: t('onDeleteRestrict') }, { value: 'clear', label: t('onDeleteClear') }]} />
          </Labeled>
        </>
      )}
      {field.type === 'formula' && <FormulaEditor entity={entity} field={field} patch={patch} />}
      {field.type === 'rollup' && <RollupEditor entity={entity} field={field} patch={patch} />}
      {field.type === 'autoNumber' && (
        <div style={{ display: 'flex', gap: 8 }}>
          <Labeled id="fe-format" label={t('format')} extra="Q-{YYYY}{MM}-{0000}"><CommitInput id="fe-format" value={field.format} onCommit={(v) => /\{0+\}/.test(v) && patch({ format: v })} /></Labeled>
          <Labeled id="fe-start" label={t('start')}><CommitNumber id="fe-start" integer min={0} value={field.start} onCommit={(v) => patch({ start: v })} /></Labeled>
        </div>
      )}
      {field.type === 'file' && (
        <>
          <Toggle checked={field.multiple === true} onChange={(on) => patch({ multiple: on || undefined })}>{t('multiple')}</Toggle>
          <Labeled id="fe-size" label={t('maxSizeMb')}><CommitNumber id="fe-size" min={0.1} max={1024} value={field.maxSizeMb} onCommit={(v) => patch({ maxSizeMb: v })} /></Labeled>
        </>
      )}
    </>
  );
}
