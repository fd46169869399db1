/**
 * Assignment rules: the first rule whose `when` holds (or that has none)
 * picks the owner — a fixed user, round-robin over a role and/or team, or the
 * least loaded by open records; with no candidate the fallback user gets it.
 * Round-robin advances a store counter per rule, so concurrent saves and
 * several server processes take turns correctly.
 */
import type { WorkflowActionOf } from '../../../schemas/index.js';
import { evaluateCondition } from '../../rules/conditions.js';
import { updateRecord } from '../../records/savePipeline.js';
import { resolveUserRef } from '../../identity/userRef.js';
import { USERS } from '../../identity/users.js';
import { OrgChart } from '../../access/orgChart.js';
import { nextCounterValue, peekCounterValue } from '../../store/counter.js';
import type { CompiledEntity } from '../../definitions/compiledTypes.js';
import type { TenantStore } from '../../store/port.js';
import type { ActionContext, ActionOutcome } from './types.js';
import { currentDoc } from './currentDoc.js';

type Target = WorkflowActionOf<'assignOwner'>['rules'][number]['assignTo'];

async function pool(store: TenantStore, target: { role?: string; team?: string }): Promise<string[]> {
  const docs = await store.collection(USERS).find({ status: 'active', ...(target.role ? { roles: target.role } : {}) }, { sort: { _id: 1 }, projection: { _id: 1 } });
  let ids = docs.map((d) => String(d._id));
  if (target.team) {
    const members = new Set((await OrgChart.load(store)).membersOf(target.team));
    ids = ids.filter((id) => members.has(id));
  }
  return ids;
}

/** Open records per candidate: with a pipeline, those in a stage whose outcome is open. */
async function leastLoaded(store: TenantStore, entity: CompiledEntity, candidates: string[]): Promise<string | null> {
  const open = entity.pipeline
    ? { [entity.pipeline.field]: { $in: [...entity.pipeline.stages.values()].filter((s) => s.outcome === 'open').map((s) => s.value) } }
    : {};
  const counts = await store.collection(entity.collection).aggregate([
    { $match: { ...open, owner: { $in: candidates } } },
    { $group: { _id: '$owner', n: { $sum: 1 } } },
  ]);
  const load = new Map(counts.map((c) => [String(c._id), c.n as number]));
  let best: string | null = null;
  for (const id of candidates) if (best === null || (load.get(id) ?? 0) < (load.get(best) ?? 0)) best = id;
  return best;
}

async function choose(target: Target, key: string, ac: ActionContext): Promise<string | null> {
  const store = ac.ctx.store;
  switch (target.type) {
    case 'user':
      return resolveUserRef(store, target.user);
    case 'roundRobin': {
      const candidates = await pool(store, target);
      if (candidates.length === 0) return null;
      const turn = ac.dryRun ? ((await peekCounterValue(store, key)) ?? -1) + 1 : await nextCounterValue(store, key, 0);
      return candidates[turn % candidates.length]!;
    }
    case 'leastLoaded': {
      const candidates = await pool(store, target);
      return candidates.length ? leastLoaded(store, ac.entity, candidates) : null;
    }
    default: {
      const unhandled: never = target;
      throw new Error(`unknown assignment ${JSON.stringify(unhandled)}`);
    }
  }
}

export async function assignOwner(action: WorkflowActionOf<'assignOwner'>, ac: ActionContext): Promise<ActionOutcome> {
  if (!ac.entity.definition.hasOwner) throw new Error(`${ac.entity.name} has no owner`);
  let owner: string | null = null;
  let rule: number | 'fallback' | null = null;
  for (const [i, r] of action.rules.entries()) {
    if (r.when && !evaluateCondition(r.when, ac.record)) continue;
    owner = await choose(r.assignTo, `assign:${ac.workflow.name}:${ac.index}:${i}`, ac);
    if (owner) {
      rule = i;
      break;
    }
  }
  if (!owner && action.fallbackUser) {
    owner = await resolveUserRef(ac.ctx.store, action.fallbackUser);
    rule = owner ? 'fallback' : null;
  }
  if (!owner) throw new Error('no assignment rule found an active user and there is no usable fallback user');
  const detail = { owner, rule };
  if (ac.dryRun) return { status: 'planned', detail };
  const doc = await currentDoc(ac);
  if (doc.owner === owner) return { status: 'done', detail: { ...detail, unchanged: true } };
  await updateRecord(ac.ctx, ac.entity.name, String(doc._id), { owner, version: doc.version });
  return { status: 'done', detail, recordChanged: true };
}
