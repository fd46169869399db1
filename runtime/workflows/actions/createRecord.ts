/**
 * Creates a record (e.g. a follow-up task) through the save pipeline. Values
 * are literals or handlebars templates rendered with the triggering record.
 * Unless the action says otherwise the new record belongs to the triggering
 * record's owner and its lookups to the triggering entity point back at it.
 */
import type { WorkflowActionOf, FieldDefinition } from '../../../schemas/index.js';
import { createRecord as saveNew } from '../../records/savePipeline.js';
import { renderTemplate } from '../templates.js';
import type { ActionContext, ActionOutcome } from './types.js';

/** A rendered template is text; number and boolean fields take it converted. */
function fromText(field: FieldDefinition | undefined, text: string): unknown {
  if (!field) return text;
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent': {
      const n = Number(text.trim());
      return text.trim() === '' ? null : Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text.trim() === 'true';
    default:
      return text.trim() === '' ? null : text;
  }
}

export async function createRecord(action: WorkflowActionOf<'createRecord'>, ac: ActionContext): Promise<ActionOutcome> {
  const target = ac.ctx.app.entities.get(action.entity);
  if (!target) throw new Error(`no entity "${action.entity}"`);
  const values: Record<string, unknown> = { ...(action.values ?? {}) };
  for (const [name, source] of Object.entries(action.templates ?? {})) {
    values[name] = fromText(target.fields.get(name), renderTemplate(source, ac.data, ac.clock));
  }
  if (target.definition.hasOwner && values.owner === undefined && typeof ac.record.owner === 'string') values.owner = ac.record.owner;
  if (ac.recordId) {
    for (const lookup of target.lookups) {
      if (lookup.target === ac.entity.name && values[lookup.name] === undefined) values[lookup.name] = ac.recordId;
    }
  }
  if (ac.dryRun) return { status: 'planned', detail: { entity: action.entity, values } };
  const created = await saveNew(ac.ctx, action.entity, values);
  return { status: 'done', detail: { entity: action.entity, id: created.id, values } };
}
