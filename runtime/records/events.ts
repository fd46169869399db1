/**
 * What the save pipeline tells after-save automation (workflows): a record was
 * created, updated (a transition is an update whose changes include the stage)
 * or deleted. The sink runs after the write has committed; whatever it does or
 * throws never undoes or fails the save.
 */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import type { BatchOp, Doc } from '../store/port.js';
import type { FieldChange } from './audit.js';
import type { RecordContext } from './context.js';

export type RecordEvent =
  | { type: 'created'; entity: CompiledEntity; after: Doc }
  | { type: 'updated'; entity: CompiledEntity; before: Doc; after: Doc; changes: FieldChange[] }
  | { type: 'deleted'; entity: CompiledEntity; before: Doc };

export interface RecordEventSink {
  /** Derived writes that belong in the save's own batch (workflow timers); computed before the write. */
  writesWith(ctx: RecordContext, event: RecordEvent): Promise<BatchOp[]>;
  recordChanged(ctx: RecordContext, event: RecordEvent): Promise<void>;
}

/** The automation's writes for this save's batch; a failure to compute them never fails the save. */
export async function writesWithSave(ctx: RecordContext, event: RecordEvent): Promise<BatchOp[]> {
  if (!ctx.automation) return [];
  try {
    return await ctx.automation.writesWith(ctx, event);
  } catch (e) {
    console.error(`automation writes for ${event.entity.name} were not computed:`, e);
    return [];
  }
}

/** Hands the event to the context's automation; a failure there is the automation's to record, never the save's. */
export async function publishRecordEvent(ctx: RecordContext, event: RecordEvent): Promise<void> {
  if (!ctx.automation) return;
  try {
    await ctx.automation.recordChanged(ctx, event);
  } catch (e) {
    console.error(`after-save automation failed for ${event.entity.name}:`, e);
  }
}
