/** Areas of the builder, undo/redo, save with the unsaved state, language, and the way back to the app. */
import { SaveOutlined } from '@ant-design/icons';
import { Badge, Button, Segmented } from 'antd';
import { useState } from 'react';
import { tenantHome } from '../../auth/paths.js';
import { LanguageSwitch } from '../../shell/LanguageSwitch.js';
import { useDesignerText } from '../i18n.js';
import { useDesigner, type Area } from '../state/DesignerContext.js';
import { KIND_DESIGNERS } from './kindDesigners.js';

interface Props {
  tenant: string;
  onSave(): Promise<boolean>;
  onLeave(to: string): void;
}

export function BuilderHeader({ tenant, onSave, onLeave }: Props) {
  const { t, locale } = useDesignerText();
  const { draft, selection, select } = useDesigner();
  const [saving, setSaving] = useState(false);
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  const mod = mac ? '⌘' : 'Ctrl+';

  const save = async () => {
    setSaving(true);
    await onSave();
    setSaving(false);
  };

  return (
    <header className="sd-header">
      <Button type="text" onClick={() => onLeave(tenantHome(tenant))}>← {t('backToApp')}</Button>
      <span className="sd-brand">{t('builder')} · {tenant}</span>
      <Segmented<Area>
        value={selection.area}
        onChange={(area) => select({ ...selection, area, item: undefined })}
        options={[
          { value: 'entities', label: t('entities') },
          { value: 'forms', label: t('forms') },
          ...KIND_DESIGNERS.map((d) => ({ value: d.kind as Area, label: d.label[locale] })),
          { value: 'publish', label: t('publish') },
          { value: 'history', label: t('history') },
        ]}
      />
      <div className="sd-header-right">
        <Button title={`${t('undo')} (${mod}Z)`} aria-label={t('undo')} disabled={!draft.canUndo} onClick={draft.undo}>↶</Button>
        <Button title={`${t('redo')} (${mod}Shift+Z)`} aria-label={t('redo')} disabled={!draft.canRedo} onClick={draft.redo}>↷</Button>
        <Badge dot={draft.dirty} title={draft.dirty ? t('unsaved') : t('allSaved')}>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!draft.dirty} onClick={() => void save()}>
            {saving ? t('saving') : t('save')}
          </Button>
        </Badge>
        <LanguageSwitch />
      </div>
    </header>
  );
}
