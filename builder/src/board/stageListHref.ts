/** The list of an entity filtered to one stage, in the list page's URL format (see pages/listQueryUrl.ts). */
import type { FilterBarValues } from '../../../runtime/ui/types.js';

export function stageListHref(listPath: string, field: string, stage: string): string {
  const filters: FilterBarValues = { [field]: { kind: 'in', values: [stage] } };
  return `${listPath}?${new URLSearchParams({ f: JSON.stringify(filters) })}`;
}
