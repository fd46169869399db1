/** A select's options: value, Chinese and English labels, colour, order; problems shown at the row. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { CommitInput } from '../controls/CommitInput.js';
import { useDesignerText } from '../i18n.js';
import { addOption, moveOption, optionProblems, removeOption, updateOption, type SelectOption } from '../model/options.js';

export function OptionEditor({ options, onChange }: { options: readonly SelectOption[]; onChange(options: SelectOption[]): void }) {
  const { t } = useDesignerText();
  const problems = optionProblems(options);
  const label = (i: number, lang: 'zh-CN' | 'en', v: string) => onChange(updateOption(options, i, { label: { ...options[i].label, [lang]: v.trim() } }));
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 8px', marginBottom: 10 }}>
      <legend style={{ fontSize: 13, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>{t('options')}</legend>
      {options.map((o, i) => (
        <div key={i} style={{ marginBottom: 6 }} data-option={i}>
          <div style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
            <CommitInput ariaLabel={`${t('optionValue')} ${i + 1}`} value={o.value} status={problems.get(i) === 'badValue' || problems.get(i) === 'duplicateValue' ? 'error' : undefined}
              onCommit={(v) => onChange(updateOption(options, i, { value: v.trim() }))} />
            <input type="color" aria-label={`${t('color')} ${i + 1}`} value={o.color ?? '#d9d9d9'} style={{ width: 32, height: 30, border: 0, padding: 0, background: 'none' }}
              onChange={(e) => onChange(updateOption(options, i, { color: e.target.value }))} />
            <Button size="small" type="text" title={t('moveUp')} aria-label={`${t('moveUp')} ${i + 1}`} disabled={i === 0} onClick={() => onChange(moveOption(options, i, i - 1))}>↑</Button>
            <Button size="small" type="text" title={t('moveDown')} aria-label={`${t('moveDown')} ${i + 1}`} disabled={i === options.length - 1} onClick={() => onChange(moveOption(options, i, i + 1))}>↓</Button>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('delete')} ${i + 1}`} disabled={options.length <= 1} onClick={() => onChange(removeOption(options, i))} />
          </div>
          <div style={{ display: 'flex', gap: 4, marginTop: 4 }}>
            <CommitInput ariaLabel={`${t('labelZh')} ${i + 1}`} placeholder={t('labelZh')} value={o.label['zh-CN']} onCommit={(v) => label(i, 'zh-CN', v)} />
            <CommitInput ariaLabel={`${t('labelEn')} ${i + 1}`} placeholder={t('labelEn')} value={o.label.en} onCommit={(v) => label(i, 'en', v)} />
          </div>
          {problems.has(i) && <div className="sd-issue">{t(problems.get(i)!)}</div>}
        </div>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange(addOption(options))}>{t('addOption')}</Button>
    </fieldset>
  );
}
