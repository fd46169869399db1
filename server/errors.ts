/**
 * One error shape for every failure: `{ error: { code, message, details } }`.
 * Runtime errors map by kind; fastify's own 4xx (bad JSON, body too large,
 * wrong content type) keep their status; anything else is a logged 500 that
 * reveals nothing.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { RuntimeError, type ErrorDetail, type ErrorKind } from '../runtime/errors.js';
import { UnsupportedQueryError } from '../runtime/store/port.js';

const STATUS: Record<ErrorKind, number> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  validation: 422,
};

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_VALIDATION: 'INVALID_REQUEST',
};

export function errorBody(code: string, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | RuntimeError | Error, request, reply) => {
    if (err instanceof RuntimeError) {
      return reply.status(STATUS[err.kind]).send(errorBody(err.code, err.message, err.details));
    }
    if (err instanceof UnsupportedQueryError) {
      return reply.status(400).send(errorBody('UNSUPPORTED_QUERY', err.message));
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const raw = (err as FastifyError).code;
      const own = typeof raw === 'string' && /^[A-Z_]+$/.test(raw) && !raw.startsWith('FST_') ? raw : undefined;
      const code = FASTIFY_CODES[raw] ?? own ?? (err instanceof SyntaxError ? 'INVALID_JSON' : 'BAD_REQUEST');
      const details = ((err as FastifyError).validation ?? []).map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'is invalid' }));
      const message = code === 'INVALID_JSON' ? `the body is not valid JSON: ${err.message}` : err.message;
      return reply.status(status).send(errorBody(code, message, details));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', 'something went wrong on our side; it has been logged'));
  });
}
