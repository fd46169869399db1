/**
 * The one save path of every channel (app, API, import, workflow, template):
 *   access (scope, writable fields, owner) → input gate → defaults → formulas → validation (entity schema, form rules)
 *   → references → auto-numbers
 *   → write with optimistic version check, with its audit entry and workflow timers in the same batch
 *   → roll-ups → after-save automation (workflows).
 * An entity with a stage pipeline starts in the initial stage and changes stage only through a transition
 * (runtime/pipelines/transition.ts), which saves through updateRecord with its own audit action and stage history.
 * A record with a pending approval that locks it refuses updates, transitions and deletes (409 APPROVAL_PENDING).
 * After-save automation runs once the write has committed and can never undo or fail it (records/events.ts).
 */
import { invalid, badRequest, conflict, notFound, RuntimeError, type ErrorDetail } from '../errors.js';
import { toIssues } from '../../schemas/validator.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { BatchConditionError, DuplicateKeyError, type BatchOp, type Doc } from '../store/port.js';
import { newId } from '../store/ids.js';
import { AUDIT_COLLECTION, fieldChanges } from './audit.js';
import { assignAutoNumbers } from './autoNumber.js';
import { requireEntity, type RecordContext } from './context.js';
import { applyDefaults } from './defaults.js';
import { computeFormulas } from './formulas.js';
import { enforceFormRules } from './formRules.js';
import { checkReferences, deleteEffects } from './integrity.js';
import { emptyRollups, recomputeRollups } from './rollups.js';
import { sanitizeInput } from './sanitizeInput.js';
import { checkOwner, checkWritableFields, findForAction, hiddenFields, requireScope, stripHidden } from './access.js';
import { fieldValues, toApiRecord, toStoredValues, type ApiRecord } from './storedForm.js';
import { refuseDirectStageChange, startStage } from '../pipelines/stageRules.js';
import { openStayOp } from '../pipelines/stageHistory.js';
import { refuseWhileLocked } from '../approvals/lock.js';
import { publishRecordEvent, writesWithSave } from './events.js';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Splits input into settable field values; unknown or computed fields are refused. */
function inputValues(entity: CompiledEntity, input: Record<string, unknown>, allowed: ReadonlySet<string>): Record<string, unknown> {
  const problems: ErrorDetail[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'owner' && entity.definition.hasOwner) values.owner = value;
    else if (entity.inputFields.has(key)) values[key] = value;
    else if (allowed.has(key)) continue;
    else if (entity.fields.has(key)) problems.push({ path: `/${key}`, message: 'is computed and cannot be set' });
    else problems.push({ path: `/${key}`, message: `is not a field of ${entity.name}` });
  }
  if (problems.length) throw invalid(`the ${entity.name} has fields that cannot be set`, problems);
  return values;
}

function validate(entity: CompiledEntity, values: Record<string, unknown>): void {
  if (!entity.validateRecord(values)) {
    throw invalid(`the ${entity.name} is not valid`, toIssues(entity.validateRecord.errors));
  }
}

function duplicateToConflict(e: unknown, entity: CompiledEntity): never {
  if (e instanceof DuplicateKeyError) {
    const fields = Object.keys(e.keyValue);
    throw conflict('DUPLICATE', `another ${entity.name} already has this ${fields.join(', ')}`, fields.map((f) => ({ path: `/${f}`, message: 'must be unique' })));
  }
  throw e;
}

export async function createRecord(ctx: RecordContext, entityName: string, input: unknown, opts: { id?: string } = {}): Promise<ApiRecord> {
  const entity = requireEntity(ctx, entityName);
  requireScope(ctx, entity, 'create');
  const now = ctx.now?.() ?? new Date();
  const clock = { now, timeZone: ctx.tenant.timeZone };
  const values = inputValues(entity, sanitizeInput(input), new Set());
  checkWritableFields(ctx, entity, Object.keys(values).filter((k) => k !== 'owner'));
  if (opts.id !== undefined && !ID_PATTERN.test(opts.id)) throw badRequest('INVALID_ID', `"${opts.id}" is not a valid record id`);

  startStage(ctx, entity, values);
  applyDefaults(entity, values, { ...clock, user: ctx.user });
  if (entity.definition.hasOwner && values.owner === undefined) values.owner = ctx.user;
  checkOwner(ctx, entity, 'create', values.owner);
  emptyRollups(entity, values);
  computeFormulas(entity, values, clock);
  validate(entity, values);
  enforceFormRules(entity, values, null);
  await checkReferences(ctx, entity, values, new Set(Object.keys(values)));
  await assignAutoNumbers(ctx.store, entity.name, entity.autoNumbers, values, clock);

  const doc: Doc = {
    _id: opts.id ?? newId(),
    ...toStoredValues(entity, values),
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.user,
    updatedBy: ctx.user,
  };
  const createdEvent = { type: 'created' as const, entity, after: doc };
  const derived = await writesWithSave(ctx, createdEvent);
  // The record, its audit entry and its workflow timers are one atomic write (and one commit).
  try {
    await ctx.store.batch([
      { op: 'insert', collection: entity.collection, doc },
      {
        op: 'insert', collection: AUDIT_COLLECTION,
        doc: { entity: entity.name, recordId: String(doc._id), action: 'create', channel: ctx.channel, user: ctx.user, at: now, changes: fieldChanges({}, values) },
      },
      // The first stay of a record in its pipeline.
      ...(entity.pipeline && typeof values[entity.pipeline.field] === 'string'
        ? [openStayOp(entity, String(doc._id), values[entity.pipeline.field] as string, now, ctx.user)]
        : []),
      ...derived,
    ]);
  } catch (e) {
    duplicateToConflict(e, entity);
  }
  await recomputeRollups(ctx.store, ctx.app, entity, null, doc, clock);
  await publishRecordEvent(ctx, createdEvent);
  return stripHidden(toApiRecord(entity, doc), hiddenFields(ctx, entity));
}

function expectedVersion(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
    throw badRequest('VERSION_REQUIRED', 'the version of the record being edited is required', [{ path: '/version', message: 'must be the record\'s current version (an integer)' }]);
  }
  return raw;
}

/** How a stage transition saves through updateRecord (runtime/pipelines/transition.ts). */
export interface TransitionSave {
  /** Fields the transition itself sets (the stage, the probability): exempt from the role's read-only fields. */
  systemFields: ReadonlySet<string>;
  /** Checks on the record as read for the write (inside the version check), e.g. that it is still in the expected stage. */
  check(current: Doc): void;
  /** Operations written in one batch with the version-checked record write and its audit entry: the stage history. */
  ops(current: Doc, now: Date): Promise<BatchOp[]>;
}

export async function updateRecord(ctx: RecordContext, entityName: string, id: string, input: unknown, opts: { transition?: TransitionSave } = {}): Promise<ApiRecord> {
  const entity = requireEntity(ctx, entityName);
  const now = ctx.now?.() ?? new Date();
  const clock = { now, timeZone: ctx.tenant.timeZone };
  const body = sanitizeInput(input);
  const version = expectedVersion(body.version);
  const changes = inputValues(entity, body, new Set(['version', 'id']));

  const current = await findForAction(ctx, entity, 'update', id);
  if (!current) throw notFound(`no ${entity.name} with id "${id}"`);
  if (current.version !== version) {
    throw conflict('STALE_VERSION', `this ${entity.name} was changed by someone else (now version ${String(current.version)}); reload it and apply your change again`);
  }
  opts.transition?.check(current);
  await refuseWhileLocked(ctx.store, entity.name, id);
  const before = fieldValues(entity, current);
  const values = { ...before, ...changes };
  computeFormulas(entity, values, clock);
  validate(entity, values);
  enforceFormRules(entity, values, before);
  const changed = fieldChanges(before, values);
  if (!opts.transition) refuseDirectStageChange(entity, changed.map((c) => c.field));
  const systemFields = opts.transition?.systemFields ?? new Set<string>();
  checkWritableFields(ctx, entity, changed.map((c) => c.field).filter((f) => f !== 'owner' && !systemFields.has(f)));
  if (changed.some((c) => c.field === 'owner')) {
    // Giving a record away needs ownership scope over it; an edit share is not enough.
    if (ctx.access && !ctx.access.mayReassignFrom(entity.name, (before.owner as string | null) ?? null)) {
      throw new RuntimeError('forbidden', 'FORBIDDEN', `only someone whose role covers its owner may give this ${entity.name} to another user`);
    }
    checkOwner(ctx, entity, 'update', values.owner);
  }
  await checkReferences(ctx, entity, values, new Set(changed.map((c) => c.field)));
  const hidden = hiddenFields(ctx, entity);
  if (changed.length === 0) return stripHidden(toApiRecord(entity, current), hidden);

  const set = toStoredValues(entity, Object.fromEntries(changed.map((c) => [c.field, values[c.field]])));
  const transitionOps = opts.transition ? await opts.transition.ops(current, now) : [];
  const after: Doc = { ...current, ...set, version: version + 1, updatedAt: now, updatedBy: ctx.user };
  const updatedEvent = { type: 'updated' as const, entity, before: current, after, changes: changed };
  const derived = await writesWithSave(ctx, updatedEvent);
  // The version-checked write, its audit entry and (for a transition) the stage history commit together:
  // if someone else saved first, the update matches nothing and none of it is written.
  try {
    await ctx.store.batch([
      { op: 'update', collection: entity.collection, filter: { _id: id, version }, update: { $set: { ...set, updatedAt: now, updatedBy: ctx.user }, $inc: { version: 1 } }, mustMatch: true },
      ...transitionOps,
      { op: 'insert', collection: AUDIT_COLLECTION, doc: { entity: entity.name, recordId: id, action: opts.transition ? 'transition' : 'update', channel: ctx.channel, user: ctx.user, at: now, changes: changed } },
      ...derived,
    ]);
  } catch (e) {
    if (e instanceof BatchConditionError) throw conflict('STALE_VERSION', `this ${entity.name} was changed by someone else while saving; reload it and apply your change again`);
    duplicateToConflict(e, entity);
  }
  await recomputeRollups(ctx.store, ctx.app, entity, current, after, clock);
  await publishRecordEvent(ctx, updatedEvent);
  return stripHidden(toApiRecord(entity, after), hidden);
}

export async function deleteRecord(ctx: RecordContext, entityName: string, id: string, version?: number): Promise<void> {
  const entity = requireEntity(ctx, entityName);
  const now = ctx.now?.() ?? new Date();
  const current = await findForAction(ctx, entity, 'delete', id);
  if (!current) throw notFound(`no ${entity.name} with id "${id}"`);
  if (version !== undefined && current.version !== version) {
    throw conflict('STALE_VERSION', `this ${entity.name} was changed by someone else (now version ${String(current.version)}); reload it first`);
  }
  await refuseWhileLocked(ctx.store, entity.name, id);
  const effects = await deleteEffects(ctx.store, ctx.app, entity, id);
  const deletedEvent = { type: 'deleted' as const, entity, before: current };
  const ops: BatchOp[] = [
    { op: 'delete', collection: entity.collection, filter: { _id: id, version: current.version }, mustMatch: true },
    ...effects,
    {
      op: 'insert', collection: AUDIT_COLLECTION,
      doc: { entity: entity.name, recordId: id, action: 'delete', channel: ctx.channel, user: ctx.user, at: now, changes: fieldChanges(fieldValues(entity, current), {}) },
    },
    ...(await writesWithSave(ctx, deletedEvent)),
  ];
  try {
    await ctx.store.batch(ops);
  } catch (e) {
    if (e instanceof BatchConditionError) throw conflict('STALE_VERSION', `this ${entity.name} was changed by someone else while deleting; reload it first`);
    throw e;
  }
  await recomputeRollups(ctx.store, ctx.app, entity, current, null, { now, timeZone: ctx.tenant.timeZone });
  await publishRecordEvent(ctx, deletedEvent);
}
