/**
 * What a refused stage move means for the board, from the server's answer:
 * ask for input (422 naming fields or the checklist), a record locked by an
 * approval, a stale card (409: reload), a record gone (404: reload), a move
 * not allowed (403, not in the pipeline or not for this user), or a failure.
 */
import type { ErrorDetail } from '../../../runtime/ui/types.js';
import { ApiError, isNetworkError } from '../api/http.js';

export type MoveRefusal =
  | { kind: 'askInput'; fields: string[]; checklist: boolean; details: ErrorDetail[] }
  | { kind: 'locked'; reason: string }
  | { kind: 'stale' }
  | { kind: 'gone'; reason: string }
  | { kind: 'forbidden'; notInPipeline: boolean; reason: string }
  | { kind: 'failed'; reason: string; network: boolean };

/** `/fields/amount` → `amount`. */
export const fieldOfDetail = (d: ErrorDetail) => (d.path.startsWith('/fields/') ? d.path.split('/')[2] : undefined);

export function moveRefusal(e: unknown): MoveRefusal {
  if (!(e instanceof ApiError)) return { kind: 'failed', reason: e instanceof Error ? e.message : String(e), network: false };
  const fields = e.details.flatMap((d) => fieldOfDetail(d) ?? []);
  const checklist = e.details.some((d) => d.path === '/checklist');
  if (e.status === 422 && (fields.length > 0 || checklist)) return { kind: 'askInput', fields, checklist, details: e.details };
  if (e.status === 409 && e.code === 'APPROVAL_PENDING') return { kind: 'locked', reason: e.message };
  if (e.status === 409) return { kind: 'stale' };
  if (e.status === 404) return { kind: 'gone', reason: e.message };
  if (e.status === 403) return { kind: 'forbidden', notInPipeline: e.code === 'TRANSITION_NOT_ALLOWED', reason: e.message };
  return { kind: 'failed', reason: e.message, network: isNetworkError(e) };
}
