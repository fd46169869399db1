/**
 * Stage history: one document per stay of a record in a stage (entered/left,
 * by whom, how long), in the `_stageHistory` collection. A create opens the
 * first stay in the same batch as the record; a transition closes the open
 * stay and opens the next in the same batch as its audit entry.
 */
import type { CompiledEntity, CompiledPipeline } from '../definitions/compiledTypes.js';
import type { BatchOp, Doc, TenantStore } from '../store/port.js';
import { notFound } from '../errors.js';
import { findForAction } from '../records/access.js';
import { requireEntity, type RecordContext } from '../records/context.js';

export const STAGE_HISTORY_COLLECTION = '_stageHistory';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface StageStay {
  stage: string;
  enteredAt: string;
  enteredBy: string | null;
  leftAt: string | null;
  leftBy: string | null;
  /** Time in the stage: until it was left, or until now for the open stay. */
  durationMs: number;
  /** The stage's SLA in days, when it has one. */
  slaDays: number | null;
  /** True when the open stay has lasted longer than the stage's SLA. */
  overdue: boolean;
  /** SOP checklist items ticked when the record left the stage. */
  checklist?: string[];
  /** True when the stay was reconstructed (the record predates its history). */
  inferred?: boolean;
}

/** The operation that opens a stay in `stage` for a record. */
export function openStayOp(entity: CompiledEntity, recordId: string, stage: string, at: Date, by: string | null, extra: Doc = {}): BatchOp {
  return {
    op: 'insert',
    collection: STAGE_HISTORY_COLLECTION,
    doc: { entity: entity.name, recordId, stage, enteredAt: at, enteredBy: by, leftAt: null, leftBy: null, durationMs: null, ...extra },
  };
}

/**
 * The operations that move a record's history from its open stay to a new
 * stay in `to`. A record without an open stay (created before its pipeline,
 * or by a direct store write) gets the stay it is leaving reconstructed from
 * its creation.
 */
export async function moveStayOps(
  store: TenantStore,
  entity: CompiledEntity,
  record: Doc,
  from: string,
  to: string,
  at: Date,
  by: string | null,
  /** SOP checklist items ticked when leaving, kept on the stay being closed. */
  checklist: readonly string[] = [],
): Promise<BatchOp[]> {
  const recordId = String(record._id);
  const open = await store.collection(STAGE_HISTORY_COLLECTION).findOne({ entity: entity.name, recordId, leftAt: null }, { sort: { enteredAt: -1 } });
  const ops: BatchOp[] = [];
  if (open && open.stage === from) {
    const enteredAt = open.enteredAt as Date;
    ops.push({
      op: 'update',
      collection: STAGE_HISTORY_COLLECTION,
      filter: { _id: open._id, leftAt: null },
      update: { $set: { leftAt: at, leftBy: by, durationMs: at.getTime() - enteredAt.getTime(), checklist: [...checklist] } },
    });
  } else {
    if (open) {
      // The open stay disagrees with the record (e.g. a restore): close it where it is.
      ops.push({ op: 'update', collection: STAGE_HISTORY_COLLECTION, filter: { _id: open._id, leftAt: null }, update: { $set: { leftAt: at, leftBy: by, durationMs: at.getTime() - (open.enteredAt as Date).getTime() } } });
    }
    const enteredAt = (record.createdAt as Date | undefined) ?? at;
    ops.push({
      op: 'insert',
      collection: STAGE_HISTORY_COLLECTION,
      doc: {
        entity: entity.name, recordId, stage: from, enteredAt, enteredBy: (record.createdBy as string | null) ?? null,
        leftAt: at, leftBy: by, durationMs: at.getTime() - enteredAt.getTime(), checklist: [...checklist], inferred: true,
      },
    });
  }
  ops.push(openStayOp(entity, recordId, to, at, by));
  return ops;
}

/** A record's stays, oldest first, with time in stage and SLA state as of `now`. */
export async function stageHistory(store: TenantStore, pipeline: CompiledPipeline, entity: CompiledEntity, record: Doc, now: Date): Promise<StageStay[]> {
  const recordId = String(record._id);
  const docs = await store.collection(STAGE_HISTORY_COLLECTION).find({ entity: entity.name, recordId }, { sort: { enteredAt: 1 }, limit: 1000 });
  const stays = docs.map((d) => toStay(pipeline, d, now));
  const current = record[pipeline.field];
  if (typeof current === 'string' && !stays.some((s) => s.leftAt === null)) {
    // No open stay recorded (the record predates its history): reconstruct it from the last move or the creation.
    const last = docs.at(-1);
    const enteredAt = (last?.leftAt as Date | undefined) ?? (record.createdAt as Date | undefined) ?? now;
    stays.push(toStay(pipeline, { stage: current, enteredAt, enteredBy: (last?.leftBy ?? record.createdBy ?? null) as string | null, leftAt: null, leftBy: null, inferred: true }, now));
  }
  return stays;
}

function toStay(pipeline: CompiledPipeline, d: Doc, now: Date): StageStay {
  const enteredAt = d.enteredAt as Date;
  const leftAt = (d.leftAt as Date | null) ?? null;
  const durationMs = (leftAt ?? now).getTime() - enteredAt.getTime();
  const slaDays = pipeline.stages.get(String(d.stage))?.slaDays ?? null;
  return {
    stage: String(d.stage),
    enteredAt: enteredAt.toISOString(),
    enteredBy: (d.enteredBy as string | null) ?? null,
    leftAt: leftAt ? leftAt.toISOString() : null,
    leftBy: (d.leftBy as string | null) ?? null,
    durationMs,
    slaDays,
    overdue: leftAt === null && slaDays !== null && durationMs > slaDays * DAY_MS,
    ...(Array.isArray(d.checklist) ? { checklist: d.checklist as string[] } : {}),
    ...(d.inferred ? { inferred: true } : {}),
  };
}

/** `GET …/records/:entity/:id/stages`: the record's stays, access-checked like reading the record. */
export async function recordStages(ctx: RecordContext, entityName: string, id: string): Promise<{ pipeline: string; field: string; stage: unknown; stays: StageStay[] }> {
  const entity = requireEntity(ctx, entityName);
  if (!entity.pipeline) throw notFound(`${entity.name} has no stage pipeline`);
  const record = await findForAction(ctx, entity, 'read', id);
  if (!record) throw notFound(`no ${entity.name} with id "${id}"`);
  const stays = await stageHistory(ctx.store, entity.pipeline, entity, record, ctx.now?.() ?? new Date());
  return { pipeline: entity.pipeline.name, field: entity.pipeline.field, stage: record[entity.pipeline.field] ?? null, stays };
}
