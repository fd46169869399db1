/** Computes an entity's formula fields, in dependency order, into `values`. */
import type { CompiledEntity } from '../definitions/compiledTypes.js';

export function computeFormulas(entity: CompiledEntity, values: Record<string, unknown>, ctx: { now: Date; timeZone: string }): void {
  for (const { field, evaluate } of entity.formulas) {
    const value = evaluate(values, ctx);
    values[field.name] = value === undefined ? null : value;
  }
}
