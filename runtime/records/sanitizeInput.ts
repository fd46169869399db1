/**
 * The first gate of every channel: the input must be a plain JSON object whose
 * keys cannot reach operators or prototypes. Anything else is refused whole.
 */
import { badRequest, type ErrorDetail } from '../errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 8;

function scan(value: unknown, path: string, depth: number, out: ErrorDetail[], allowOperators: boolean): void {
  if (depth > MAX_DEPTH) {
    out.push({ path, message: 'is nested too deeply' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => scan(v, `${path}/${i}`, depth + 1, out, allowOperators));
  } else if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      out.push({ path: path || '/', message: 'must be a plain JSON object' });
      return;
    }
    for (const key of Object.keys(value)) {
      const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key.startsWith('$') && !allowOperators) out.push({ path: at, message: 'keys may not start with "$"' });
      else if (FORBIDDEN_KEYS.has(key)) out.push({ path: at, message: `"${key}" is not an allowed key` });
      else if (key.includes('.') || key.includes('\u0000')) out.push({ path: at, message: 'keys may not contain "." or NUL' });
      else scan((value as Record<string, unknown>)[key], at, depth + 1, out, allowOperators);
    }
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    out.push({ path, message: 'must be a finite number' });
  }
}

/**
 * Returns the input as a record of values, or throws a 400 listing every
 * offending key. Definitions may carry `$`-operators (their filters), which
 * their own schema then allow-lists: `allowOperators` lets those through.
 */
export function sanitizeInput(input: unknown, opts: { allowOperators?: boolean } = {}): Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('INVALID_BODY', 'the body must be a JSON object', [{ path: '/', message: 'must be an object' }]);
  }
  const problems: ErrorDetail[] = [];
  scan(input, '', 0, problems, opts.allowOperators === true);
  if (problems.length) throw badRequest('INVALID_BODY', 'the body contains keys that are not allowed', problems);
  return input as Record<string, unknown>;
}
