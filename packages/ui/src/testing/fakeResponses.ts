import type { ApiErrorCode } from '../client/ApiError.js';

// How the fake BFF answers, as the real one does: JSON bodies, error statuses, the DESIGN.md error body.

/** The status the BFF answers each error code with. */
export const HTTP_STATUS: Partial<Record<ApiErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UPSTREAM_REJECTED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_TIMEOUT: 504,
};

/** A JSON answer. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** The BFF's error body. */
export function fakeErrorBody(
  requestId: string,
  code: ApiErrorCode,
  message: string,
  fields?: Record<string, string[]>,
  details?: Record<string, string>,
) {
  return {
    error: {
      code,
      message,
      ...(fields ? { fields } : {}),
      ...(details ? { details } : {}),
      requestId,
    },
  };
}
