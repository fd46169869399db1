/**
 * (e) What after-save workflows cost a save: updates of one opportunity field
 * through the save pipeline on a tenant whose opportunity has 50 active
 * workflows, against the same updates on a tenant with none on it. The 50 are
 * a realistic mix: every one is evaluated on each save (json-rules-engine
 * conditions and a run record each), a few also act (notify, set a field).
 */
import { Runtime } from '../runtime/runtime.js';
import type { StoredDefinition } from '../runtime/definitions/compileApp.js';
import { createRecord, updateRecord } from '../runtime/records/savePipeline.js';
import type { RecordContext } from '../runtime/records/context.js';
import { UserDirectory } from '../runtime/identity/users.js';
import { check, fmtMs, fmtRatio, heading, sideBySide, table } from './measure.js';
import { createBenchTenant } from './setup.js';

const label = (s: string) => ({ 'zh-CN': s, en: s });

/** 50 workflows on opportunity: 20 on any update, 20 on a field change, 10 that match and act. */
export function fiftyWorkflows(): StoredDefinition[] {
  const out: Record<string, unknown>[] = [];
  const base = (name: string) => ({ kind: 'workflow', name, label: label(name), schemaVersion: 1, entity: 'opportunity', active: true });
  for (let i = 0; i < 20; i++) {
    out.push({ ...base(`onUpdate${i}`), trigger: { type: 'recordUpdated' }, conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 1e12 + i }, { fact: 'stage', operator: 'equal', value: 'won' }] }, actions: [{ type: 'notify', to: { type: 'owner' }, message: label('{{name}}') }] });
  }
  for (let i = 0; i < 20; i++) {
    out.push({ ...base(`onField${i}`), trigger: { type: 'fieldChanged', field: 'nextStep' }, conditions: { any: [{ fact: 'type', operator: 'equal', value: `never${i}` }, { fact: '$previous', path: '$.amount', operator: 'lessThan', value: -1 }] }, actions: [{ type: 'setFields', values: { description: `w${i}` } }] });
  }
  for (let i = 0; i < 10; i++) {
    out.push({ ...base(`acting${i}`), trigger: { type: 'fieldChanged', field: 'nextStep' }, conditions: { fact: 'amount', operator: 'greaterThanInclusive', value: 0 }, actions: [{ type: 'notify', to: { type: 'owner' }, message: label(`{{name}}: {{nextStep}} (${i})`) }] });
  }
  return out as unknown as StoredDefinition[];
}

async function tenantWith(runtime: Runtime, id: string, workflows: StoredDefinition[]): Promise<RecordContext> {
  await createBenchTenant(runtime, id);
  const published = await runtime.definitions(id).published();
  // Neither side keeps the template's own opportunity workflows: the difference is exactly the 50.
  const others = published.filter((d) => !(d.kind === 'workflow' && (d as unknown as { entity: string }).entity === 'opportunity'));
  await runtime.publish(id, { by: 'bench', definitions: [...others, ...workflows], message: `bench: ${workflows.length} opportunity workflows` });
  await new UserDirectory(runtime.store.tenant(id)).create({ id: 'benchowner', email: 'owner@bench.local', name: 'Owner', password: 'bench-password', roles: ['admin'] });
  return runtime.context(id, { user: null, channel: 'api' });
}

export interface WorkflowSaveRow { saves: number; none: number; fifty: number }

export async function benchWorkflowSave(runtime: Runtime, opts: { saves: number; rounds: number }): Promise<WorkflowSaveRow> {
  heading('(e) save cost: update one field with 50 active workflows on the entity vs none');
  const sides = [
    { name: 'none', ctx: await tenantWith(runtime, 'bench-wf0', []) },
    { name: '50 workflows', ctx: await tenantWith(runtime, 'bench-wf50', fiftyWorkflows()) },
  ];
  const records = await Promise.all(sides.map(async ({ ctx }) => {
    const account = await createRecord(ctx, 'account', { name: 'Bench account', owner: 'benchowner' });
    return createRecord(ctx, 'opportunity', { name: 'Bench deal', account: account.id, amount: 1000, closeDate: '2027-01-31', owner: 'benchowner' });
  }));
  const versions = records.map((r) => r.version);
  const results = await sideBySide(sides.map(({ name, ctx }, s) => ({
    name,
    run: async (round: number) => {
      for (let i = 0; i < opts.saves; i++) {
        const saved = await updateRecord(ctx, 'opportunity', records[s]!.id, { nextStep: `step ${round}.${i}`, version: versions[s] });
        versions[s] = saved.version;
      }
    },
  })), { rounds: opts.rounds, warmup: 1 });
  const runs = await sides[1]!.ctx.store.collection('_workflowRuns').count({ recordId: records[1]!.id });
  // Every save fires all 50 (20 on any update, 30 on the nextStep change) and each leaves a run.
  check(runs === 50 * opts.saves * (opts.rounds + 1), `expected a run record per workflow and save, found ${runs}`);
  const row = { saves: opts.saves, none: results[0]!.median / opts.saves, fifty: results[1]!.median / opts.saves };
  console.log(table(workflowSaveHeader, [workflowSaveCells(row)]));
  return row;
}

export const workflowSaveHeader = ['saves/round', 'no workflows', '50 workflows', '50/none'];
export function workflowSaveCells(r: WorkflowSaveRow): string[] {
  return [String(r.saves), fmtMs(r.none), fmtMs(r.fifty), fmtRatio(r.fifty / r.none)];
}
