/** A section's label in both languages, its columns, tab and collapsed state; move or delete it. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { Toggle } from '../controls/Toggle.js';
import { CommitInput } from '../controls/CommitInput.js';
import { Labeled } from '../controls/Labeled.js';
import { useDesignerText } from '../i18n.js';
import { moveSection, removeSection, renameTab, updateSection } from '../model/form.js';
import { useFormEdit } from './useFormEdit.js';

export function SectionProperties({ formName, sectionId, onDeleted }: { formName: string; sectionId: string; onDeleted(): void }) {
  const { t, locale } = useDesignerText();
  const { form, change } = useFormEdit(formName);
  const index = form?.sections.findIndex((s) => s.id === sectionId) ?? -1;
  const section = form?.sections[index];
  if (!form || !section) return null;
  const set = (patch: Parameters<typeof updateSection>[2]) => change((f) => updateSection(f, sectionId, patch));
  const label = (lang: 'zh-CN' | 'en', v: string) => v.trim() && set({ label: { ...section.label, [lang]: v.trim() } });
  // The section's tab (sections without one show on the first), renamed here since tabs have no other place on the canvas.
  const tab = form.tabs?.find((x) => x.id === section.tab) ?? form.tabs?.[0];
  const tabLabel = (lang: 'zh-CN' | 'en', v: string) => v.trim() && tab && change((f) => renameTab(f, tab.id, { ...tab.label, [lang]: v.trim() }));
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{section.label[locale]}</Typography.Title>
      <Labeled id="sp-zh" label={`${t('sectionLabel')} · ${t('labelZh')}`}><CommitInput id="sp-zh" value={section.label['zh-CN']} onCommit={(v) => label('zh-CN', v)} /></Labeled>
      <Labeled id="sp-en" label={`${t('sectionLabel')} · ${t('labelEn')}`}><CommitInput id="sp-en" value={section.label.en} onCommit={(v) => label('en', v)} /></Labeled>
      <Labeled id="sp-columns" label={t('columns')}>
        <Select id="sp-columns" style={{ width: '100%' }} value={section.columns ?? 1} onChange={(columns) => set({ columns })}
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: String(n) }))} />
      </Labeled>
      {(form.tabs?.length ?? 0) > 0 && (
        <Labeled id="sp-tab" label={t('tab')}>
          <Select id="sp-tab" style={{ width: '100%' }} value={section.tab ?? form.tabs?.[0]?.id} onChange={(tab) => set({ tab })}
            options={(form.tabs ?? []).map((tab) => ({ value: tab.id, label: tab.label[locale] }))} />
        </Labeled>
      )}
      {tab && (
        <>
          <Labeled id="sp-tzh" label={`${t('tab')} · ${t('labelZh')}`}><CommitInput id="sp-tzh" value={tab.label['zh-CN']} onCommit={(v) => tabLabel('zh-CN', v)} /></Labeled>
          <Labeled id="sp-ten" label={`${t('tab')} · ${t('labelEn')}`}><CommitInput id="sp-ten" value={tab.label.en} onCommit={(v) => tabLabel('en', v)} /></Labeled>
        </>
      )}
      <Toggle checked={section.collapsed === true} onChange={(on) => set({ collapsed: on || undefined })}>{t('collapsed')}</Toggle>
      <Space wrap>
        <Button disabled={index === 0} onClick={() => change((f) => moveSection(f, sectionId, index - 1))}>↑ {t('moveUp')}</Button>
        <Button disabled={index === form.sections.length - 1} onClick={() => change((f) => moveSection(f, sectionId, index + 1))}>↓ {t('moveDown')}</Button>
        <Button danger icon={<DeleteOutlined />} disabled={form.sections.length <= 1} onClick={() => { change((f) => removeSection(f, sectionId)); onDeleted(); }}>{t('deleteSection')}</Button>
      </Space>
    </div>
  );
}
