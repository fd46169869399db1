/**
 * The area of a kind that has its own designer (pipelines, workflows,
 * approvals, views, roles): the kind's definitions in the working draft, a
 * "new" dialog, and the kind's controlled editor. Edits go into the shell's
 * draft, so undo/redo, saving and publishing work as for entities and forms.
 */
import { Button, Empty, Input, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { request, type Method } from '../../api/http.js';
import { readSession } from '../../auth/session.js';
import { useLocale } from '../../i18n/LocaleContext.js';
import { useDesignerText } from '../i18n.js';
import type { DesignerContext as KindContext, KindDesigner } from '../kinds/types.js';
import { Labeled } from '../controls/Labeled.js';
import { isApiName } from '../model/apiName.js';
import { find, upsert, type Definition } from '../model/definitionSet.js';
import { useDesigner } from '../state/DesignerContext.js';

export function KindsArea({ designer }: { designer: KindDesigner<Definition> }) {
  const { t } = useDesignerText();
  const { locale } = useLocale();
  const { tenant, draft, issues, selection, select } = useDesigner();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const kind = designer.kind;
  const names = draft.set.filter((d) => d.kind === kind).map((d) => d.name).sort();
  const current = selection.item ? find(draft.set, kind, selection.item) : undefined;
  const label = (d: Definition) => {
    const l = (d as { label?: Record<string, string> }).label;
    return l?.[locale] ?? l?.en ?? d.name;
  };

  const context = useMemo<KindContext>(() => {
    const prefix = `/${kind}/${selection.item ?? ''}`;
    return {
      definitions: draft.set,
      locale,
      tenant,
      // Validation paths are `/kind/name/...`; the editor wants them relative to its definition.
      issues: issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}/`)).map((i) => ({ ...i, path: i.path.slice(prefix.length) || '/' })),
      api: (path, init) => request<unknown>((init?.method ?? 'GET') as Method, `/api/t/${encodeURIComponent(tenant)}${path}`, init?.body, readSession(tenant)?.token),
    };
  }, [draft.set, locale, tenant, issues, kind, selection.item]);

  const taken = new Set(names);
  const problem = name && (!isApiName(name) ? t('apiNameInvalid') : taken.has(name) ? t('apiNameTaken') : undefined);
  const create = () => {
    const def = designer.create(name, context);
    draft.edit((set) => upsert(set, def));
    select({ area: selection.area, item: name });
    setName('');
    setCreating(false);
  };

  return (
    <>
      <aside className="sd-pane sd-list-pane" aria-label={designer.label[locale]}>
        <Button block type="dashed" onClick={() => setCreating(true)}>+ {t('newDefinition')}</Button>
        {names.length === 0 && <Empty description={t('noDefinitions')} />}
        <nav className="sd-kind-list">
          {names.map((n) => {
            const def = find(draft.set, kind, n)!;
            return (
              <button key={n} type="button" className={`sd-kind-item${n === selection.item ? ' sd-kind-item-active' : ''}`} aria-current={n === selection.item} onClick={() => select({ area: selection.area, item: n })}>
                <span>{label(def)}</span>
                <small>{n}</small>
              </button>
            );
          })}
        </nav>
      </aside>
      <main className="sd-pane sd-main-pane sd-kind-main">
        {current
          ? <designer.Editor key={`${kind}:${current.name}`} definition={current} onChange={(next) => draft.edit((set) => upsert(set, next))} context={context} />
          : <Empty description={t('selectDefinition')} />}
      </main>
      <Modal open={creating} title={`${t('newDefinition')} · ${designer.label[locale]}`} onCancel={() => setCreating(false)} onOk={create} okButtonProps={{ disabled: !name || !!problem }}>
        <Labeled id="sd-new-definition-name" label={t('definitionName')} extra={problem || t('apiNameHelp')}>
          <Input id="sd-new-definition-name" value={name} onChange={(e) => setName(e.target.value.trim())} status={problem ? 'error' : undefined} />
        </Labeled>
      </Modal>
    </>
  );
}
