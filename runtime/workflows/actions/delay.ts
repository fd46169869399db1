/** Pauses the run: a durable scheduler job resumes it with the next action. */
import type { WorkflowActionOf } from '../../../schemas/index.js';
import { schedule } from '../../scheduler/index.js';
import type { ActionContext, ActionOutcome } from './types.js';

export const RESUME_JOB = 'workflow.resume';
const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export async function delay(action: WorkflowActionOf<'delay'>, ac: ActionContext): Promise<ActionOutcome> {
  const resumeAt = new Date(ac.clock.now.getTime() + action.amount * UNIT_MS[action.unit]);
  const detail = { resumeAt: resumeAt.toISOString() };
  if (ac.dryRun) return { status: 'planned', detail };
  await schedule(ac.ctx.store, { kind: RESUME_JOB, dueAt: resumeAt, key: `resume:${ac.runId}`, payload: { runId: ac.runId, from: ac.index + 1 } }, ac.clock.now);
  return { status: 'waiting', detail };
}
