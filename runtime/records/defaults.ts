/** Fills fields missing from a new record with their definition's default. */
import type { FieldDefinition } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { addDays, localDate } from '../time.js';

export interface DefaultsContext {
  now: Date;
  timeZone: string;
  user: string | null;
}

function defaultValue(field: FieldDefinition, ctx: DefaultsContext): unknown {
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url':
    case 'select':
    case 'number':
    case 'currency':
    case 'percent':
    case 'boolean':
      return field.default;
    case 'multiSelect':
      return field.default ? [...field.default] : undefined;
    case 'date': {
      const d = field.default;
      if (d === undefined) return undefined;
      const relative = /^today([+-]\d+)?$/.exec(d);
      return relative ? addDays(localDate(ctx.now, ctx.timeZone), Number(relative[1] ?? 0)) : d;
    }
    case 'datetime':
      return field.default === 'now' ? ctx.now.toISOString() : field.default;
    case 'user':
      return field.default === 'currentUser' ? (ctx.user ?? undefined) : undefined;
    case 'lookup':
    case 'formula':
    case 'rollup':
    case 'autoNumber':
    case 'file':
      return undefined;
    default: {
      const unhandled: never = field;
      return unhandled;
    }
  }
}

export function applyDefaults(entity: CompiledEntity, values: Record<string, unknown>, ctx: DefaultsContext): void {
  for (const field of entity.fields.values()) {
    if (values[field.name] !== undefined) continue;
    const value = defaultValue(field, ctx);
    if (value !== undefined) values[field.name] = value;
  }
}
