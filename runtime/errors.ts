/**
 * Errors the runtime raises for callers' mistakes. They carry a kind, not an
 * HTTP status: the server maps kinds to statuses, the runtime stays HTTP-free.
 */
export type ErrorKind = 'badRequest' | 'notFound' | 'conflict' | 'validation' | 'forbidden' | 'unauthorized';

export interface ErrorDetail {
  /** JSON Pointer into the request body (or definition) that is at fault. */
  path: string;
  message: string;
}

export class RuntimeError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details: ErrorDetail[] = []) =>
  new RuntimeError('badRequest', code, message, details);
export const notFound = (message: string) => new RuntimeError('notFound', 'NOT_FOUND', message);
export const conflict = (code: string, message: string, details: ErrorDetail[] = []) =>
  new RuntimeError('conflict', code, message, details);
export const invalid = (message: string, details: ErrorDetail[]) =>
  new RuntimeError('validation', 'VALIDATION_FAILED', message, details);
