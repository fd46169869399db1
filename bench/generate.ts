/**
 * Deterministic bench data: accounts and opportunities of the b2b-crm template,
 * shaped as the save pipeline stores them (`_id`, field values by API name,
 * `owner`, `version`, `createdAt`/`updatedAt` as Dates, `createdBy`/`updatedBy`).
 * Everything comes from one seeded PRNG per stream, so opportunity `i` is the
 * same document in every run and at every scale (the 100k set is a prefix of
 * the 1M set).
 */
import type { Doc } from '../runtime/store/port.js';
import { seededRandom } from '../runtime/seededRandom.js';

/** The shared seeded PRNG, under the name this bench uses. */
export const prng = seededRandom;

export const OWNER_COUNT = 50;
export const ACCOUNT_COUNT = 2000;
export const OWNERS: readonly string[] = Array.from({ length: OWNER_COUNT }, (_, i) => `u${String(i + 1).padStart(3, '0')}`);

/** Stage, its weight among generated records, and the probability a rep would put on it. */
export const STAGES = [
  { value: 'prospecting', weight: 30, probability: 10 },
  { value: 'qualification', weight: 20, probability: 20 },
  { value: 'proposal', weight: 15, probability: 50 },
  { value: 'negotiation', weight: 10, probability: 70 },
  { value: 'won', weight: 15, probability: 100 },
  { value: 'lost', weight: 10, probability: 0 },
] as const;
const STAGE_TOTAL = STAGES.reduce((s, x) => s + x.weight, 0);
const TYPES = ['new', 'upsell', 'renewal'] as const;
const SOURCES = ['website', 'referral', 'exhibition', 'coldCall', 'advertising', 'partner', 'socialMedia', 'other'] as const;
const LOSS_REASONS = ['price', 'competitor', 'noBudget', 'noDecision', 'productFit', 'other'] as const;
const NEXT_STEPS = ['安排演示', '发送报价', 'Follow up by phone', '约见决策人', 'Send contract draft'] as const;

/** createdAt spans 2024-01-01T00:00Z .. 2026-01-01T00:00Z; closeDate spans 2024-01-01 .. 2026-12-31. */
const CREATED_FROM = Date.UTC(2024, 0, 1);
const CREATED_SPAN = Date.UTC(2026, 0, 1) - CREATED_FROM;
const CLOSE_FROM = Date.UTC(2024, 0, 1);
const CLOSE_DAYS = 1096;
const DAY = 86_400_000;

/** A 24-hex id like the store's (`runtime/store/ids.ts`): seconds, a fixed "process" part, a counter. */
function objectIdLike(seconds: number, prefix: string, counter: number): string {
  return seconds.toString(16).padStart(8, '0') + prefix + counter.toString(16).padStart(6, '0');
}

export function accountId(i: number): string {
  return objectIdLike(Math.floor(CREATED_FROM / 1000), 'acc0be0c00', i);
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

export function generateAccounts(count = ACCOUNT_COUNT): Doc[] {
  const rand = prng(0xacc0);
  const at = new Date(CREATED_FROM);
  return Array.from({ length: count }, (_, i) => {
    const owner = pick(rand, OWNERS);
    return {
      _id: accountId(i),
      name: `客户 ${String(i + 1).padStart(5, '0')} 有限公司`,
      grading: pick(rand, ['normal', 'important', 'key'] as const),
      lifecycleStage: 'customer',
      owner,
      version: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: owner,
      updatedBy: owner,
    };
  });
}

function pickStage(rand: () => number): (typeof STAGES)[number] {
  let r = rand() * STAGE_TOTAL;
  for (const s of STAGES) {
    if ((r -= s.weight) < 0) return s;
  }
  return STAGES[STAGES.length - 1];
}

/**
 * Opportunities `from` .. `to - 1`. Each index has its own PRNG stream, so a
 * range can be generated on its own (for batched loading) and match a full run.
 */
export function generateOpportunities(from: number, to: number): Doc[] {
  const out: Doc[] = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = opportunity(i);
  return out;
}

export function opportunity(i: number): Doc {
  const rand = prng(0x5eed0000 ^ Math.imul(i + 1, 0x9e3779b1));
  rand();
  const owner = OWNERS[Math.floor(rand() * OWNERS.length)];
  const stage = pickStage(rand);
  const createdMs = CREATED_FROM + Math.floor(rand() * CREATED_SPAN);
  const createdAt = new Date(createdMs);
  const updatedAt = new Date(createdMs + Math.floor(rand() * 30 * DAY));
  const closeDate = new Date(CLOSE_FROM + Math.floor(rand() * CLOSE_DAYS) * DAY).toISOString().slice(0, 10);
  // ~3% have no amount yet; amounts carry cents.
  const hasAmount = rand() >= 0.03;
  const amount = hasAmount ? Math.round(rand() * 5_000_000) / 100 : undefined;
  const doc: Doc = {
    _id: objectIdLike(Math.floor(createdMs / 1000), '0be0c00000', i & 0xffffff),
    name: `商机 ${i + 1} · ${pick(rand, TYPES)}`,
    account: accountId(Math.floor(rand() * ACCOUNT_COUNT)),
    closeDate,
    stage: stage.value,
    probability: stage.probability,
    type: pick(rand, TYPES),
    source: pick(rand, SOURCES),
  };
  if (amount !== undefined) doc.amount = amount;
  if (rand() < 0.4) doc.nextStep = pick(rand, NEXT_STEPS);
  if (stage.value === 'lost') doc.lossReason = pick(rand, LOSS_REASONS);
  // The template's formula `amount * probability / 100`; null when amount is blank.
  doc.weightedAmount = amount === undefined ? null : (amount * stage.probability) / 100;
  doc.owner = owner;
  doc.version = 1;
  doc.createdAt = createdAt;
  doc.updatedAt = updatedAt;
  doc.createdBy = owner;
  doc.updatedBy = owner;
  return doc;
}

/** An API create body for the write benchmark: what a rep or an integrator would POST. */
export function opportunityInput(i: number, accountIds: readonly string[]): Record<string, unknown> {
  const rand = prng(0xc0ffee ^ Math.imul(i + 1, 0x85ebca6b));
  return {
    name: `API 商机 ${i + 1}`,
    account: accountIds[Math.floor(rand() * accountIds.length)],
    amount: Math.round(rand() * 5_000_000) / 100,
    closeDate: new Date(CLOSE_FROM + Math.floor(rand() * CLOSE_DAYS) * DAY).toISOString().slice(0, 10),
    stage: 'prospecting',
    probability: 10,
    type: pick(rand, TYPES),
    source: pick(rand, SOURCES),
    owner: OWNERS[Math.floor(rand() * OWNERS.length)],
  };
}
