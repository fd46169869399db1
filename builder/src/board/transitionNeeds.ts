/**
 * What a move between two stages asks of the user before it is sent, read
 * from the pipeline definition: the transition's required fields and, on a
 * move forward (or to a won stage), the SOP checklist of the stage being left.
 * The server decides in the end; this only lets the board ask up front
 * instead of after a refusal. It follows runtime/pipelines/transition.ts
 * (findTransition, checklistGates), which the browser bundle cannot import.
 */
import type { PipelineDefinition, PipelineStage, PipelineTransition } from '../../../schemas/pipeline.js';

export type ChecklistItem = NonNullable<PipelineStage['sopChecklist']>[number];

export interface TransitionNeeds {
  /** Undefined when the pipeline has no transition from → to (the server will refuse it). */
  transition?: PipelineTransition;
  /** Field api names the transition requires filled. */
  fields: string[];
  /** Checklist items of the stage being left, when leaving it is gated by them. */
  checklist: ChecklistItem[];
}

export function findTransition(pipeline: PipelineDefinition, from: string, to: string): PipelineTransition | undefined {
  return pipeline.transitions.find((t) => t.from === from && t.to === to)
    ?? pipeline.transitions.find((t) => t.from === '*' && t.to === to && to !== from);
}

/** Moving forward in stage order, or to a won stage, waits for the checklist; giving up or stepping back does not. */
export function checklistGates(pipeline: PipelineDefinition, from: string, to: string): boolean {
  const target = pipeline.stages.find((s) => s.value === to);
  if (!target || target.outcome === 'lost') return false;
  if (target.outcome === 'won') return true;
  const order = pipeline.stages.map((s) => s.value);
  return order.indexOf(to) > order.indexOf(from);
}

export function transitionNeeds(pipeline: PipelineDefinition, from: string, to: string): TransitionNeeds {
  const transition = findTransition(pipeline, from, to);
  if (!transition) return { fields: [], checklist: [] };
  const leaving = pipeline.stages.find((s) => s.value === from);
  const checklist = checklistGates(pipeline, from, to) ? [...(leaving?.sopChecklist ?? [])] : [];
  return { transition, fields: [...(transition.requiredFields ?? [])], checklist };
}

/** A dialog is needed when the move asks for fields or for required checklist ticks. */
export const needsDialog = (needs: TransitionNeeds) =>
  needs.fields.length > 0 || needs.checklist.some((item) => item.required);
