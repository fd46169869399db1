/**
 * Builds the MongoDB filter document the list endpoint takes from what the
 * filter bar holds, and says which fields get a filter in the bar.
 */
import type { EntityDefinition, FieldDefinition } from '../../schemas/entity.js';
import type { MongoFilter } from '../../schemas/filter.js';
import { activeFields } from './fields.js';
import type { FilterBarValues } from './types.js';

const FILTERABLE = new Set(['select', 'multiSelect', 'date', 'datetime']);
const MAX_FIELD_FILTERS = 4;

/** Pickable fields (selects, dates) get a filter; text is covered by the search box. */
export function filterableFields(entity: EntityDefinition, preferred?: readonly string[]): FieldDefinition[] {
  const fields = activeFields(entity).filter((f) => FILTERABLE.has(f.type));
  // Fields a view shows as columns are the ones its users think in, so they come first.
  const rank = (f: FieldDefinition) => (preferred?.includes(f.name) ? preferred.indexOf(f.name) : 1000);
  return [...fields].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_FIELD_FILTERS);
}

export function buildFilter(values: FilterBarValues, base?: MongoFilter): MongoFilter | undefined {
  const clauses: MongoFilter[] = base && Object.keys(base).length > 0 ? [base] : [];
  for (const [field, value] of Object.entries(values)) {
    if (!value) continue;
    if (value.kind === 'in' && value.values.length > 0) {
      clauses.push({ [field]: { $in: value.values } });
    } else if (value.kind === 'range' && (value.from || value.to)) {
      const range: MongoFilter = {};
      if (value.from) range.$gte = value.from;
      if (value.to) range.$lte = value.to;
      clauses.push({ [field]: range });
    } else if (value.kind === 'equals' && value.value !== '') {
      clauses.push({ [field]: value.value });
    }
  }
  if (clauses.length === 0) return undefined;
  return clauses.length === 1 ? clauses[0] : { $and: clauses };
}

/** True when the bar holds at least one filter, so a reset button has something to do. */
export const hasFilters = (values: FilterBarValues) => buildFilter(values) !== undefined;
