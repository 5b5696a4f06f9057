import type { ErrorCode } from '@mandarin-kit/core';

/** What went wrong with a BFF call: the BFF's own codes, plus `NETWORK` and `BAD_RESPONSE` seen only here. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/** Init of an {@link ApiError}. */
export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  /** HTTP status; 0 when no answer arrived. */
  status?: number;
  /** Messages per field by dotted path (`document.serial`), for `VALIDATION_FAILED`. */
  fields?: Record<string, string[]>;
  /** Machine-readable facts: `available` (a wire amount) for `INSUFFICIENT_FUNDS`. */
  details?: Record<string, string>;
  requestId?: string | null;
  /** Seconds from `Retry-After`, for `RATE_LIMITED`. */
  retryAfter?: number | null;
  cause?: unknown;
}

const RETRYABLE: ReadonlySet<ApiErrorCode> = new Set([
  'NETWORK',
  'RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL',
]);

/** A failed BFF call. Branch on `code`; `message` is for people and logs. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly fields: Record<string, string[]>;
  readonly details: Record<string, string>;
  readonly requestId: string | null;
  readonly retryAfter: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.fields = init.fields ?? {};
    this.details = init.details ?? {};
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }

  /**
   * True when repeating the same action may succeed (network, 5xx, rate limit): the retry must reuse the
   * action's `Idempotency-Key` so that the BFF never performs it twice.
   */
  get retryable(): boolean {
    return RETRYABLE.has(this.code) || this.status >= 500;
  }
}

/**
 * True for an {@link ApiError}, also across bundle copies: checks the name and code, not the prototype, so that
 * a component that only asks this question does not carry the class into its bundle.
 */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as ApiError).code === 'string';
}
