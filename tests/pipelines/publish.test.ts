/** Publish-time checks of pipeline definitions: a faulty pipeline is refused with the path of the fault. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredDefinition } from '../../runtime/definitions/compileApp.js';
import { issuePointer, validateSet } from '../../runtime/definitions/validateSet.js';
import { PIPELINE_FIXTURE } from './harness.js';

const template = JSON.parse(readFileSync(join(PIPELINE_FIXTURE, 'template.json'), 'utf8')) as { definitions: string[] };
const definitions = (): StoredDefinition[] => template.definitions.map((f) => JSON.parse(readFileSync(join(PIPELINE_FIXTURE, f), 'utf8')));

function withPipeline(change: (p: Record<string, any>) => void, extra: StoredDefinition[] = []): string[] {
  const defs = definitions();
  change(defs.find((d) => d.kind === 'pipeline')!);
  return validateSet(2, [...defs, ...extra]).issues.map((i) => `${issuePointer(i)}: ${i.message}`);
}

describe('publishing a pipeline', () => {
  it('accepts the fixture pipeline and compiles it onto its entity', () => {
    const { issues, app } = validateSet(2, definitions());
    expect(issues).toEqual([]);
    expect(app!.entities.get('deal')!.pipeline).toMatchObject({ name: 'dealStage', field: 'stage', initialStage: 'new' });
    expect(app!.pipelines.get('dealStage')!.stages.get('proposal')!.probability).toBe(60);
  });

  it.each([
    ['a required field that does not exist', (p: any) => p.transitions[1].requiredFields.push('budget'), '/pipeline/dealStage/transitions/1/requiredFields/2: no field "budget" on deal'],
    ['a role that does not exist', (p: any) => (p.transitions[4].allowed.roles = ['boss']), '/pipeline/dealStage/transitions/4/allowed/roles/0: no role "boss"'],
    ['a condition on something that is not a field', (p: any) => (p.transitions[2].condition = { all: [{ fact: 'amount', operator: 'greaterThan', value: 0 }, { fact: 'mood', operator: 'equal', value: 'good' }] }), '/pipeline/dealStage/transitions/2/condition/all/1/fact: unknown field "mood"'],
    ['a stage that is not an option of the field', (p: any) => (p.stages[1].value = 'maybe'), '/pipeline/dealStage/stages/1/value: "maybe" is not an option of deal.stage'],
    ['an initial stage that is not a stage', (p: any) => (p.initialStage = 'qualifiedd'), '/pipeline/dealStage/initialStage: "qualifiedd" is not a stage of this pipeline'],
    ['a transition to an unknown stage', (p: any) => (p.transitions[0].to = 'done'), '/pipeline/dealStage/transitions/0/to: "done" is not a stage of this pipeline'],
    ['a transition into its own stage', (p: any) => (p.transitions[0].to = 'new'), '/pipeline/dealStage/transitions/0/to: a transition must lead to another stage than "new"'],
    ['a duplicate transition', (p: any) => p.transitions.push({ from: 'new', to: 'qualified' }), '/pipeline/dealStage/transitions/5: duplicate transition from new to qualified (see /transitions/0)'],
    ['a duplicate checklist item', (p: any) => p.stages[0].sopChecklist.push({ id: 'intro', label: { en: 'again', 'zh-CN': '再' } }), '/pipeline/dealStage/stages/0/sopChecklist/2/id: duplicate checklist item "intro"'],
    ['a field that is not a select', (p: any) => (p.field = 'title'), '/pipeline/dealStage/field: "title" is not a select field of deal'],
  ])('refuses %s', (_what, change, expected) => {
    expect(withPipeline(change)).toContain(expected);
  });

  it('refuses a second pipeline on the same entity', () => {
    const second = { ...definitions().find((d) => d.kind === 'pipeline')!, name: 'dealStage2' };
    expect(withPipeline(() => undefined, [second])).toContain('/pipeline/dealStage2/entity: deal already has pipeline "dealStage"; an entity has at most one');
  });
});
