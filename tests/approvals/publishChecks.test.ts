/**
 * Publish-time checks of approval definitions, each fault with its path: role
 * and user-field approvers, facts of the entry criteria and of step
 * conditions, duplicate steps, and outcome fields that the save pipeline
 * would refuse. The b2b-crm template's quoteDiscount approval passes them.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/apiHarness.js';
import { TEMPLATES_DIR } from '../helpers/apiHarness.js';
import { loadTemplatePackage } from '../../runtime/templates/loadPackage.js';
import { issuePointer, validateSet } from '../../runtime/definitions/validateSet.js';
import type { StoredDefinition } from '../../runtime/definitions/compileApp.js';
import { APPROVAL_FIXTURE, base, startApprovalHarness } from './harness.js';

let fixture: StoredDefinition[];

beforeAll(async () => {
  fixture = (await loadTemplatePackage(APPROVAL_FIXTURE)).definitions;
});

/** Issues of the fixture with the bigDeal approval changed by `change`. */
function issuesWith(change: (def: Record<string, any>) => void): string[] {
  const defs = fixture.map((d) => {
    if (d.kind !== 'approval' || d.name !== 'bigDeal') return d;
    const copy = structuredClone(d) as Record<string, any>;
    change(copy);
    return copy as StoredDefinition;
  });
  return validateSet(2, defs).issues.map((i) => `${issuePointer(i)} ${i.message}`);
}

describe('approval definitions at publish', () => {
  it('accepts the fixture and the b2b-crm template, whose quoteDiscount compiles into the app', async () => {
    expect(validateSet(1, fixture).issues).toEqual([]);
    const b2b = await loadTemplatePackage(resolve(TEMPLATES_DIR, 'b2b-crm'));
    const { issues, app } = validateSet(1, b2b.definitions);
    expect(issues).toEqual([]);
    expect(app!.approvals.get('quoteDiscount')).toMatchObject({ entity: 'quote', steps: [{ name: 'manager' }, { name: 'director' }] });
  });

  it('refuses approvers naming a missing role or a field that is not a user field', () => {
    expect(issuesWith((d) => { d.steps[1].approver = { type: 'role', value: 'boss' }; })).toEqual(['/approval/bigDeal/steps/1/approver/value no role "boss"']);
    expect(issuesWith((d) => { d.steps[0].approver = { type: 'userField', value: 'title' }; })).toEqual(['/approval/bigDeal/steps/0/approver/value "title" is not a user field of deal']);
    expect(issuesWith((d) => { d.steps[0].approver = { type: 'userField', value: 'nope' }; })).toEqual(['/approval/bigDeal/steps/0/approver/value "nope" is not a user field of deal']);
  });

  it('refuses unknown facts in the entry criteria and in step conditions', () => {
    expect(issuesWith((d) => { d.entryCriteria.all[1].fact = 'discount'; })).toEqual(['/approval/bigDeal/entryCriteria/all/1/fact unknown field "discount"']);
    expect(issuesWith((d) => { d.steps[1].when = { not: { fact: 'margin', operator: 'lessThan', value: 3 } }; })).toEqual(['/approval/bigDeal/steps/1/when/not/fact unknown field "margin"']);
    expect(issuesWith((d) => { d.entryCriteria = { fact: 'owner', operator: 'equal', value: 'rep1' }; })).toEqual([]);
  });

  it('refuses duplicate step names and ownerManager on an entity without owners', () => {
    expect(issuesWith((d) => { d.steps[1].name = 'manager'; })).toEqual(['/approval/bigDeal/steps/1/name duplicate step "manager"']);
    expect(issuesWith((d) => { d.entity = 'dealLine'; d.entryCriteria = undefined; d.onApprove = d.onReject = d.onRecall = undefined; }))
      .toEqual(['/approval/bigDeal/steps/0/approver/type dealLine records have no owner whose manager could approve']);
  });

  it('refuses outcome fields the save pipeline would refuse: unknown, computed, the pipeline stage, system, a missing option', () => {
    expect(issuesWith((d) => { d.onApprove.setFields = { nope: 1 }; })).toEqual(['/approval/bigDeal/onApprove/setFields/nope no field "nope" on deal']);
    expect(issuesWith((d) => { d.onApprove.setFields = { weighted: 1 }; })).toEqual(['/approval/bigDeal/onApprove/setFields/weighted "weighted" is computed and cannot be set']);
    expect(issuesWith((d) => { d.onReject.setFields = { stage: 'lost' }; })).toEqual(['/approval/bigDeal/onReject/setFields/stage "stage" is a pipeline stage and changes only through a transition']);
    expect(issuesWith((d) => { d.onRecall.setFields = { updatedBy: 'x' }; })).toEqual(['/approval/bigDeal/onRecall/setFields/updatedBy "updatedBy" is kept by the system and cannot be set']);
    expect(issuesWith((d) => { d.onApprove.setFields = { status: 'done' }; })).toEqual(['/approval/bigDeal/onApprove/setFields/status "done" is not an option of deal.status']);
    expect(issuesWith((d) => { d.onApprove.setFields = { status: null, owner: 'mgr' }; })).toEqual([]);
  });
});

describe('publishing through the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApprovalHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('answers 422 with the path of the fault and publishes nothing', async () => {
    const def = JSON.parse(await readFile(resolve(APPROVAL_FIXTURE, 'definitions/approvalBigDeal.json'), 'utf8'));
    def.steps[1].approver = { type: 'role', value: 'boss' };
    const put = await h.inject({ method: 'PUT', url: `${base}/definitions/approval/bigDeal`, payload: def });
    expect(put.statusCode, put.body).toBe(200);
    const res = await h.inject({ method: 'POST', url: `${base}/definitions/publish`, payload: {} });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toEqual([{ path: '/approval/bigDeal/steps/1/approver/value', message: 'no role "boss"' }]);
    const versions = await h.inject({ method: 'GET', url: `${base}/definitions/versions` });
    expect(versions.json().items).toHaveLength(1);
  });
});
