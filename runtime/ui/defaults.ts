/**
 * Starting values of a new record from the fields' defaults, so the form shows
 * what the server would fill in anyway (the server applies them again).
 */
import type { EntityDefinition } from '../../schemas/entity.js';
import { activeFields } from './fields.js';
import type { RecordData } from './types.js';

/** Today in the tenant's time zone, as `YYYY-MM-DD` (en-CA formats dates that way). */
function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function defaultValues(entity: EntityDefinition, timeZone: string, now = new Date()): RecordData {
  const values: RecordData = {};
  for (const field of activeFields(entity)) {
    switch (field.type) {
      case 'date': {
        const match = field.default ? /^today(?:([+-]\d+))?$/.exec(field.default) : null;
        if (match) values[field.name] = addDays(todayIn(timeZone, now), Number(match[1] ?? 0));
        else if (field.default) values[field.name] = field.default;
        break;
      }
      case 'datetime':
        if (field.default === 'now') values[field.name] = now.toISOString();
        else if (field.default) values[field.name] = field.default;
        break;
      case 'user':
        break; // `currentUser` is resolved by the server, which knows who is saving
      case 'text': case 'longText': case 'number': case 'currency': case 'percent': case 'boolean':
      case 'select': case 'multiSelect': case 'email': case 'phone': case 'url':
        if (field.default !== undefined) values[field.name] = field.default;
        break;
      case 'lookup': case 'formula': case 'rollup': case 'autoNumber': case 'file':
        break;
      default: {
        const unhandled: never = field;
        void unhandled;
      }
    }
  }
  return values;
}
