/**
 * The bodies of the approval endpoints, checked by small schemas compiled once
 * by the shared ajv: unknown properties, `$`-keys and `__proto__` are refused
 * with the path of the fault (400), as everywhere else.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { ajv, toIssues } from '../../schemas/validator.js';
import { badRequest } from '../errors.js';
import { sanitizeInput } from '../records/sanitizeInput.js';

export const MAX_COMMENT = 2000;

const comment = { type: ['string', 'null'], maxLength: MAX_COMMENT } as const;

const submitBodySchema = {
  type: 'object',
  properties: { approval: { type: 'string', minLength: 1, maxLength: 64 }, comment },
  required: ['approval'],
  additionalProperties: false,
} as const;

const decisionBodySchema = {
  type: 'object',
  properties: { comment },
  additionalProperties: false,
} as const;

export type SubmitBody = FromSchema<typeof submitBodySchema>;
export type DecisionBody = FromSchema<typeof decisionBodySchema>;

const validateSubmit = ajv.compile<SubmitBody>(submitBodySchema);
const validateDecision = ajv.compile<DecisionBody>(decisionBodySchema);

function parse<T>(raw: unknown, validate: typeof validateSubmit | typeof validateDecision, what: string): T {
  const body = sanitizeInput(raw ?? {});
  if (!validate(body)) throw badRequest('INVALID_BODY', `the ${what} is malformed`, toIssues(validate.errors));
  return body as T;
}

export const parseSubmitBody = (raw: unknown) => parse<SubmitBody>(raw, validateSubmit, 'approval submission');
/** Approve, reject and recall take an optional comment; an empty body is fine. */
export const parseDecisionBody = (raw: unknown) => parse<DecisionBody>(raw, validateDecision, 'approval decision');

/** A comment as stored: trimmed, null when blank; 400 when it is not text or too long (runtime callers too). */
export function normalizeComment(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > MAX_COMMENT) {
    throw badRequest('INVALID_BODY', 'the comment is not acceptable', [{ path: '/comment', message: `must be text of at most ${MAX_COMMENT} characters` }]);
  }
  return value.trim() === '' ? null : value.trim();
}
