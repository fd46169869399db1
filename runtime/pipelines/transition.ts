/**
 * Taking a stage transition: the one way the stage field of an entity with a
 * pipeline changes. Checks, in order: the user may update the record (404
 * unreadable, 403 read-only), the version is current (409), the transition
 * exists (403), the user may take it (403), the entry condition holds (422),
 * the required fields are filled (422) and, on a move forward, the required SOP
 * checklist items of the stage being left are ticked (422). Then one write through the save
 * pipeline sets the stage, the stage's probability and the given fields, and
 * the stage history and the audit entry ('transition') are written together.
 */
import type { CompiledEntity, CompiledPipeline } from '../definitions/compiledTypes.js';
import type { PipelineTransition } from '../../schemas/index.js';
import { badRequest, conflict, invalid, notFound, RuntimeError, type ErrorDetail } from '../errors.js';
import { evaluateCondition } from '../rules/conditions.js';
import { findForAction } from '../records/access.js';
import { requireEntity, type RecordContext } from '../records/context.js';
import { sanitizeInput } from '../records/sanitizeInput.js';
import { updateRecord } from '../records/savePipeline.js';
import { fieldValues, type ApiRecord } from '../records/storedForm.js';
import type { Doc } from '../store/port.js';
import { moveStayOps } from './stageHistory.js';

const forbidden = (code: string, message: string) => new RuntimeError('forbidden', code, message);

export function requirePipeline(entity: CompiledEntity): CompiledPipeline {
  if (!entity.pipeline) throw notFound(`${entity.name} has no stage pipeline`);
  return entity.pipeline;
}

export interface TransitionInput {
  to: string;
  fields: Record<string, unknown>;
  version: number;
  checklist: string[];
}

function parseInput(raw: unknown): TransitionInput {
  const body = sanitizeInput(raw);
  const problems: ErrorDetail[] = [];
  for (const key of Object.keys(body)) {
    if (!['to', 'fields', 'version', 'checklist'].includes(key)) problems.push({ path: `/${key}`, message: 'is not a property of a transition' });
  }
  if (typeof body.to !== 'string' || body.to === '') problems.push({ path: '/to', message: 'must be the stage to move to' });
  const fields = body.fields ?? {};
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) problems.push({ path: '/fields', message: 'must be an object of field values' });
  if (typeof body.version !== 'number' || !Number.isInteger(body.version) || body.version < 1) {
    problems.push({ path: '/version', message: 'must be the record\'s current version (an integer)' });
  }
  const checklist = body.checklist ?? [];
  if (!Array.isArray(checklist) || checklist.some((c) => typeof c !== 'string') || checklist.length > 100) {
    problems.push({ path: '/checklist', message: 'must be a list of checklist item ids' });
  }
  if (problems.length) throw badRequest('INVALID_TRANSITION', 'the transition request is malformed', problems);
  return { to: body.to as string, fields: fields as Record<string, unknown>, version: body.version as number, checklist: checklist as string[] };
}

export function findTransition(pipeline: CompiledPipeline, from: string, to: string): PipelineTransition | undefined {
  return pipeline.transitions.find((t) => t.from === from && t.to === to) ?? pipeline.transitions.find((t) => t.from === '*' && t.to === to && to !== from);
}

/** Null when the user may take the transition, else the reason they may not. */
export function whyNotAllowed(ctx: RecordContext, transition: PipelineTransition, owner: string | null): string | null {
  const allowed = transition.allowed;
  if (!ctx.access) return null; // the system itself
  const rules = [allowed?.roles?.length ? 'roles' : null, allowed?.owner ? 'owner' : null, allowed?.manager ? 'manager' : null].filter(Boolean);
  if (!allowed || rules.length === 0) return null; // anyone who may update the record
  const user = ctx.access.user;
  if (allowed.roles?.some((r) => user.roles.includes(r))) return null;
  if (allowed.owner && owner !== null && owner === user.id) return null;
  if (allowed.manager && owner !== null && owner !== user.id && ctx.access.org.pathUp(owner, user.id) !== null) return null;
  const who = [
    allowed.roles?.length ? `a user with role ${allowed.roles.join(' or ')}` : null,
    allowed.owner ? 'the record\'s owner' : null,
    allowed.manager ? 'a manager above the owner' : null,
  ].filter(Boolean).join(', or ');
  return `only ${who} may move it from ${transition.from} to ${transition.to}`;
}

/**
 * The SOP checklist of the stage being left gates moving on: a move forward in
 * the pipeline's stage order, or to a won stage. Giving up (a lost stage) or
 * stepping back does not wait for the checklist.
 */
export function checklistGates(pipeline: CompiledPipeline, from: string, to: string): boolean {
  const target = pipeline.stages.get(to);
  if (!target || target.outcome === 'lost') return false;
  if (target.outcome === 'won') return true;
  const order = [...pipeline.stages.keys()];
  return order.indexOf(to) > order.indexOf(from);
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export async function takeTransition(ctx: RecordContext, entityName: string, id: string, raw: unknown): Promise<ApiRecord> {
  const entity = requireEntity(ctx, entityName);
  const pipeline = requirePipeline(entity);
  const input = parseInput(raw);

  const current = await findForAction(ctx, entity, 'update', id);
  if (!current) throw notFound(`no ${entity.name} with id "${id}"`);
  if (current.version !== input.version) {
    throw conflict('STALE_VERSION', `this ${entity.name} was changed by someone else (now version ${String(current.version)}); reload it and apply your change again`);
  }
  const from = String(current[pipeline.field] ?? '');
  if (!pipeline.stages.has(input.to)) {
    throw invalid(`"${input.to}" is not a stage of pipeline ${pipeline.name}`, [{ path: '/to', message: `must be one of ${[...pipeline.stages.keys()].join(', ')}` }]);
  }
  if (input.to === from) throw conflict('ALREADY_IN_STAGE', `this ${entity.name} is already in stage ${from}`, [{ path: '/to', message: `is the current stage` }]);
  const transition = findTransition(pipeline, from, input.to);
  if (!transition) throw forbidden('TRANSITION_NOT_ALLOWED', `no transition from ${from} to ${input.to}`);
  const owner = entity.definition.hasOwner ? ((current.owner as string | null) ?? null) : null;
  const notAllowed = whyNotAllowed(ctx, transition, owner);
  if (notAllowed) throw forbidden('TRANSITION_FORBIDDEN', notAllowed);

  const fieldNames = Object.keys(input.fields);
  const badField = fieldNames.find((f) => f === pipeline.field || f === 'owner');
  if (badField) throw invalid('a transition cannot set this field', [{ path: `/fields/${badField}`, message: badField === pipeline.field ? 'is set by the transition (`to`)' : 'cannot be changed by a transition' }]);
  const merged: Record<string, unknown> = { ...fieldValues(entity, current), ...input.fields, [pipeline.field]: input.to };

  if (transition.condition && !evaluateCondition(transition.condition, merged)) {
    throw new RuntimeError('validation', 'TRANSITION_CONDITION', `the entry condition of stage ${input.to} does not hold`, [
      { path: '/fields', message: `the record must satisfy ${JSON.stringify(transition.condition)} to move from ${from} to ${input.to}` },
    ]);
  }
  const missing = (transition.requiredFields ?? []).filter((f) => isBlank(merged[f]));
  if (missing.length) {
    throw new RuntimeError('validation', 'TRANSITION_FIELDS_REQUIRED', `fill in ${missing.join(', ')} to move from ${from} to ${input.to}`,
      missing.map((f) => ({ path: `/fields/${f}`, message: 'is required for this transition' })));
  }
  const leaving = pipeline.stages.get(from);
  const items = leaving?.sopChecklist ?? [];
  const unknownItems = input.checklist.filter((c) => !items.some((i) => i.id === c));
  if (unknownItems.length) {
    throw invalid(`stage ${from} has no checklist item ${unknownItems.join(', ')}`, unknownItems.map((c) => ({ path: '/checklist', message: `"${c}" is not a checklist item of stage ${from}` })));
  }
  const unticked = checklistGates(pipeline, from, input.to) ? items.filter((i) => i.required && !input.checklist.includes(i.id)) : [];
  if (unticked.length) {
    throw new RuntimeError('validation', 'CHECKLIST_INCOMPLETE', `tick the required checklist items of stage ${from} first: ${unticked.map((i) => i.id).join(', ')}`,
      unticked.map((i) => ({ path: '/checklist', message: `"${i.id}" is required before leaving stage ${from}` })));
  }

  const probability = entity.fields.get('probability');
  const setsProbability = !!probability && (probability.type === 'percent' || probability.type === 'number') && entity.inputFields.has('probability');
  const systemFields = new Set([pipeline.field, ...(setsProbability ? ['probability'] : [])]);
  const update: Record<string, unknown> = {
    ...input.fields,
    [pipeline.field]: input.to,
    ...(setsProbability ? { probability: pipeline.stages.get(input.to)!.probability } : {}),
    version: input.version,
  };
  // Faults in the given fields point into `fields`.
  const inFields = (path: string) => fieldNames.some((f) => path === `/${f}` || path.startsWith(`/${f}/`));
  return updateRecord(ctx, entity.name, id, update, {
    transition: {
      systemFields,
      check(latest: Doc) {
        if (latest[pipeline.field] !== current[pipeline.field]) throw conflict('STALE_VERSION', `this ${entity.name} changed stage while saving; reload it`);
      },
      ops: (latest, now) => moveStayOps(ctx.store, entity, latest, from, input.to, now, ctx.user, input.checklist),
    },
  }).catch((e: unknown) => {
    if (e instanceof RuntimeError && e.details.some((d) => inFields(d.path))) {
      throw new RuntimeError(e.kind, e.code, e.message, e.details.map((d) => (inFields(d.path) ? { ...d, path: `/fields${d.path}` } : d)));
    }
    throw e;
  });
}
