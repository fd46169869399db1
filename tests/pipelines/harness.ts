/**
 * The API harness of tests/helpers/apiHarness.ts on a fixture template whose
 * deal has a stage pipeline (tests/pipelines/fixtures/pipeline-crm): the same
 * people (admin · mgr ← rep1, rep2 · mgr2 ← rep3) and departments.
 */
import { resolve } from 'node:path';
import { startHarness, type Harness } from '../helpers/apiHarness.js';

export const PIPELINE_FIXTURE = resolve(import.meta.dirname, 'fixtures/pipeline-crm');
export const TENANT = 'acme';

export function startPipelineHarness(): Promise<Harness> {
  return startHarness({ template: PIPELINE_FIXTURE, tenants: [TENANT] });
}
