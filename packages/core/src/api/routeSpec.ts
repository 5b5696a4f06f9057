import type { z } from 'zod';
import type { ErrorCode } from '../errors/errorCodes.js';
import type { PathParamNames, RouteRef } from './routes.js';

// The vocabulary the browser API's contract (`contract.ts`) is written in: what a route's full description holds,
// and the error codes every route shares with the statuses they are answered with.

/** Who may call a route: anyone (no session needed), any signed-in user, or operators only. */
export type RouteAccess = 'public' | 'user' | 'operator';

/** A path parameter: its schema, and what a malformed or unknown one is reported as (`Wallet not found`). */
export interface ParamSpec {
  readonly schema: z.ZodType<string, string>;
  readonly what: string;
}

/** An answer that is not JSON: a CSV download or the event stream. */
export interface MediaAnswer {
  readonly contentType: 'text/csv' | 'text/event-stream';
  readonly description: string;
}

/** What a route answers with one status: a JSON view, a non-JSON body, or nothing (`null`, for 204). */
export type AnswerSpec = z.ZodType | MediaAnswer | null;

interface RouteSpecBase {
  /** One line, for the reference and the OpenAPI `summary`. */
  readonly summary: string;
  /** More words, where one line is not enough. */
  readonly description?: string;
  /** The capability it belongs to (the OpenAPI tag). */
  readonly tag: string;
  readonly access: RouteAccess;
  /** The query string, parsed by the BFF (`?kind=top_up,deposit&limit=20`). */
  readonly query?: z.ZodType;
  /** The JSON body. */
  readonly body?: z.ZodType;
  /** The answers it gives on success, by status. */
  readonly responses: Readonly<Record<number, AnswerSpec>>;
  /** The error codes this route answers with besides {@link commonErrors}. */
  readonly errors: readonly ErrorCode[];
}

/** Any route's full description, as code that walks the whole table reads it. */
export type AnyRouteSpec = RouteSpecBase & { readonly params?: Readonly<Record<string, ParamSpec>> };

/**
 * The full description of route `R`: its path parameters are exactly those of the template, and it has a body
 * or query schema exactly when the light table says it takes one.
 */
export type RouteSpec<R extends RouteRef> = Omit<RouteSpecBase, 'body' | 'query'> &
  ([PathParamNames<R['path']>] extends [never]
    ? { readonly params?: undefined }
    : { readonly params: { readonly [K in PathParamNames<R['path']>]: ParamSpec } }) &
  (R extends { body: true } ? { readonly body: z.ZodType } : { readonly body?: undefined }) &
  (R extends { query: true } ? { readonly query: z.ZodType } : { readonly query?: undefined });

/** Error codes any route may answer: no session (a host's own sign-in), a refused origin, limits, a crash. */
export const commonErrors = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];

/** What a call that carries a body may also be refused with (before the route reads it). */
export const bodyErrors = [
  'CSRF_REQUIRED',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
] as const satisfies readonly ErrorCode[];

/** The statuses each error code is answered with. */
export const errorStatuses: Readonly<Record<ErrorCode, readonly number[]>> = {
  VALIDATION_FAILED: [400, 415],
  UNAUTHENTICATED: [401],
  FORBIDDEN: [403],
  CSRF_REQUIRED: [403],
  NOT_FOUND: [404],
  CONFLICT: [409],
  IDEMPOTENCY_KEY_REUSED: [422],
  RATE_LIMITED: [429],
  INSUFFICIENT_FUNDS: [422],
  PAYLOAD_TOO_LARGE: [413],
  UPSTREAM_REJECTED: [422],
  UPSTREAM_TIMEOUT: [504],
  UPSTREAM_UNAVAILABLE: [502],
  INTERNAL: [500],
};
