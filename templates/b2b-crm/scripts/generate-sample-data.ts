/**
 * Generates the sample data of the b2b-crm template: plausible Chinese B2B
 * sales records (accounts, contacts, leads, opportunities, quotes, contracts,
 * payments, activities, tasks) over 2025-06-01 … 2026-11-30.
 *
 * Deterministic: a fixed seed and a fixed "as of" date, no clock, no
 * Math.random. Run with `npx tsx templates/b2b-crm/scripts/generate-sample-data.ts`
 * and commit the JSON it writes to `sample-data/`.
 *
 * Records carry a stable string `id`, fields by API name, lookups as the
 * target record's `id` and `owner` as a demo user id. Computed fields
 * (formula, roll-up, auto-number) are left out: the save pipeline fills them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../../runtime/seededRandom.js';
import { CITIES, TEAM_OF_REGION, ROADS, BUILDINGS, BRANDS, INDUSTRY_PROFILES, SURNAMES, GIVEN_NAMES, TITLES, PRODUCTS, type City, type IndustryProfile } from './vocabulary.js';
import { USER_NAMES, MOBILE_PREFIXES, STAGE_PROBABILITY, OPEN_STAGES, NEXT_STEPS, LOSS_REASONS, TYPE_NAMES, ACTIVITY_SUBJECTS, ACTIVITY_NOTES, TASK_SUBJECTS } from './vocabulary.js';

const SEED = 20250601;
/** The day the data is "as of": closed deals before it, open deals and planned payments after it. */
export const AS_OF = '2026-06-01';
const FIRST_DAY = '2025-06-01';
const LAST_DAY = '2026-11-30';

type Rec = { id: string; [field: string]: string | number | boolean | null };

// ------------------------------------------------------------------ random

const mulberry32 = seededRandom;
const rand = mulberry32(SEED);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const chance = (p: number) => rand() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
function weighted<T>(entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}
function sample<T>(items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const id = (prefix: string, n: number) => `${prefix}-${pad(n, 4)}`;

// ------------------------------------------------------------------ dates (calendar days, UTC arithmetic)

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => toDate(toTime(d) + n * DAY);
const daysBetween = (a: string, b: string) => Math.round((toTime(b) - toTime(a)) / DAY);
const clampDate = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);
const randomDate = (min: string, max: string) => addDays(min, int(0, daysBetween(min, max)));
const isWeekend = (d: string) => [0, 6].includes(new Date(toTime(d)).getUTCDay());
function workday(min: string, max: string): string {
  for (let i = 0; i < 20; i++) {
    const d = randomDate(min, max);
    if (!isWeekend(d)) return d;
  }
  return randomDate(min, max);
}
/** A Shanghai office-hours timestamp on that day. */
const officeTime = (d: string) => `${d}T${pad(int(9, 17), 2)}:${pick(['00', '15', '30', '45'])}:00+08:00`;

// ------------------------------------------------------------------ users and teams

interface DemoUser {
  id: string;
  name: { 'zh-CN': string; en: string };
  email: string;
  role: 'rep' | 'manager' | 'director' | 'admin';
  manager?: string;
  team?: string;
}
const TEAM1 = ['rep1', 'rep2', 'rep3', 'rep4', 'rep5'];
const TEAM2 = ['rep6', 'rep7', 'rep8', 'rep9', 'rep10'];
const USERS: DemoUser[] = Object.entries(USER_NAMES).map(([uid, [zh, en]]) => {
  const user: DemoUser = { id: uid, name: { 'zh-CN': zh, en }, email: `${uid}@demo.local`, role: 'rep' };
  if (uid === 'admin') user.role = 'admin';
  else if (uid === 'director') {
    user.role = 'director';
    user.team = 'sales'; // the sales department, parent of both teams
  }
  else if (uid.startsWith('manager')) {
    user.role = 'manager';
    user.manager = 'director';
    user.team = uid === 'manager1' ? 'team1' : 'team2';
  } else {
    user.manager = TEAM1.includes(uid) ? 'manager1' : 'manager2';
    user.team = TEAM1.includes(uid) ? 'team1' : 'team2';
  }
  return user;
});
/** Uneven on purpose: top performers carry more accounts. */
const REP_WEIGHT: Record<string, number> = { rep1: 14, rep2: 11, rep3: 10, rep4: 8, rep5: 7, rep6: 13, rep7: 11, rep8: 10, rep9: 9, rep10: 7 };
/** Another rep of the owner's team (deals handed over, shared accounts). */
const teammate = (owner: string) => pick(TEAM2.includes(owner) || owner === 'manager2' ? TEAM2 : TEAM1);
function ownerFor(team: 'team1' | 'team2'): string {
  const r = rand();
  if (r < 0.01) return 'director';
  if (r < 0.05) return team === 'team1' ? 'manager1' : 'manager2';
  const reps = team === 'team1' ? TEAM1 : TEAM2;
  return weighted(reps.map((rep) => [rep, REP_WEIGHT[rep]] as const));
}

// ------------------------------------------------------------------ vocabulary (scripts/vocabulary.ts)

interface Person { name: string; email: string }
const usedEmails = new Set<string>();
function person(domain: string): Person {
  const [sz, sp] = pick(SURNAMES);
  const [gz, gp] = pick(GIVEN_NAMES);
  let local = `${gp}.${sp}`;
  for (let n = 2; usedEmails.has(`${local}@${domain}`); n++) local = `${gp}.${sp}${n}`;
  usedEmails.add(`${local}@${domain}`);
  return { name: sz + gz, email: `${local}@${domain}` };
}
const mobile = () => `${pick(MOBILE_PREFIXES)}${pad(int(0, 99_999_999), 8)}`;
const landline = (city: City) => `${city.area}-${int(5, 8)}${pad(int(0, 9_999_999), 7)}`;

// ------------------------------------------------------------------ companies

interface Company {
  name: string;
  short: string;
  city: City;
  industry: IndustryProfile;
  domain: string;
}
const usedCompanyNames = new Set<string>();
const usedDomains = new Set<string>();
function company(): Company {
  for (;;) {
    const city = weighted(CITIES.map((c) => [c, c.weight] as const));
    const industry = weighted(INDUSTRY_PROFILES.map((p) => [p, p.weight] as const));
    const [brand, brandPy] = pick(BRANDS);
    const [kind, kindShort, kindWord] = pick(industry.kinds);
    const group = industry.value === 'government' || chance(0.08);
    const name = `${city.zh}${brand}${kind}${group ? '集团' : ''}${group || chance(0.5) ? '有限公司' : '股份有限公司'}`;
    if (usedCompanyNames.has(name) || usedCompanyNames.has(name.replace('股份', ''))) continue;
    usedCompanyNames.add(name);
    let domain = `${brandPy.replace(/\d$/, '')}${kindWord}.com`;
    if (usedDomains.has(domain)) domain = `${city.py}${brandPy.replace(/\d$/, '')}${kindWord}.com`;
    if (usedDomains.has(domain)) domain = `${city.py}-${brandPy.replace(/\d$/, '')}-${kindWord}.cn`;
    if (usedDomains.has(domain)) continue;
    usedDomains.add(domain);
    return { name, short: `${brand}${kindShort}`, city, industry, domain };
  }
}
const address = (city: City) =>
  `${city.zh}市${pick(city.districts)}${pick(ROADS)}${int(1, 999)}号${pick(BUILDINGS)}${chance(0.5) ? `${int(2, 28)}楼` : ''}`;

// ------------------------------------------------------------------ products

const DISCONTINUED = new Set(['HW-SW-48', 'SAAS-SMS-10K']);
const products: Rec[] = PRODUCTS.map(([code, name, category, unitPrice, unit], i) => ({
  id: id('prd', i + 1),
  name,
  code,
  category,
  unitPrice,
  unit,
  active: !DISCONTINUED.has(code),
}));

// ------------------------------------------------------------------ accounts and contacts

const ACCOUNT_COUNT = 226;
const accounts: Rec[] = [];
const accountCompany = new Map<string, Company>();
const accountsByTeam: Record<'team1' | 'team2', string[]> = { team1: [], team2: [] };
for (let i = 1; i <= ACCOUNT_COUNT; i++) {
  const c = company();
  const team = TEAM_OF_REGION[c.city.region];
  const owner = ownerFor(team);
  const grading = weighted([['important', 22], ['normal', 48], ['potential', 30]] as const);
  const employees = Math.round(Math.exp(Math.log(30) + rand() * (Math.log(grading === 'important' ? 30000 : 8000) - Math.log(30))) / 10) * 10 || 20;
  const revenuePerHead = int(30, 160) * 10_000;
  const rec: Rec = {
    id: id('acc', i),
    name: c.name,
    grading,
    industry: c.industry.value,
    region: c.city.region,
    lifecycleStage: 'prospect',
    phone: landline(c.city),
    website: chance(0.85) ? `https://www.${c.domain}` : null,
    address: address(c.city),
    employees,
    annualRevenue: chance(0.75) ? Math.round((employees * revenuePerHead) / 100_000) * 100_000 : null,
    description: chance(0.6)
      ? `${c.city.zh}${c.short}企业，员工约 ${employees} 人。当前关注${sample(c.industry.focus, 2).join('与')}，${pick(['已有老旧 CRM 系统待替换', '目前以 Excel 管理客户', '正在评估国产化替代方案', '集团总部统一推进数字化', '去年上线了 ERP，需要前端销售系统打通'])}。`
      : null,
    owner,
  };
  accounts.push(rec);
  accountCompany.set(rec.id, c);
  accountsByTeam[team].push(rec.id);
}
const accountById = new Map(accounts.map((a) => [a.id, a]));

const contacts: Rec[] = [];
const contactsByAccount = new Map<string, string[]>();
for (const acc of accounts) {
  const c = accountCompany.get(acc.id)!;
  const n = weighted([[1, 38], [2, 36], [3, 20], [4, 6]] as const);
  const ids: string[] = [];
  for (let k = 0; k < n; k++) {
    const p = person(c.domain);
    const [title, department] = weighted(TITLES.map(([t, d, w]) => [[t, d] as const, w] as const));
    const rec: Rec = {
      id: id('con', contacts.length + 1),
      name: p.name,
      account: acc.id,
      title,
      department,
      phone: chance(0.6) ? landline(c.city) : null,
      mobile: chance(0.92) ? mobile() : null,
      email: chance(0.85) ? p.email : null,
      isPrimary: k === 0,
      owner: acc.owner,
    };
    contacts.push(rec);
    ids.push(rec.id);
  }
  contactsByAccount.set(acc.id, ids);
}

// ------------------------------------------------------------------ opportunities


interface OppMeta { created: string; account: string }
const opportunities: Rec[] = [];
const oppMeta = new Map<string, OppMeta>();
const usedOppNames = new Set<string>();
const OPP_COUNT = 560;
const accountWeights = accounts.map((a) => [a.id, a.grading === 'important' ? 5 : a.grading === 'normal' ? 3 : 1] as const);
for (let i = 1; i <= OPP_COUNT; i++) {
  const accountId = weighted(accountWeights);
  const acc = accountById.get(accountId)!;
  const c = accountCompany.get(accountId)!;
  const stage = weighted([['prospecting', 13], ['qualification', 13], ['proposal', 12], ['negotiation', 10], ['won', 29], ['lost', 23]] as const);
  let closeDate: string;
  let created: string;
  if (stage === 'won' || stage === 'lost') {
    closeDate = workday(FIRST_DAY, addDays(AS_OF, -1));
    created = clampDate(addDays(closeDate, -int(25, 200)), FIRST_DAY, closeDate);
  } else {
    const [lo, hi] = { prospecting: [40, 182], qualification: [30, 160], proposal: [10, 120], negotiation: [3, 75] }[stage];
    closeDate = clampDate(addDays(AS_OF, int(lo, hi)), AS_OF, LAST_DAY);
    created = clampDate(addDays(AS_OF, -int(5, 220)), FIRST_DAY, addDays(AS_OF, -5));
  }
  const type = weighted([['new', 60], ['upsell', 25], ['renewal', 15]] as const);
  const base = type === 'new' ? pick(c.industry.projects) : pick(TYPE_NAMES[type]);
  let name = `${c.short}${base}`;
  if (usedOppNames.has(name)) name = `${c.short}${base}（${closeDate.slice(0, 4)}）`;
  for (let n = 2; usedOppNames.has(name); n++) name = `${c.short}${base}（${closeDate.slice(0, 4)}-${n}）`;
  usedOppNames.add(name);
  const scale = acc.grading === 'important' ? 1.6 : acc.grading === 'potential' ? 0.6 : 1;
  const raw = Math.exp(Math.log(50_000) + Math.pow(rand(), 1.35) * (Math.log(5_000_000) - Math.log(50_000))) * scale;
  const bounded = Math.min(5_000_000, Math.max(50_000, type === 'renewal' ? raw * 0.4 : raw));
  const amount = bounded >= 1_000_000 ? Math.round(bounded / 10_000) * 10_000 : Math.round(bounded / 1000) * 1000;
  const owner = chance(0.9) ? (acc.owner as string) : teammate(acc.owner as string);
  const rec: Rec = {
    id: id('opp', i),
    name,
    account: accountId,
    amount: stage === 'prospecting' && chance(0.2) ? null : Math.max(50_000, amount),
    closeDate,
    stage,
    probability: STAGE_PROBABILITY[stage],
    type,
    source: weighted([['website', 18], ['referral', 20], ['exhibition', 14], ['coldCall', 12], ['advertising', 8], ['partner', 16], ['socialMedia', 7], ['other', 5]] as const),
    nextStep: OPEN_STAGES.includes(stage) ? pick(NEXT_STEPS[stage]) : null,
    lossReason: stage === 'lost' ? weighted(LOSS_REASONS) : null,
    // From the record number, not the PRNG, so adding it left every other value as it was.
    grossMargin: 12 + ((opportunities.length * 7919) % 330) / 10,
    description: chance(0.55)
      ? `客户${pick(['希望', '计划', '准备'])}在${closeDate.slice(0, 4)}年${Number(closeDate.slice(5, 7))}月前完成${base}，重点关注${pick(c.industry.focus)}。${pick(['竞争对手为国际厂商。', '客户已有部分预算。', '决策人为分管副总。', '需要与现有 ERP 对接。', '客户要求本地化部署。', '计划分两期实施。'])}`
      : null,
    owner,
  };
  opportunities.push(rec);
  oppMeta.set(rec.id, { created, account: accountId });
}
const oppById = new Map(opportunities.map((o) => [o.id, o]));

// Lifecycle stage follows the deals.
for (const acc of accounts) {
  const opps = opportunities.filter((o) => o.account === acc.id);
  const won = opps.filter((o) => o.stage === 'won').length;
  const open = opps.some((o) => OPEN_STAGES.includes(o.stage as string));
  acc.lifecycleStage = won >= 2 ? 'loyal' : won === 1 ? 'customer' : open ? 'engaged' : opps.length ? (chance(0.5) ? 'churned' : 'prospect') : 'prospect';
}

// ------------------------------------------------------------------ quotes and lines

const quotes: Rec[] = [];
const quoteLines: Rec[] = [];
const quoteMeta = new Map<string, { date: string; total: number }>();
const wonRecent = opportunities.filter((o) => o.stage === 'won' && (o.closeDate as string) >= '2025-08-01');
const quotedOpps = [
  ...sample(wonRecent, 32),
  ...sample(opportunities.filter((o) => o.stage === 'negotiation'), 24),
  ...sample(opportunities.filter((o) => o.stage === 'proposal'), 18),
  ...sample(opportunities.filter((o) => o.stage === 'lost' && o.amount !== null), 7),
];
const productById = new Map(products.map((p) => [p.id, p]));
const productsByCategory = (cat: string) => products.filter((p) => p.category === cat && p.active);
const round2 = (n: number) => Math.round(n * 100) / 100;

function buildLines(quoteId: string, owner: string, target: number): number {
  const mix = pick([
    ['software', 'service', 'support', 'training'],
    ['saas', 'service', 'training'],
    ['software', 'hardware', 'service'],
    ['saas', 'saas', 'service', 'support'],
    ['hardware', 'hardware', 'service', 'support'],
    ['software', 'service'],
    ['saas', 'service'],
  ] as const).slice(0, int(2, 5));
  const chosen = [...new Set(mix.map((cat) => pick(productsByCategory(cat)).id))];
  const shares = chosen.map(() => 0.5 + rand());
  const sum = shares.reduce((s, x) => s + x, 0);
  let subtotal = 0;
  chosen.forEach((productId, k) => {
    const product = productById.get(productId)!;
    const listPrice = product.unitPrice as number;
    const unitPrice = chance(0.85) ? listPrice : round2(listPrice * pick([0.9, 0.95, 0.8]));
    const quantity = Math.max(1, Math.round((target * shares[k]) / sum / unitPrice));
    const discount = weighted([[0, 70], [5, 15], [10, 10], [15, 5]] as const);
    quoteLines.push({ id: `ql-${pad(quoteLines.length + 1, 5)}`, quote: quoteId, product: productId, quantity, unitPrice, discount, owner });
    subtotal += quantity * unitPrice * (1 - discount / 100);
  });
  return round2(subtotal);
}

quotedOpps.forEach((opp) => {
  const versions = chance(0.12) ? 2 : 1;
  for (let v = 1; v <= versions; v++) {
    const qid = id('quo', quotes.length + 1);
    const last = v === versions;
    const stage = opp.stage as string;
    let status: string;
    if (!last) status = 'rejected';
    else if (stage === 'won') status = 'accepted';
    else if (stage === 'negotiation') status = weighted([['sent', 60], ['approved', 25], ['pendingApproval', 15]] as const);
    else if (stage === 'proposal') status = weighted([['draft', 40], ['pendingApproval', 25], ['sent', 25], ['rejected', 10]] as const);
    else status = weighted([['sent', 70], ['rejected', 30]] as const);
    const date =
      stage === 'won' || stage === 'lost'
        ? clampDate(addDays(opp.closeDate as string, -int(7, 40) - (versions - v) * 14), oppMeta.get(opp.id)!.created, opp.closeDate as string)
        : clampDate(addDays(AS_OF, -int(1, 45) - (versions - v) * 14), oppMeta.get(opp.id)!.created, addDays(AS_OF, -1));
    const discount = weighted([[0, 40], [3, 10], [5, 15], [8, 10], [10, 12], [12, 5], [15, 5], [18, 2], [20, 1]] as const);
    const subtotal = buildLines(qid, opp.owner as string, ((opp.amount as number) ?? 200_000) / (1 - discount / 100));
    quotes.push({
      id: qid,
      name: `${opp.name}报价${versions > 1 ? ` V${v}` : ''}`,
      opportunity: opp.id,
      account: opp.account,
      status,
      validUntil: addDays(date, 30),
      discount,
      owner: opp.owner,
    });
    quoteMeta.set(qid, { date, total: round2(subtotal * (1 - discount / 100)) });
  }
});

// ------------------------------------------------------------------ contracts and payments

const contracts: Rec[] = [];
const payments: Rec[] = [];
const acceptedQuoteOf = new Map(quotes.filter((q) => q.status === 'accepted').map((q) => [q.opportunity as string, q]));
const contractOpps = [
  ...[...acceptedQuoteOf.keys()].map((oid) => oppById.get(oid)!),
  ...sample(opportunities.filter((o) => o.stage === 'won' && !acceptedQuoteOf.has(o.id)), 8),
].sort((a, b) => (a.closeDate as string).localeCompare(b.closeDate as string));

contractOpps.forEach((opp, k) => {
  const cid = id('ctr', k + 1);
  const quote = acceptedQuoteOf.get(opp.id);
  const amount = quote ? quoteMeta.get(quote.id)!.total : (opp.amount as number);
  const c = accountCompany.get(opp.account as string)!;
  const recent = (opp.closeDate as string) >= addDays(AS_OF, -20);
  const unsigned = recent && chance(0.8);
  const signedDate = unsigned ? null : clampDate(addDays(opp.closeDate as string, int(0, 10)), opp.closeDate as string, addDays(AS_OF, -1));
  const startDate = addDays(signedDate ?? addDays(AS_OF, 20), int(0, 15));
  const months = weighted([[6, 20], [12, 65], [24, 15]] as const);
  const endDate = addDays(startDate, Math.round((365 * months) / 12) - 1);
  const status = unsigned ? pick(['draft', 'inReview']) : endDate < AS_OF ? 'completed' : chance(0.03) ? 'terminated' : 'active';
  const base = (opp.name as string).startsWith(c.short) ? (opp.name as string).slice(c.short.length) : (opp.name as string);
  contracts.push({
    id: cid,
    name: `${c.short}${base}合同`,
    account: opp.account,
    opportunity: opp.id,
    quote: quote ? quote.id : null,
    amount,
    startDate,
    endDate,
    status,
    signedDate,
    owner: opp.owner,
  });
  if (unsigned) return;
  const plan = weighted([[[100], 55], [[50, 50], 33], [[30, 60, 10], 12]] as const);
  let remaining = amount;
  plan.forEach((pct, n) => {
    const share = n === plan.length - 1 ? round2(remaining) : round2((amount * pct) / 100);
    remaining = round2(remaining - share);
    const plannedDate = clampDate(addDays(startDate, 15 + 90 * n), startDate, LAST_DAY);
    let paymentStatus = 'planned';
    let paidDate: string | null = null;
    if (plannedDate < AS_OF && status !== 'terminated') {
      if (chance(0.9)) {
        paymentStatus = 'received';
        paidDate = clampDate(addDays(plannedDate, int(-5, 25)), signedDate!, addDays(AS_OF, -1));
      } else paymentStatus = 'overdue';
    } else if (plannedDate < AS_OF) paymentStatus = 'overdue';
    payments.push({
      id: id('pay', payments.length + 1),
      contract: cid,
      account: opp.account,
      amount: share,
      plannedDate,
      paidDate,
      status: paymentStatus,
      method: paymentStatus === 'received' || chance(0.5) ? weighted([['bankTransfer', 70], ['acceptanceBill', 20], ['check', 5], ['online', 5]] as const) : null,
      owner: opp.owner,
    });
  });
});

// ------------------------------------------------------------------ activities

const activities: Rec[] = [];
const ACTIVITY_COUNT = 820;
const activityType = () => weighted([['call', 35], ['visit', 20], ['meeting', 15], ['email', 18], ['demo', 12]] as const);
for (let i = 1; i <= ACTIVITY_COUNT; i++) {
  const type = activityType();
  let accountId: string;
  let oppId: string | null = null;
  let day: string;
  let owner: string;
  if (chance(0.75)) {
    const opp = pick(opportunities);
    oppId = opp.id;
    accountId = opp.account as string;
    owner = opp.owner as string;
    const meta = oppMeta.get(opp.id)!;
    const end = OPEN_STAGES.includes(opp.stage as string) ? addDays(AS_OF, -1) : (opp.closeDate as string);
    day = workday(meta.created, end < meta.created ? meta.created : end);
  } else {
    const acc = pick(accounts);
    accountId = acc.id;
    owner = acc.owner as string;
    day = workday(FIRST_DAY, addDays(AS_OF, -1));
  }
  const contactIds = contactsByAccount.get(accountId) ?? [];
  const contactId = contactIds.length && chance(0.85) ? pick(contactIds) : null;
  activities.push({
    id: id('act', i),
    subject: pick(ACTIVITY_SUBJECTS[type]),
    type,
    activityDate: officeTime(day),
    account: accountId,
    contact: contactId,
    opportunity: oppId,
    notes: pick(ACTIVITY_NOTES[type]),
    owner,
  });
}
activities.sort((a, b) => (a.activityDate as string).localeCompare(b.activityDate as string));
activities.forEach((a, i) => (a.id = id('act', i + 1)));

// ------------------------------------------------------------------ tasks

const tasks: Rec[] = [];
const openOpps = opportunities.filter((o) => OPEN_STAGES.includes(o.stage as string));
for (let i = 1; i <= 152; i++) {
  const dueDate = workday(addDays(AS_OF, -45), addDays(AS_OF, 45));
  const past = dueDate < AS_OF;
  const status = past
    ? weighted([['done', 75], ['inProgress', 15], ['notStarted', 10]] as const)
    : weighted([['notStarted', 55], ['inProgress', 35], ['done', 10]] as const);
  let accountId: string;
  let oppId: string | null = null;
  let owner: string;
  if (chance(0.7)) {
    const opp = pick(openOpps);
    oppId = opp.id;
    accountId = opp.account as string;
    owner = opp.owner as string;
  } else {
    const acc = pick(accounts);
    accountId = acc.id;
    owner = acc.owner as string;
  }
  tasks.push({
    id: id('tsk', i),
    subject: pick(TASK_SUBJECTS),
    dueDate,
    status,
    priority: weighted([['high', 25], ['medium', 50], ['low', 25]] as const),
    relatedAccount: accountId,
    relatedOpportunity: oppId,
    description: chance(0.4) ? `${accountCompany.get(accountId)!.short}：${pick(['请在截止日前完成并在系统中更新状态。', '需要售前工程师配合。', '客户要求书面回复。', '完成后通知经理审核。'])}` : null,
    owner,
  });
}

// ------------------------------------------------------------------ leads

const leads: Rec[] = [];
for (let i = 1; i <= 124; i++) {
  const c = company();
  const team = TEAM_OF_REGION[c.city.region];
  const p = person(c.domain);
  const status = weighted([['new', 30], ['contacted', 25], ['qualified', 20], ['converted', 10], ['disqualified', 15]] as const);
  const [title] = weighted(TITLES.map(([t, d, w]) => [[t, d] as const, w] as const));
  leads.push({
    id: id('lead', i),
    name: p.name,
    company: c.name,
    title,
    phone: status === 'converted' || chance(0.85) ? mobile() : null,
    email: chance(0.7) ? p.email : null,
    source: weighted([['website', 25], ['exhibition', 20], ['advertising', 12], ['socialMedia', 12], ['coldCall', 10], ['referral', 10], ['partner', 8], ['other', 3]] as const),
    region: c.city.region,
    status,
    industry: c.industry.value,
    notes:
      status === 'disqualified'
        ? pick(['公司规模太小，暂无采购需求。', '联系方式无效，多次无法接通。', '已与竞争对手签约三年。', '个人咨询，非企业需求。', '重复线索，已合并。'])
        : chance(0.5)
          ? pick([`对${pick(c.industry.projects)}感兴趣，希望了解报价。`, '在展会上留下名片，希望安排演示。', '官网下载了白皮书。', '通过朋友推荐联系，预算待确认。', '来电咨询移动端功能。'])
          : null,
    owner: ownerFor(team),
  });
}

// ------------------------------------------------------------------ write

const outDir = fileURLToPath(new URL('../sample-data/', import.meta.url));
mkdirSync(outDir, { recursive: true });
/** One record per line (blank fields left out): compact, and diffs show which records changed. */
function write(name: string, records: readonly object[]): void {
  const line = (r: object) => JSON.stringify(r, (key, value: unknown) => (key !== '' && value === null ? undefined : value));
  writeFileSync(`${outDir}${name}.json`, `[\n${records.map(line).join(',\n')}\n]\n`);
  console.log(`${name}: ${records.length}`);
}
write('product', products);
write('account', accounts);
write('contact', contacts);
write('lead', leads);
write('opportunity', opportunities);
write('quote', quotes);
write('quoteLine', quoteLines);
write('contract', contracts);
write('payment', payments);
write('activity', activities);
write('task', tasks);
writeFileSync(fileURLToPath(new URL('../demo-users.json', import.meta.url)), `${JSON.stringify(USERS, null, 2)}\n`);
console.log(`demo users: ${USERS.length}`);
