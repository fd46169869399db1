/**
 * The workflow engine as the save pipeline sees it (a RecordEventSink): the
 * record's timers go into the save's own batch; after the save has committed
 * it runs the workflows the save fired — conditions of all workflows of one trigger type
 * evaluated in one engine run, then each matching workflow's actions in name
 * order. Failures are recorded on the run, never thrown back into the save.
 */
import type { WorkflowTriggerType } from '../../schemas/index.js';
import type { RecordContext } from '../records/context.js';
import type { RecordEvent, RecordEventSink } from '../records/events.js';
import { workflowIndex } from './compile.js';
import { buildFacts, executeRun } from './execute.js';
import { timerOps } from './timers.js';
import { firedBy } from './triggers.js';
import { UserCache } from './userCache.js';
import type { BatchOp } from '../store/port.js';

export class WorkflowEngine implements RecordEventSink {
  /** The record's date-relative and idle timers, written in the save's own batch. */
  async writesWith(ctx: RecordContext, event: RecordEvent): Promise<BatchOp[]> {
    const index = workflowIndex(ctx.app);
    if (index.all.length === 0) return [];
    return timerOps(ctx.store, ctx.app, index, event, ctx.tenant.timeZone, ctx.now?.() ?? new Date());
  }

  async recordChanged(ctx: RecordContext, event: RecordEvent): Promise<void> {
    const index = workflowIndex(ctx.app);
    if (index.all.length === 0) return;
    const fired = firedBy(index, event);
    if (fired.size === 0) return;
    const doc = event.type === 'deleted' ? event.before : event.after;
    const previous = event.type === 'updated' ? event.before : null;
    const depth = ctx.depth ?? 0;
    const writes: BatchOp[] = [];
    const users = new UserCache(ctx.store);
    for (const [type, list] of fired) {
      const base = { base: ctx, entity: event.entity, doc, previous, by: ctx.user, trigger: { type } };
      const facts = await buildFacts(base, list.map((f) => f.workflow), users);
      const results = await index.engines(event.entity.name, type as WorkflowTriggerType).evaluate(facts);
      for (const { workflow, trigger } of list) {
        try {
          await executeRun({
            ...base, trigger, workflow, version: index.version, depth, dryRun: false,
            ruleResult: results.get(workflow.name), facts: { ...facts, $trigger: trigger }, collect: writes, users,
          });
        } catch (e) {
          console.error(`workflow ${workflow.name} could not run:`, e);
        }
      }
    }
    // The run records of one save, and the notifications its runs sent, are one write.
    if (writes.length) await ctx.store.batch(writes);
  }
}
