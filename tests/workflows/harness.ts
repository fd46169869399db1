/**
 * Workflow tests run on the pipeline fixture (deal with a stage pipeline,
 * company, dealLine) plus a `task` entity, with the API harness's people
 * (admin · mgr ← rep1, rep2 · mgr2 ← rep3). Workflows are published through
 * the runtime as an admin would publish them.
 */
import { expect } from 'vitest';
import type { StoredDefinition } from '../../runtime/definitions/compileApp.js';
import { NOTIFICATIONS } from '../../runtime/messaging/notifications.js';
import type { WorkflowRun } from '../../runtime/workflows/index.js';
import { startHarness, type Harness, type Person } from '../helpers/apiHarness.js';
import { PIPELINE_FIXTURE, TENANT } from '../pipelines/harness.js';

export { TENANT };
const label = (en: string) => ({ 'zh-CN': en, en });

export const TASK_ENTITY = {
  kind: 'entity', name: 'task', schemaVersion: 1, label: label('Task'), titleField: 'title', hasOwner: true,
  fields: [
    { name: 'title', type: 'text', label: label('Title'), required: true },
    { name: 'dueDate', type: 'date', label: label('Due') },
    { name: 'deal', type: 'lookup', label: label('Deal'), target: 'deal', onDelete: 'clear' },
  ],
};

/** A workflow definition with defaults for the header. */
export function workflow(name: string, body: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'workflow', name, label: label(name), schemaVersion: 1, entity: 'deal', active: true, ...body };
}

export async function startWorkflowHarness(): Promise<Harness> {
  const h = await startHarness({ template: PIPELINE_FIXTURE, tenants: [TENANT] });
  await publishWith(h, [TASK_ENTITY]);
  return h;
}

/** Publishes the given definitions on top of (replacing same-named) published ones. */
export async function publishWith(h: Harness, defs: Record<string, unknown>[]): Promise<number> {
  const current = await h.runtime.definitions(TENANT).published();
  const key = (d: { kind: unknown; name: unknown }) => `${String(d.kind)}:${String(d.name)}`;
  const incoming = new Map(defs.map((d) => [key(d as { kind: unknown; name: unknown }), d]));
  const merged = [...current.filter((d) => !incoming.has(key(d))), ...incoming.values()] as unknown as StoredDefinition[];
  try {
    return (await h.runtime.publish(TENANT, { by: 'admin', definitions: merged })).version;
  } catch (e) {
    // Name the faults in the message so a failing setup says what is wrong.
    const details = (e as { details?: unknown }).details;
    if (details && e instanceof Error) e.message += ` ${JSON.stringify(details)}`;
    throw e;
  }
}

export async function companyId(h: Harness, as: Person = 'admin'): Promise<string> {
  const res = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/company`, payload: { name: `Co ${Math.random().toString(36).slice(2, 8)}` } }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export async function createDeal(h: Harness, as: Person, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const company = await companyId(h, as);
  const res = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/deal`, payload: { title: 'Deal', company, ...values } }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function patch(h: Harness, as: Person, entity: string, record: Record<string, unknown>, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await h.inject({ method: 'PATCH', url: `/api/t/${TENANT}/records/${entity}/${String(record.id)}`, payload: { ...values, version: record.version } }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function runsOf(h: Harness, query: Record<string, string>): Promise<WorkflowRun[]> {
  const res = await h.inject({ method: 'GET', url: `/api/t/${TENANT}/workflows/runs?${new URLSearchParams(query)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

export async function tasksOf(h: Harness, dealId: string): Promise<Record<string, unknown>[]> {
  return h.store.tenant(TENANT).collection('records.task').find({ deal: dealId }, { sort: { createdAt: 1 } });
}

export async function notificationsOf(h: Harness, user: string): Promise<Record<string, unknown>[]> {
  return h.store.tenant(TENANT).collection(NOTIFICATIONS).find({ user }, { sort: { createdAt: 1 } });
}
