/**
 * JSON over fetch with the server's error shape turned into ApiError, so pages
 * branch on `status` (404, 409, 422…) and show `details` at fields.
 */
import type { ErrorDetail } from '../../../runtime/ui/types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** Status 0: the request never got an answer (offline, server down). */
export const isNetworkError = (e: unknown) => e instanceof ApiError && e.status === 0;

/** 401: no valid session (never signed in, expired, signed out elsewhere, or wrong credentials at sign-in). */
export const isUnauthorized = (e: unknown) => e instanceof ApiError && e.status === 401;

function headers(hasBody: boolean, token: string | undefined): HeadersInit {
  // Lets the server's audit trail tell app edits from integrations.
  const h: Record<string, string> = { accept: 'application/json', 'x-stagecraft-client': 'app' };
  if (hasBody) h['content-type'] = 'application/json';
  if (token) h.authorization = `Bearer ${token}`;
  return h;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `token` is the tenant's session token; only sign-in goes without one. */
export async function request<T>(method: Method, url: string, body?: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: headers(body !== undefined, token), body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.details ?? []);
  }
  return json as T;
}
