/**
 * List filters are MongoDB filter documents that run inside the store, so they
 * are checked first: only allow-listed operators, only the entity's fields,
 * bounded size, and regexes that compile. `id` is accepted for `_id`; values of
 * datetime fields are turned into Dates as the store keeps them.
 */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { badRequest, type ErrorDetail } from '../errors.js';
import type { Filter } from '../store/port.js';

const FIELD_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$regex', '$options', '$not', '$all', '$size']);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);
const SYSTEM_FIELDS: Record<string, 'string' | 'datetime' | 'number'> = {
  id: 'string', owner: 'string', createdBy: 'string', updatedBy: 'string', version: 'number', createdAt: 'datetime', updatedAt: 'datetime',
};
const MAX_NODES = 200;
const MAX_DEPTH = 6;
const MAX_LIST = 500;
const MAX_REGEX = 200;

class Guard {
  nodes = 0;
  readonly problems: ErrorDetail[] = [];
  constructor(
    private readonly entity: CompiledEntity,
    private readonly hidden: ReadonlySet<string>,
  ) {}

  private fail(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  private isDatetime(field: string): boolean {
    return SYSTEM_FIELDS[field] === 'datetime' || this.entity.fields.get(field)?.type === 'datetime';
  }

  private knows(field: string): boolean {
    if (this.hidden.has(field)) return false; // filtering on a hidden field would reveal its values
    if (field in SYSTEM_FIELDS) return field !== 'owner' || this.entity.definition.hasOwner === true;
    return this.entity.fields.has(field);
  }

  filter(input: unknown, path: string, depth: number): Filter | undefined {
    if (depth > MAX_DEPTH) return this.fail(path, 'is nested too deeply');
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return this.fail(path, 'must be an object');
    const out: Filter = {};
    for (const [key, value] of Object.entries(input)) {
      const at = `${path}/${key}`;
      if (++this.nodes > MAX_NODES) return this.fail(path, `has more than ${MAX_NODES} conditions`);
      if (LOGICAL_OPERATORS.has(key)) {
        if (!Array.isArray(value) || value.length === 0 || value.length > 50) {
          this.fail(at, 'must be a list of 1 to 50 filters');
          continue;
        }
        out[key] = value.map((v, i) => this.filter(v, `${at}/${i}`, depth + 1));
      } else if (key.startsWith('$')) {
        this.fail(at, `operator ${key} is not allowed here`);
      } else if (!this.knows(key)) {
        this.fail(at, `is not a field of ${this.entity.name}`);
      } else {
        out[key === 'id' ? '_id' : key] = this.condition(key, value, at, depth + 1);
      }
    }
    return out;
  }

  private value(field: string, value: unknown, path: string): unknown {
    if (value !== null && typeof value === 'object') return this.fail(path, 'must be a plain value');
    if (this.isDatetime(field) && typeof value === 'string') {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? this.fail(path, 'must be an ISO date-time') : date;
    }
    return value;
  }

  private condition(field: string, value: unknown, path: string, depth: number): unknown {
    if (value === null || typeof value !== 'object') return this.value(field, value, path);
    if (Array.isArray(value)) return this.fail(path, 'use {"$in": [...]} to match one of several values');
    const out: Record<string, unknown> = {};
    for (const [op, operand] of Object.entries(value)) {
      const at = `${path}/${op}`;
      if (!FIELD_OPERATORS.has(op)) {
        this.fail(at, op.startsWith('$') ? `operator ${op} is not allowed` : 'nested documents are not supported in filters');
        continue;
      }
      switch (op) {
        case '$in':
        case '$nin':
        case '$all':
          if (!Array.isArray(operand) || operand.length > MAX_LIST) this.fail(at, `must be a list of at most ${MAX_LIST} values`);
          else out[op] = operand.map((v, i) => this.value(field, v, `${at}/${i}`));
          break;
        case '$exists':
          if (typeof operand !== 'boolean') this.fail(at, 'must be true or false');
          else out[op] = operand;
          break;
        case '$size':
          if (!Number.isInteger(operand) || (operand as number) < 0) this.fail(at, 'must be a non-negative integer');
          else out[op] = operand;
          break;
        case '$regex':
          if (typeof operand !== 'string' || operand.length > MAX_REGEX) this.fail(at, `must be a pattern of at most ${MAX_REGEX} characters`);
          else {
            try {
              new RegExp(operand);
              out[op] = operand;
            } catch {
              this.fail(at, 'is not a valid regular expression');
            }
          }
          break;
        case '$options':
          if (operand !== 'i' && operand !== '') this.fail(at, 'only "i" (case-insensitive) is supported');
          else out[op] = operand;
          break;
        case '$not':
          if (depth > MAX_DEPTH) this.fail(at, 'is nested too deeply');
          else if (operand === null || typeof operand !== 'object' || Array.isArray(operand)) this.fail(at, 'must be an operator document');
          else out[op] = this.condition(field, operand, at, depth + 1);
          break;
        default:
          out[op] = this.value(field, operand, at);
      }
    }
    return out;
  }
}

/** Parses (when given a string) and checks a filter; throws 400 listing every problem. */
export function guardFilter(entity: CompiledEntity, raw: unknown, hidden: ReadonlySet<string> = new Set()): Filter {
  let input = raw;
  if (typeof raw === 'string') {
    try {
      input = JSON.parse(raw);
    } catch {
      throw badRequest('INVALID_FILTER', 'filter is not valid JSON', [{ path: '/filter', message: 'must be a JSON object' }]);
    }
  }
  const guard = new Guard(entity, hidden);
  const filter = guard.filter(input, '/filter', 0);
  if (guard.problems.length || !filter) throw badRequest('INVALID_FILTER', 'the filter is not allowed', guard.problems);
  return filter;
}
