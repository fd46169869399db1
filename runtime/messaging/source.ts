/** What caused an outgoing message (a workflow run and the record it ran on), kept with it for the admin's logs. */
import { invalid, type ErrorDetail } from '../errors.js';

export interface MessageSource {
  workflow?: string;
  runId?: string;
  entity?: string;
  recordId?: string;
}

const SOURCE_KEYS = ['workflow', 'runId', 'entity', 'recordId'] as const;

/** Copies only the known string fields, so a caller's object can never smuggle other keys into the stored document. */
export function cleanSource(source: unknown, details: ErrorDetail[]): MessageSource | null {
  if (source === undefined || source === null) return null;
  if (typeof source !== 'object' || Array.isArray(source)) {
    details.push({ path: '/source', message: 'must be an object' });
    return null;
  }
  const out: MessageSource = {};
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    if (!(SOURCE_KEYS as readonly string[]).includes(key)) details.push({ path: `/source/${key}`, message: 'is not allowed' });
    else if (typeof value !== 'string' || value.length === 0 || value.length > 200) details.push({ path: `/source/${key}`, message: 'must be a string of 1 to 200 characters' });
    else out[key as (typeof SOURCE_KEYS)[number]] = value;
  }
  return out;
}

/** Throws one 422 listing every problem found while checking an outgoing message. */
export function throwIfInvalid(what: string, details: ErrorDetail[]): void {
  if (details.length) throw invalid(`the ${what} is not valid: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, details);
}
