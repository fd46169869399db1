/// <reference types="vite/client" />
/**
 * Dev harness for the kind designers (not part of the app bundle): mounts one
 * editor on a b2b-crm template definition with local state, validates it with
 * the shared schema validator and shows the JSON. With `?tenant=…&token=…` and
 * the server on :3000 (proxied), "test on a record" calls the real API.
 */
import { ConfigProvider, Layout, Radio, Select, Space, Typography } from 'antd';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { validateDefinition } from '../../../../../schemas/validator.js';
import { request } from '../../../api/http.js';
import { approvalDesigner, pipelineDesigner, roleDesigner, viewDesigner, workflowDesigner, type DesignerContext, type KindDesigner } from '../index.js';

type Def = { kind: string; name: string };
const modules = import.meta.glob('../../../../../templates/b2b-crm/definitions/*/*.json', { eager: true, import: 'default' });
const template = Object.values(modules) as Def[];
const designers = [pipelineDesigner, workflowDesigner, approvalDesigner, viewDesigner, roleDesigner] as unknown as KindDesigner<Def>[];
const params = new URLSearchParams(location.search);
const tenant = params.get('tenant') ?? 'demo';
const token = params.get('token') ?? undefined;

function Harness() {
  const [kind, setKind] = useState(params.get('kind') ?? 'pipeline');
  const [locale, setLocale] = useState<'zh-CN' | 'en'>((params.get('locale') as 'en') ?? 'zh-CN');
  const [working, setWorking] = useState<Def[]>(template);
  const [name, setName] = useState(params.get('name') ?? template.find((d) => d.kind === kind)?.name ?? '');
  const designer = designers.find((d) => d.kind === kind)!;
  const definition = working.find((d) => d.kind === kind && d.name === name);
  const issues = useMemo(() => (definition ? validateDefinition(definition).map((i) => ({ path: i.path, message: i.message })) : []), [definition]);
  const context: DesignerContext = {
    definitions: working,
    locale,
    tenant,
    api: (path, init) => request(((init?.method ?? 'GET') as 'GET'), `/api/t/${tenant}${path}`, init?.body, token),
    issues,
  };
  const onChange = (next: Def) => setWorking((all) => all.map((d) => (d.kind === next.kind && d.name === next.name ? next : d)));
  const createNew = () => {
    const fresh = designer.create(`new${kind[0]!.toUpperCase()}${kind.slice(1)}${working.length}`, context);
    setWorking((all) => [...all, fresh]);
    setName(fresh.name);
  };
  return (
    <Layout style={{ minHeight: '100vh', padding: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group optionType="button" value={kind} options={designers.map((d) => ({ value: d.kind, label: d.label[locale] }))}
          onChange={(e) => { setKind(e.target.value); setName(working.find((d) => d.kind === e.target.value)?.name ?? ''); }} />
        <Select style={{ width: 220 }} value={name} options={working.filter((d) => d.kind === kind).map((d) => ({ value: d.name, label: d.name }))} onChange={setName} />
        <a onClick={createNew} data-testid="create">+ new</a>
        <Radio.Group value={locale} onChange={(e) => setLocale(e.target.value)} options={['zh-CN', 'en']} />
      </Space>
      {definition ? <designer.Editor definition={definition} onChange={onChange} context={context} /> : <Typography.Text>—</Typography.Text>}
      <Typography.Title level={5}>issues</Typography.Title>
      <pre data-testid="issues">{JSON.stringify(issues, null, 1)}</pre>
      <Typography.Title level={5}>definition</Typography.Title>
      <pre data-testid="json" style={{ fontSize: 11 }}>{JSON.stringify(definition, null, 1)}</pre>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider>
      <Harness />
    </ConfigProvider>
  </StrictMode>,
);
