/**
 * The b2b-crm template is internally consistent: every definition validates,
 * every name a definition uses resolves, and every sample record satisfies its
 * entity (types, options, bounds, required fields, form and pipeline rules,
 * lookups) with plausible volumes, owners and dates.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  validateDefinition,
  type Condition,
  type DashboardDefinition,
  type EntityDefinition,
  type FieldDefinition,
  type FormDefinition,
  type PipelineDefinition,
  type ReportDefinition,
  type RoleDefinition,
  type TemplateManifest,
  type ViewDefinition,
} from '../../schemas/index.js';

const root = fileURLToPath(new URL('../../templates/b2b-crm/', import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(root, path).split(sep).join('/')];
  });

type Def = { kind: string; name: string; [key: string]: unknown };
type SampleRecord = { id: string; owner?: string; [field: string]: unknown };

const manifest = readJson<TemplateManifest>('template.json');
const definitionFiles = filesUnder(join(root, 'definitions'));
const definitions = definitionFiles.map((file) => ({ file, def: readJson<Def>(file) }));
const ofKind = <T>(kind: string) => definitions.filter((d) => d.def.kind === kind).map((d) => d.def as unknown as T);

const entities = new Map(ofKind<EntityDefinition>('entity').map((e) => [e.name, e]));
const forms = ofKind<FormDefinition>('form');
const pipelines = ofKind<PipelineDefinition>('pipeline');
const views = ofKind<ViewDefinition>('view');
const reports = ofKind<ReportDefinition>('report');
const dashboards = ofKind<DashboardDefinition>('dashboard');
const roles = ofKind<RoleDefinition>('role');
const names = (kind: string) => new Set(definitions.filter((d) => d.def.kind === kind).map((d) => d.def.name));

const SYSTEM = new Set(['id', 'owner', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'version']);
const COMPUTED = new Set(['formula', 'rollup', 'autoNumber']);
const NUMERIC = new Set(['number', 'currency', 'percent', 'rollup']);
const USERS = new Set(['director', 'manager1', 'manager2', ...Array.from({ length: 10 }, (_, i) => `rep${i + 1}`)]);
/** The generator's "as of" day (scripts/generate-sample-data.ts): closed deals before it, open ones after. */
const AS_OF = '2026-06-01';
const FIRST_DAY = '2025-06-01';
const LAST_DAY = '2026-11-30';

const activeFields = (entity: EntityDefinition) => entity.fields.filter((f) => !f.archived);
const field = (entity: string, name: string) => entities.get(entity)?.fields.find((f) => f.name === name && !f.archived);
const fieldOrSystem = (entity: string, name: string) => SYSTEM.has(name) || field(entity, name) !== undefined;
const isNumeric = (f: FieldDefinition | undefined) =>
  f !== undefined && (NUMERIC.has(f.type) || (f.type === 'formula' && ['number', 'currency', 'percent'].includes(f.resultType)));

const sampleData = new Map((manifest.sampleData ?? []).map((s) => [s.entity, readJson<SampleRecord[]>(s.file)]));
const idsOf = (entity: string) => new Set((sampleData.get(entity) ?? []).map((r) => r.id));
const byId = (entity: string) => new Map((sampleData.get(entity) ?? []).map((r) => [r.id, r]));
const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Evaluates the json-rules-engine operators the template's rules use. */
function holds(condition: Condition, record: Record<string, unknown>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, record));
  if ('any' in condition) return condition.any.some((c) => holds(c, record));
  if ('not' in condition) return !holds(condition.not, record);
  const value = record[condition.fact];
  switch (condition.operator) {
    case 'equal': return value === condition.value;
    case 'notEqual': return value !== condition.value;
    case 'in': return (condition.value as unknown[]).includes(value);
    case 'notIn': return !(condition.value as unknown[]).includes(value);
    case 'greaterThan': return typeof value === 'number' && value > (condition.value as number);
    case 'lessThan': return typeof value === 'number' && value < (condition.value as number);
    case 'isEmpty': return isBlank(value);
    case 'isNotEmpty': return !isBlank(value);
    default: throw new Error(`operator ${condition.operator} is not evaluated by this test`);
  }
}
function conditionFacts(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFacts);
  if ('any' in condition) return condition.any.flatMap(conditionFacts);
  if ('not' in condition) return conditionFacts(condition.not);
  return [condition.fact];
}

/** Formulas may use only field names, numbers, + - * / ( ), IF(cond, a, b) and `=` comparisons. */
function formulaProblems(entity: EntityDefinition, expression: string): string[] {
  const problems: string[] = [];
  const tokens = expression.match(/\s*([A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?|[-+*/(),=]|\S)/g) ?? [];
  if (tokens.join('') !== expression) problems.push('untokenizable');
  for (const raw of tokens) {
    const t = raw.trim();
    if (/^[A-Za-z_]/.test(t)) {
      if (t === 'IF') continue;
      const f = entity.fields.find((x) => x.name === t);
      if (!f) problems.push(`unknown field ${t}`);
      else if (!isNumeric(f)) problems.push(`${t} is not numeric`);
    } else if (!/^(\d+(\.\d+)?|[-+*/(),=])$/.test(t)) problems.push(`token ${t}`);
  }
  let depth = 0;
  for (const t of tokens) {
    depth += t.trim() === '(' ? 1 : t.trim() === ')' ? -1 : 0;
    if (depth < 0) problems.push('unbalanced');
  }
  if (depth !== 0) problems.push('unbalanced');
  return problems;
}

describe('b2b-crm definitions', () => {
  it('has a manifest with the zh-CN / Asia/Shanghai / CNY defaults listing every definition and sample file', () => {
    expect(validateDefinition(manifest)).toEqual([]);
    expect(manifest).toMatchObject({ name: 'b2b-crm', version: '1.0.0', defaults: { locale: 'zh-CN', timeZone: 'Asia/Shanghai', currency: 'CNY' } });
    expect([...manifest.definitions].sort()).toEqual([...definitionFiles].sort());
    for (const s of manifest.sampleData ?? []) {
      expect(existsSync(join(root, s.file)), s.file).toBe(true);
      expect(entities.has(s.entity), s.entity).toBe(true);
    }
    expect(new Set((manifest.sampleData ?? []).map((s) => s.entity))).toEqual(new Set(entities.keys()));
  });

  it.each(definitions.map((d) => [d.file, d.def] as const))('%s validates and is named after its file', (file, def) => {
    expect(validateDefinition(def)).toEqual([]);
    expect(file).toBe(`definitions/${def.kind}/${def.name}.json`);
  });

  it('has the eleven CRM entities', () => {
    expect([...entities.keys()].sort()).toEqual(
      ['account', 'activity', 'contact', 'contract', 'lead', 'opportunity', 'payment', 'product', 'quote', 'quoteLine', 'task'],
    );
  });

  it('entities: unique field names, resolvable lookups, roll-ups, formulas, title fields and indexes', () => {
    for (const entity of entities.values()) {
      const fieldNames = entity.fields.map((f) => f.name);
      expect(new Set(fieldNames).size, entity.name).toBe(fieldNames.length);
      expect(fieldNames.filter((n) => SYSTEM.has(n)), entity.name).toEqual([]);
      expect(field(entity.name, entity.titleField), `${entity.name}.titleField`).toBeDefined();
      const indexed = (entity.indexes ?? []).map((i) => i.fields);
      for (const fields of indexed) for (const f of fields) expect(fieldOrSystem(entity.name, f), `${entity.name} index ${f}`).toBe(true);
      for (const f of entity.fields) {
        const at = `${entity.name}.${f.name}`;
        if (f.type === 'lookup') {
          expect(entities.has(f.target), at).toBe(true);
          expect(indexed.some((fields) => fields[0] === f.name), `${at} has an index`).toBe(true);
        }
        if (f.type === 'rollup') {
          const child = entities.get(f.childEntity);
          const via = child?.fields.find((x) => x.name === f.childLookup);
          expect(via?.type === 'lookup' && via.target === entity.name, at).toBe(true);
          if (f.aggregate !== 'count') expect(isNumeric(child?.fields.find((x) => x.name === f.childField)), at).toBe(true);
        }
        if (f.type === 'formula') expect(formulaProblems(entity, f.expression), at).toEqual([]);
        if (f.type === 'select' && f.default !== undefined) expect(f.options.map((o) => o.value), at).toContain(f.default);
      }
    }
  });

  it('entities carry the fields the template promises', () => {
    const opp = entities.get('opportunity')!;
    expect(opp.titleField).toBe('name');
    expect(opp.hasOwner).toBe(true);
    const stage = field('opportunity', 'stage');
    expect(stage?.type === 'select' && stage.options.map((o) => o.value)).toEqual(['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost']);
    expect(stage?.type === 'select' && stage.default).toBe('prospecting');
    expect(field('opportunity', 'weightedAmount')).toMatchObject({ type: 'formula', expression: 'amount * probability / 100', resultType: 'currency' });
    expect(field('opportunity', 'amount')).toMatchObject({ type: 'currency', min: 0 });
    expect(field('opportunity', 'probability')).toMatchObject({ type: 'percent', min: 0, max: 100 });
    expect(field('opportunity', 'account')).toMatchObject({ type: 'lookup', target: 'account', required: true });
    const grading = field('account', 'grading');
    expect(grading?.type === 'select' && grading.options.map((o) => o.value)).toEqual(['important', 'normal', 'potential']);
    const region = field('account', 'region');
    expect(region?.type === 'select' && region.options.map((o) => o.value)).toEqual(
      ['eastChina', 'northChina', 'southChina', 'centralChina', 'southwest', 'northwest', 'northeast'],
    );
    expect(field('quote', 'quoteNumber')).toMatchObject({ type: 'autoNumber', format: 'Q-{YYYY}{MM}-{0000}' });
    expect(field('quote', 'subtotal')).toMatchObject({ type: 'rollup', childEntity: 'quoteLine', childLookup: 'quote', aggregate: 'sum', childField: 'lineTotal' });
    expect(field('quoteLine', 'lineTotal')).toMatchObject({ type: 'formula', expression: 'quantity * unitPrice * (1 - discount / 100)' });
    expect(field('quoteLine', 'quantity')).toMatchObject({ type: 'number', min: 1 });
    expect(field('product', 'code')).toMatchObject({ unique: true });
  });

  it('forms: one per entity, every active field placed exactly once, rules and related lists resolve', () => {
    expect(new Set(forms.map((f) => f.entity))).toEqual(new Set(entities.keys()));
    for (const form of forms) {
      const entity = entities.get(form.entity)!;
      const placed = form.sections.flatMap((s) => s.fields.map((p) => p.field));
      expect([...placed].sort(), form.name).toEqual(activeFields(entity).map((f) => f.name).sort());
      const tabs = new Set((form.tabs ?? []).map((t) => t.id));
      for (const s of form.sections) {
        if (s.tab !== undefined) expect(tabs.has(s.tab), `${form.name} ${s.id}`).toBe(true);
        if (s.relatedList) {
          const via = field(s.relatedList.entity, s.relatedList.via);
          expect(via?.type === 'lookup' && via.target === form.entity, `${form.name} ${s.id}`).toBe(true);
          for (const c of s.relatedList.columns ?? []) expect(fieldOrSystem(s.relatedList.entity, c), `${form.name} ${s.id} ${c}`).toBe(true);
        }
      }
      for (const rule of form.rules ?? []) {
        expect(field(form.entity, rule.field), `${form.name} rule ${rule.field}`).toBeDefined();
        for (const fact of conditionFacts(rule.when)) expect(fieldOrSystem(form.entity, fact), `${form.name} rule fact ${fact}`).toBe(true);
      }
    }
    const account = forms.find((f) => f.entity === 'account')!;
    expect(account.rules).toContainEqual({ field: 'industry', effect: 'required', when: { fact: 'grading', operator: 'equal', value: 'important' } });
    const related = (entity: string) => forms.find((f) => f.entity === entity)!.sections.flatMap((s) => (s.relatedList ? [s.relatedList.entity] : []));
    expect(related('account')).toEqual(expect.arrayContaining(['contact', 'opportunity', 'activity']));
    expect(related('opportunity')).toEqual(expect.arrayContaining(['activity', 'quote']));
    expect(related('quote')).toContain('quoteLine');
  });

  it('pipelines: stages are the select options, transitions and required fields resolve', () => {
    for (const p of pipelines) {
      const f = field(p.entity, p.field);
      expect(f?.type, p.name).toBe('select');
      const options = f?.type === 'select' ? f.options.map((o) => o.value) : [];
      expect(p.stages.map((s) => s.value), p.name).toEqual(options);
      expect(options).toContain(p.initialStage);
      for (const t of p.transitions) {
        if (t.from !== '*') expect(options, `${p.name} ${t.from}`).toContain(t.from);
        expect(options, `${p.name} ${t.to}`).toContain(t.to);
        for (const r of t.requiredFields ?? []) expect(fieldOrSystem(p.entity, r), `${p.name} ${r}`).toBe(true);
        for (const r of t.allowed?.roles ?? []) expect(names('role').has(r), `${p.name} role ${r}`).toBe(true);
        if (t.condition) for (const fact of conditionFacts(t.condition)) expect(fieldOrSystem(p.entity, fact)).toBe(true);
      }
      // Every stage can be reached from the initial stage.
      const reached = new Set([p.initialStage]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const t of p.transitions) {
          if ((t.from === '*' || reached.has(t.from)) && !reached.has(t.to)) {
            reached.add(t.to);
            grew = true;
          }
        }
      }
      expect([...reached].sort(), p.name).toEqual([...options].sort());
    }
    const opp = pipelines.find((p) => p.entity === 'opportunity' && p.field === 'stage')!;
    expect(opp.stages.map((s) => s.probability)).toEqual([10, 30, 50, 70, 100, 0]);
    expect(opp.stages.map((s) => s.outcome)).toEqual(['open', 'open', 'open', 'open', 'won', 'lost']);
    const into = (to: string) => opp.transitions.filter((t) => t.to === to && t.from !== 'lost' && t.from !== 'won');
    expect(into('proposal').flatMap((t) => t.requiredFields ?? [])).toContain('amount');
    expect(into('won').flatMap((t) => t.requiredFields ?? [])).toEqual(expect.arrayContaining(['closeDate', 'amount']));
    expect(pipelines.some((p) => p.entity === 'lead' && p.field === 'status')).toBe(true);
  });

  it('views, reports, dashboards and roles name existing entities, fields, pipelines, reports and roles', () => {
    for (const v of views) {
      expect(entities.has(v.entity), v.name).toBe(true);
      for (const c of v.columns ?? []) expect(fieldOrSystem(v.entity, c), `${v.name} ${c}`).toBe(true);
      for (const s of v.sort ?? []) expect(fieldOrSystem(v.entity, s.field), `${v.name} sort ${s.field}`).toBe(true);
      for (const key of Object.keys(v.filter ?? {})) expect(fieldOrSystem(v.entity, key), `${v.name} filter ${key}`).toBe(true);
      if (v.kanban?.pipeline) expect(pipelines.find((p) => p.name === v.kanban!.pipeline)?.entity, v.name).toBe(v.entity);
      if (v.calendar) expect(field(v.entity, v.calendar.dateField)?.type, v.name).toMatch(/^date/);
    }
    for (const name of ['opportunityList', 'opportunityKanban', 'accountList', 'myOpenTasks']) expect(names('view').has(name), name).toBe(true);
    for (const r of reports) {
      expect(entities.has(r.entity), r.name).toBe(true);
      for (const m of r.metrics) if (m.field) expect(isNumeric(field(r.entity, m.field)), `${r.name} ${m.field}`).toBe(true);
      for (const d of r.dimensions ?? []) {
        expect(fieldOrSystem(r.entity, d.field), `${r.name} ${d.field}`).toBe(true);
        if (d.dateBucket) expect(field(r.entity, d.field)?.type, `${r.name} ${d.field}`).toMatch(/^date/);
      }
      const sortable = new Set([...(r.dimensions ?? []).map((d) => d.field), ...r.metrics.flatMap((m) => (m.name ? [m.name] : []))]);
      for (const s of r.sort ?? []) expect(sortable.has(s.field), `${r.name} sort ${s.field}`).toBe(true);
    }
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (const d of dashboards) for (const w of d.widgets) expect(names('report').has(w.report), `${d.name} ${w.report}`).toBe(true);
    expect(dashboards.length).toBeGreaterThanOrEqual(1);
    expect([...names('role')].sort()).toEqual(['admin', 'director', 'manager', 'rep']);
    for (const role of roles) {
      expect(Object.keys(role.permissions).sort(), role.name).toEqual([...entities.keys()].sort());
      if (role.reportsTo) expect(names('role').has(role.reportsTo)).toBe(true);
      for (const [entity, fields] of Object.entries(role.fieldPermissions ?? {})) {
        for (const f of Object.keys(fields)) expect(field(entity, f), `${role.name} ${entity}.${f}`).toBeDefined();
      }
    }
    const scope = (role: string) => roles.find((r) => r.name === role)!.permissions.opportunity?.read;
    expect(['rep', 'manager', 'director', 'admin'].map(scope)).toEqual(['own', 'team', 'department', 'all']);
  });
});

describe('b2b-crm sample data', () => {
  it.each([...entities.keys()])('%s records satisfy their entity', (name) => {
    const entity = entities.get(name)!;
    const records = sampleData.get(name)!;
    expect(records.length).toBeGreaterThan(0);
    const fields = new Map(activeFields(entity).map((f) => [f.name, f]));
    const problems: string[] = [];
    const seen = new Set<string>();
    const form = forms.find((f) => f.entity === name);
    const stageRules = pipelines.filter((p) => p.entity === name);
    for (const record of records) {
      const at = `${name}/${record.id}`;
      if (typeof record.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(record.id)) problems.push(`${at}: bad id`);
      if (seen.has(record.id)) problems.push(`${at}: duplicate id`);
      seen.add(record.id);
      if (entity.hasOwner) {
        if (!USERS.has(record.owner as string)) problems.push(`${at}: owner ${String(record.owner)}`);
      } else if ('owner' in record) problems.push(`${at}: owner on an entity without owners`);
      for (const [key, value] of Object.entries(record)) {
        if (key === 'id' || key === 'owner') continue;
        const f = fields.get(key);
        if (!f) problems.push(`${at}: unknown field ${key}`);
        else if (COMPUTED.has(f.type)) problems.push(`${at}: computed field ${key} is set`);
        else if (value === null) continue;
        else if (!valueFits(f, value)) problems.push(`${at}.${key}: ${JSON.stringify(value)} does not fit ${f.type}`);
        else if (f.type === 'lookup' && !idsOf(f.target).has(value as string)) problems.push(`${at}.${key}: no ${f.target} ${String(value)}`);
      }
      for (const f of fields.values()) {
        // A blank required field is filled by its default when the record is saved.
        if (f.required && !COMPUTED.has(f.type) && isBlank(record[f.name]) && !('default' in f)) problems.push(`${at}.${f.name}: required`);
      }
      for (const rule of form?.rules ?? []) {
        if (rule.effect === 'required' && holds(rule.when, record) && isBlank(record[rule.field])) problems.push(`${at}.${rule.field}: required by the form rule`);
      }
      for (const p of stageRules) {
        const stage = record[p.field] as string;
        for (const t of p.transitions.filter((x) => x.to === stage)) {
          for (const r of t.requiredFields ?? []) if (isBlank(record[r])) problems.push(`${at}.${r}: required to enter ${stage}`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('has the promised volumes', () => {
    const minimum: Record<string, number> = {
      account: 220, opportunity: 550, contact: 380, activity: 780, task: 140, product: 30, quote: 75, contract: 40, payment: 55, lead: 115,
    };
    for (const [entity, n] of Object.entries(minimum)) expect(sampleData.get(entity)!.length, entity).toBeGreaterThanOrEqual(n);
    const quotes = idsOf('quote');
    const withLines = new Set(sampleData.get('quoteLine')!.map((l) => l.quote as string));
    expect([...quotes].filter((q) => !withLines.has(q))).toEqual([]);
  });

  it('spreads records over at least ten owners, mostly reps', () => {
    for (const entity of ['account', 'opportunity', 'activity']) {
      const owners = sampleData.get(entity)!.map((r) => r.owner as string);
      expect(new Set(owners).size, entity).toBeGreaterThanOrEqual(10);
      expect(owners.filter((o) => o.startsWith('rep')).length / owners.length, entity).toBeGreaterThan(0.8);
    }
  });

  it('has plausible opportunities: 5万–500万, probabilities by stage, closed in the past, open in the future', () => {
    const probability: Record<string, number> = { prospecting: 10, qualification: 30, proposal: 50, negotiation: 70, won: 100, lost: 0 };
    const opps = sampleData.get('opportunity')!;
    for (const o of opps) {
      if (o.amount !== undefined) expect(o.amount as number, o.id).toBeGreaterThanOrEqual(50_000);
      if (o.amount !== undefined) expect(o.amount as number, o.id).toBeLessThanOrEqual(5_000_000);
      expect(o.probability, o.id).toBe(probability[o.stage as string]);
      expect(o.closeDate as string >= FIRST_DAY && (o.closeDate as string) <= LAST_DAY, o.id).toBe(true);
    }
    const closed = opps.filter((o) => o.stage === 'won' || o.stage === 'lost');
    const open = opps.filter((o) => !closed.includes(o));
    expect(closed.filter((o) => (o.closeDate as string) < AS_OF).length / closed.length).toBeGreaterThan(0.9);
    expect(open.filter((o) => (o.closeDate as string) >= AS_OF).length / open.length).toBeGreaterThan(0.9);
    const stages = new Set(opps.map((o) => o.stage));
    expect(stages.size).toBe(6);
    const months = new Set(opps.map((o) => (o.closeDate as string).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(18);
  });

  it('keeps related records consistent with each other', () => {
    const contacts = byId('contact');
    const opps = byId('opportunity');
    const quotes = byId('quote');
    const contracts = byId('contract');
    for (const a of sampleData.get('activity')!) {
      if (a.contact) expect(contacts.get(a.contact as string)!.account, a.id).toBe(a.account);
      if (a.opportunity) expect(opps.get(a.opportunity as string)!.account, a.id).toBe(a.account);
      expect(a.activityDate as string >= FIRST_DAY && (a.activityDate as string) <= `${LAST_DAY}T23:59`, a.id).toBe(true);
    }
    for (const q of sampleData.get('quote')!) expect(opps.get(q.opportunity as string)!.account, q.id).toBe(q.account);
    for (const c of sampleData.get('contract')!) {
      if (c.opportunity) expect(opps.get(c.opportunity as string)!.account, c.id).toBe(c.account);
      if (c.opportunity) expect(opps.get(c.opportunity as string)!.stage, c.id).toBe('won');
      if (c.quote) expect(quotes.get(c.quote as string)!.account, c.id).toBe(c.account);
      if (c.startDate && c.endDate) expect(c.startDate < c.endDate, c.id).toBe(true);
    }
    const paid = new Map<string, number>();
    for (const p of sampleData.get('payment')!) {
      const contract = contracts.get(p.contract as string)!;
      expect(contract.account, p.id).toBe(p.account);
      paid.set(contract.id, (paid.get(contract.id) ?? 0) + (p.amount as number));
      if (p.status === 'received') expect((p.paidDate as string) < AS_OF, p.id).toBe(true);
    }
    for (const [contract, sum] of paid) expect(Math.abs(sum - (contracts.get(contract)!.amount as number)), contract).toBeLessThan(0.01);
    for (const t of sampleData.get('task')!) {
      if (t.relatedOpportunity) expect(opps.get(t.relatedOpportunity as string)!.account, t.id).toBe(t.relatedAccount);
    }
  });

  it('uses plausible Chinese names', () => {
    const cjk = /^[\u4e00-\u9fff]{2,4}$/;
    for (const entity of ['contact', 'lead']) for (const r of sampleData.get(entity)!) expect(r.name, r.id).toMatch(cjk);
    for (const a of sampleData.get('account')!) expect(a.name, a.id).toMatch(/^[\u4e00-\u9fff]+(有限公司|股份有限公司)$/);
    const names = sampleData.get('account')!.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

function valueFits(f: FieldDefinition, value: unknown): boolean {
  switch (f.type) {
    case 'text':
    case 'longText':
      return typeof value === 'string' && value.length <= (f.maxLength ?? (f.type === 'text' ? 255 : 32000)) && (f.type !== 'text' || !f.pattern || new RegExp(f.pattern, 'u').test(value));
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) && (f.min === undefined || value >= f.min) && (f.max === undefined || value <= f.max);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'select':
      return typeof value === 'string' && f.options.some((o) => o.value === value);
    case 'multiSelect':
      return Array.isArray(value) && value.every((v) => f.options.some((o) => o.value === v));
    case 'email':
      return typeof value === 'string' && /^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value);
    case 'phone':
      return typeof value === 'string' && /^[+0-9()\- ]{3,32}$/.test(value);
    case 'url':
      return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
    case 'lookup':
    case 'user':
      return typeof value === 'string' && value.length > 0;
    default:
      return false;
  }
}
