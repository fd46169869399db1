/** What the board asks before a move, read from the b2b-crm opportunity pipeline. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDefinition } from '../../schemas/pipeline.js';
import { needsDialog, transitionNeeds } from '../../builder/src/board/transitionNeeds.js';

const pipeline = JSON.parse(readFileSync(new URL('../../templates/b2b-crm/definitions/pipeline/opportunityStage.json', import.meta.url), 'utf8')) as PipelineDefinition;

describe('transition needs', () => {
  it('forward: the transition\'s required fields and the checklist of the stage being left', () => {
    const needs = transitionNeeds(pipeline, 'qualification', 'proposal');
    expect(needs.transition?.name).toBe('propose');
    expect(needs.fields).toEqual(['amount']);
    expect(needs.checklist.map((i) => i.id)).toEqual(['budget', 'decisionMakers', 'needs', 'timeline']);
    expect(needsDialog(needs)).toBe(true);
  });

  it('backward: no checklist and no fields, so no dialog', () => {
    const needs = transitionNeeds(pipeline, 'qualification', 'prospecting');
    expect(needs.transition?.name).toBe('backToProspecting');
    expect(needs).toMatchObject({ fields: [], checklist: [] });
    expect(needsDialog(needs)).toBe(false);
  });

  it('to a lost stage: the fields (loss reason) but not the checklist', () => {
    const needs = transitionNeeds(pipeline, 'proposal', 'lost');
    expect(needs.fields).toEqual(['lossReason']);
    expect(needs.checklist).toEqual([]);
  });

  it('no transition listed: nothing to ask, the server gives the reason', () => {
    const needs = transitionNeeds(pipeline, 'prospecting', 'won');
    expect(needs.transition).toBeUndefined();
    expect(needsDialog(needs)).toBe(false);
  });

  it('a `*` transition applies from any other stage', () => {
    const star: PipelineDefinition = { ...pipeline, transitions: [{ from: '*', to: 'lost', requiredFields: ['lossReason'] }] };
    expect(transitionNeeds(star, 'negotiation', 'lost').transition?.from).toBe('*');
    expect(transitionNeeds(star, 'lost', 'lost').transition).toBeUndefined();
  });
});
