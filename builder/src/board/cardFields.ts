/**
 * The fields a board card shows under the title: the kanban view's columns
 * when the tenant defined one, else the amount and the first date field (a
 * deal's size and when it closes). The title and the owner have their own place.
 */
import type { EntityDefinition, FieldDefinition } from '../../../schemas/entity.js';
import type { ViewDefinition } from '../../../schemas/view.js';
import { activeFields } from '../../../runtime/ui/fields.js';

const MAX_CARD_FIELDS = 4;

export function cardFields(entity: EntityDefinition, view: ViewDefinition | undefined, amountField: string | null): FieldDefinition[] {
  const fields = activeFields(entity);
  const named = (name: string) => fields.find((f) => f.name === name);
  const chosen = view?.columns?.length
    ? view.columns.flatMap((name) => named(name) ?? [])
    : [amountField ? named(amountField) : undefined, fields.find((f) => f.type === 'date')].flatMap((f) => f ?? []);
  return chosen.filter((f) => f.name !== entity.titleField && f.name !== 'owner').slice(0, MAX_CARD_FIELDS);
}
