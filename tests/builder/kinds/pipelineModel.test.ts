import { describe, expect, it } from 'vitest';
import type { PipelineDefinition } from '../../../schemas/pipeline.js';
import type { EntityDefinition } from '../../../schemas/entity.js';
import {
  addChecklistItem, addStage, cellState, createPipeline, moveChecklistItem, moveStage, removeChecklistItem, removeStage,
  setAllowed, setCondition, setSource, toggleTransition, transitionIndex, unusedOptions, updateChecklistItem, updateStage, updateTransition,
} from '../../../builder/src/designer/kinds/pipeline/model.js';
import { b2bDefinitions, context, issuesInSet } from './workingSet.js';

const defs = b2bDefinitions();
const stagePipeline = defs.find((d) => d.name === 'opportunityStage') as unknown as PipelineDefinition;
const opportunity = defs.find((d) => d.kind === 'entity' && d.name === 'opportunity') as unknown as EntityDefinition;

describe('pipeline model', () => {
  it('creates a valid pipeline on an entity that has none yet, stages from its select field', () => {
    const p = createPipeline('contractStatus', context(defs));
    expect(p.entity).not.toBe('opportunity');
    expect(p.entity).not.toBe('lead');
    expect(p.stages.length).toBeGreaterThan(0);
    expect(p.transitions.length).toBeGreaterThan(0);
    expect(issuesInSet(p, defs)).toEqual([]);
  });

  it('reorders stages and keeps the definition valid', () => {
    const last = stagePipeline.stages.length - 1;
    const moved = moveStage(stagePipeline, 0, last);
    expect(moved.stages[last]!.value).toBe(stagePipeline.stages[0]!.value);
    expect(moved.stages.map((s) => s.value).sort()).toEqual(stagePipeline.stages.map((s) => s.value).sort());
    expect(issuesInSet(moved, defs)).toEqual([]);
  });

  it('edits stage settings; removing a stage drops its transitions and moves the initial stage', () => {
    let p = updateStage(stagePipeline, 1, { probability: 55, forecastCategory: 'commit', slaDays: 9 });
    expect(p.stages[1]).toMatchObject({ probability: 55, forecastCategory: 'commit', slaDays: 9 });
    p = updateStage(p, 1, { slaDays: undefined });
    expect('slaDays' in p.stages[1]!).toBe(false);
    const first = p.stages[0]!.value;
    p = removeStage(p, 0);
    expect(p.initialStage).not.toBe(first);
    expect(p.transitions.some((t) => t.from === first || t.to === first)).toBe(false);
    expect(issuesInSet(p, defs)).toEqual([]);
    const one = { ...p, stages: [p.stages[0]!] };
    expect(removeStage(one, 0)).toBe(one);
  });

  it('adds a stage from an unused option of the stage field, before the closed stages', () => {
    const withoutSecond = removeStage(stagePipeline, 1);
    const options = unusedOptions(withoutSecond, opportunity);
    expect(options.map((o) => o.value)).toEqual([stagePipeline.stages[1]!.value]);
    const back = addStage(withoutSecond, options[0]!);
    const firstClosed = back.stages.findIndex((s) => s.outcome !== 'open');
    expect(back.stages.findIndex((s) => s.value === options[0]!.value)).toBeLessThan(firstClosed);
    expect(issuesInSet(back, defs)).toEqual([]);
  });

  it('manages the SOP checklist with unique ids and the required flag', () => {
    let p = addChecklistItem(stagePipeline, 0, { 'zh-CN': '确认预算', en: 'Confirm the budget' });
    p = addChecklistItem(p, 0, { 'zh-CN': '确认决策人', en: 'Find the decision maker' });
    const list = p.stages[0]!.sopChecklist!;
    expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
    p = updateChecklistItem(p, 0, list.length - 1, { required: true });
    expect(p.stages[0]!.sopChecklist!.at(-1)!.required).toBe(true);
    p = updateChecklistItem(p, 0, list.length - 1, { required: false });
    expect('required' in p.stages[0]!.sopChecklist!.at(-1)!).toBe(false);
    p = moveChecklistItem(p, 0, list.length - 1, 0);
    expect(p.stages[0]!.sopChecklist![0]!.label.en).toBe('Find the decision maker');
    expect(issuesInSet(p, defs)).toEqual([]);
    let q = stagePipeline;
    q = addChecklistItem(q, 3, { 'zh-CN': '一', en: 'one' });
    q = removeChecklistItem(q, 3, (q.stages[3]!.sopChecklist?.length ?? 1) - 1);
    expect(q.stages[3]!.sopChecklist).toEqual(stagePipeline.stages[3]!.sopChecklist);
  });

  it('toggles transitions in the matrix and edits who may move, required fields and the entry condition', () => {
    const [a, b] = [stagePipeline.stages[0]!.value, stagePipeline.stages[2]!.value];
    expect(cellState(stagePipeline, a, a)).toBe('self');
    const before = cellState(stagePipeline, b, a);
    let p = toggleTransition(stagePipeline, b, a);
    expect(cellState(p, b, a)).toBe(before === 'allowed' ? (transitionIndex(p, '*', a) >= 0 ? 'viaAny' : 'forbidden') : 'allowed');
    p = toggleTransition(p, b, a);
    expect(cellState(p, b, a)).toBe(before);
    if (before !== 'allowed') p = toggleTransition(p, b, a);
    const i = transitionIndex(p, b, a);
    p = setAllowed(p, i, { owner: true, manager: false, roles: ['manager', 'manager'] });
    expect(p.transitions[i]!.allowed).toEqual({ owner: true, roles: ['manager'] });
    p = updateTransition(p, i, { requiredFields: ['amount'] });
    p = setCondition(p, i, { all: [{ fact: 'amount', operator: 'greaterThan', value: 0 }] });
    expect(issuesInSet(p, defs)).toEqual([]);
    p = setAllowed(p, i, {});
    p = updateTransition(p, i, { requiredFields: [] });
    p = setCondition(p, i, undefined);
    expect(p.transitions[i]).toEqual({ from: b, to: a });
    expect(toggleTransition(p, a, a)).toBe(p);
  });

  it('reports the server checks the designer cannot rule out, at the transition', () => {
    const i = transitionIndex(stagePipeline, stagePipeline.transitions[0]!.from, stagePipeline.transitions[0]!.to);
    const p = setAllowed(stagePipeline, i, { roles: ['nosuchrole'] });
    expect(issuesInSet(p, defs)).toEqual([{ path: `/pipeline/opportunityStage/transitions/${i}/allowed/roles/0`, message: 'no role "nosuchrole"' }]);
  });

  it('restarts the stages from another select field, keeping settings of the values that stay', () => {
    const tweaked = updateStage(stagePipeline, 0, { probability: 7 });
    const same = setSource(tweaked, opportunity, stagePipeline.field);
    expect(same.stages[0]!.probability).toBe(7);
    expect(same.transitions).toEqual(tweaked.transitions);
  });
});
