/** Sets fields of the triggering record through the save pipeline (validation, formulas, audit, version check). */
import type { WorkflowActionOf } from '../../../schemas/index.js';
import { updateRecord } from '../../records/savePipeline.js';
import type { ActionContext, ActionOutcome } from './types.js';
import { currentDoc } from './currentDoc.js';

export async function setFields(action: WorkflowActionOf<'setFields'>, ac: ActionContext): Promise<ActionOutcome> {
  const detail = { values: action.values };
  if (ac.dryRun) return { status: 'planned', detail };
  const doc = await currentDoc(ac);
  const saved = await updateRecord(ac.ctx, ac.entity.name, String(doc._id), { ...action.values, version: doc.version });
  return { status: 'done', detail: { ...detail, version: saved.version }, recordChanged: true };
}
