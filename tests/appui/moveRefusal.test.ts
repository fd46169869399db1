/** How the board reads a refused move from the server's answer. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../builder/src/api/http.js';
import { moveRefusal } from '../../builder/src/board/moveRefusal.js';

describe('move refusals', () => {
  it('422 naming fields or the checklist asks for input', () => {
    const e = new ApiError(422, 'TRANSITION_FIELDS_REQUIRED', 'fill in amount', [{ path: '/fields/amount', message: 'is required for this transition' }]);
    expect(moveRefusal(e)).toMatchObject({ kind: 'askInput', fields: ['amount'], checklist: false });
    const c = new ApiError(422, 'CHECKLIST_INCOMPLETE', 'tick', [{ path: '/checklist', message: '"budget" is required' }]);
    expect(moveRefusal(c)).toMatchObject({ kind: 'askInput', fields: [], checklist: true });
  });

  it('a 422 about the entry condition is a failure with the server\'s reason, not a dialog', () => {
    const e = new ApiError(422, 'TRANSITION_CONDITION', 'the entry condition of stage won does not hold', [{ path: '/fields', message: 'must satisfy …' }]);
    expect(moveRefusal(e)).toEqual({ kind: 'failed', reason: 'the entry condition of stage won does not hold', network: false });
  });

  it('409: locked by an approval, or stale', () => {
    expect(moveRefusal(new ApiError(409, 'APPROVAL_PENDING', 'waiting for approval', [{ path: '/approval', message: 'r1' }]))).toEqual({ kind: 'locked', reason: 'waiting for approval' });
    expect(moveRefusal(new ApiError(409, 'STALE_VERSION', 'changed'))).toEqual({ kind: 'stale' });
    expect(moveRefusal(new ApiError(409, 'ALREADY_IN_STAGE', 'already', [{ path: '/to', message: 'is the current stage' }]))).toEqual({ kind: 'stale' });
  });

  it('403: not in the pipeline, or not for this user', () => {
    expect(moveRefusal(new ApiError(403, 'TRANSITION_NOT_ALLOWED', 'no transition from a to b'))).toMatchObject({ kind: 'forbidden', notInPipeline: true });
    expect(moveRefusal(new ApiError(403, 'TRANSITION_FORBIDDEN', 'only the owner'))).toMatchObject({ kind: 'forbidden', notInPipeline: false, reason: 'only the owner' });
  });

  it('404 is gone, no answer is a network failure', () => {
    expect(moveRefusal(new ApiError(404, 'NOT_FOUND', 'no opportunity'))).toEqual({ kind: 'gone', reason: 'no opportunity' });
    expect(moveRefusal(new ApiError(0, 'NETWORK', 'fetch failed'))).toMatchObject({ kind: 'failed', network: true });
  });
});
