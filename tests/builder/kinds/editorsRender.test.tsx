/**
 * Each designer renders (server-side, no DOM) for a template definition and a
 * fresh one in both languages, and shows issues next to the item they point at.
 */
import { renderToString } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { approvalDesigner, pipelineDesigner, roleDesigner, viewDesigner, workflowDesigner, type KindDesigner } from '../../../builder/src/designer/kinds/index.js';
import { b2bDefinitions, context } from './workingSet.js';

const defs = b2bDefinitions();
const designers = [pipelineDesigner, workflowDesigner, approvalDesigner, viewDesigner, roleDesigner] as unknown as KindDesigner<{ kind: string; name: string }>[];
const sample: Record<string, string> = { pipeline: 'opportunityStage', workflow: 'quoteDiscountApproval', approval: 'quoteDiscount', view: 'importantAccounts', role: 'rep' };

function render(d: KindDesigner<{ kind: string; name: string }>, definition: { kind: string; name: string }, locale: 'zh-CN' | 'en', issues: { path: string; message: string }[] = []) {
  return renderToString(createElement(d.Editor, { definition, onChange: () => {}, context: { ...context(defs), locale, issues } }));
}

describe('designer editors', () => {
  for (const d of designers) {
    it(`${d.kind}: renders a template definition and a new one in zh-CN and en`, () => {
      const existing = defs.find((x) => x.kind === d.kind && x.name === sample[d.kind])!;
      expect(existing).toBeTruthy();
      const zh = render(d, existing, 'zh-CN');
      const en = render(d, existing, 'en');
      expect(zh.length).toBeGreaterThan(500);
      expect(en).not.toEqual(zh);
      const fresh = d.create('fresh', context(defs));
      expect(fresh.kind).toBe(d.kind);
      expect(render(d, fresh, 'en').length).toBeGreaterThan(500);
    });
  }

  it('shows an issue at its item', () => {
    const p = defs.find((x) => x.name === 'opportunityStage')!;
    const html = render(pipelineDesigner as never, p, 'en', [{ path: '/stages/1/probability', message: 'must be <= 100' }]);
    expect(html.includes('must be &lt;= 100')).toBe(true);
    const w = defs.find((x) => x.name === 'wonNotifyManager')!;
    const html2 = render(workflowDesigner as never, w, 'en', [{ path: '/actions/1/templates/name', message: 'Parse error on line 1' }]);
    expect(html2.includes('Parse error on line 1')).toBe(true);
  });

  it('renders the pipeline as stage columns and the transition matrix', () => {
    const p = defs.find((x) => x.name === 'opportunityStage')! as unknown as { stages: { label: { en: string } }[] };
    const html = render(pipelineDesigner as never, p as never, 'en');
    for (const s of p.stages) expect(html).toContain(s.label.en);
    expect(html).toContain('sc-transition-matrix');
    expect(html).toContain('Any stage');
  });

  it('renders workflow template previews on a sample record', () => {
    const w = defs.find((x) => x.name === 'wonNotifyManager')!;
    const html = render(workflowDesigner as never, w, 'zh-CN');
    expect(html).toContain('华东智造 ERP 升级 已赢单');
  });
});
