import type { ErrorCode } from '@mandarin-kit/core';

/**
 * An error the BFF answers with on purpose: its status, code and message go to the browser as the error
 * body. Anything thrown that is not a BffError (or a zod error) becomes a 500 that says nothing internal.
 */
export class BffError extends Error {
  override readonly name = 'BffError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: Record<string, string[]>;
      headers?: Record<string, string>;
      /** Machine-readable facts of this error (`available` for INSUFFICIENT_FUNDS). */
      details?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
}

/** 404 with the same words whether the thing is missing or someone else's: ownership must not leak. */
export function notFound(what: string): BffError {
  return new BffError(404, 'NOT_FOUND', `${what} not found`);
}
