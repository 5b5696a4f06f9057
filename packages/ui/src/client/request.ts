import { errorBodySchema, isErrorCode } from '@mandarin-kit/core';
import type { z } from 'zod';
import { ApiError } from './ApiError.js';

/** Per-call options of every client method. */
export interface CallOptions {
  /** Cancels the call; an aborted call rejects with the AbortError, not an ApiError. */
  signal?: AbortSignal;
}

/** Options of a state-changing call. */
export interface MutationOptions extends CallOptions {
  /**
   * The user action this call belongs to. Pass the same key when retrying the same action; without one the
   * call is its own action and gets a fresh key.
   */
  idempotencyKey?: string;
}

/** What a single HTTP call needs. */
export interface RequestSpec<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal | undefined;
  /** The view the answer must match; an answer that does not is a `BAD_RESPONSE`. */
  schema: S;
}

/** Performs one call with the BFF's conventions (cookies, `X-CSRF`, JSON, error bodies). */
export type Requester = <S extends z.ZodType>(spec: RequestSpec<S>) => Promise<z.output<S>>;

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromResponse(response: Response, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  const retryAfter = retryAfterSeconds(response);
  if (parsed.success) {
    const { code, message, fields, details, requestId } = parsed.data.error;
    return new ApiError({ code, message, status: response.status, fields, details, requestId, retryAfter });
  }
  // A proxy or a crashed server answered instead of the BFF: keep the status, guess the nearest code.
  const raw = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  const code = isErrorCode(raw) ? raw : response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  return new ApiError({ code, message: `HTTP ${response.status}`, status: response.status, retryAfter });
}

/**
 * Holds back a browser's first calls until the BFF has answered one of them. A browser without the session
 * cookie gets a new anonymous user from each call it sends, so if a page's first calls went out together each
 * would become its own user and the last `Set-Cookie` would win: a wallet created by one of them would belong
 * to nobody the page can reach again, and the event stream would listen for yet another. One call goes first;
 * the rest follow once any answer (an error status included) has set the cookie. A call that never reached
 * the BFF leaves the gate closed and the next waiting call goes first instead.
 *
 * Other tabs of the site share the cookie jar, so two tabs opened together would race the same way. Where the
 * browser has Web Locks, each page's first call holds one lock until it is answered: another tab's first call
 * waits for it and then goes out with the cookie.
 */
export interface SessionGate {
  /** Sends `send` now if the BFF has answered before, otherwise once it has (or first, if nothing is on its way). */
  through<T>(send: () => Promise<T>): Promise<T>;
  /**
   * Resolves once the BFF has answered: at once when it has, after the call on its way when there is one,
   * otherwise after `probe` (a call that itself goes through this gate). A probe that fails ends the wait
   * too: the caller carries on as it would have without the gate.
   */
  opened(probe: () => Promise<unknown>): Promise<void>;
}

const ignore = () => {};

export function createSessionGate(): SessionGate {
  let open = false;
  let opening: Promise<unknown> | undefined;
  const through = async <T>(send: () => Promise<T>): Promise<T> => {
    while (!open) {
      if (!opening) {
        const first = globalThis.navigator?.locks?.request('mandarin-kit:session', send) ?? send();
        opening = first;
        try {
          const answer = await first;
          open = true;
          return answer;
        } finally {
          opening = undefined;
        }
      }
      await opening.then(ignore, ignore);
    }
    return send();
  };
  return {
    through,
    async opened(probe) {
      await opening?.then(ignore, ignore);
      if (!open) await probe().then(ignore, ignore);
    },
  };
}

/** Builds the requester for a BFF at `root` (no trailing slash; '' for the same origin). */
export function createRequester(root: string, fetchImpl: typeof fetch, gate: SessionGate): Requester {
  return async (spec) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (spec.method !== 'GET') headers['X-CSRF'] = '1';
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.idempotencyKey !== undefined) headers['Idempotency-Key'] = spec.idempotencyKey;
    let response: Response;
    try {
      response = await gate.through(() =>
        fetchImpl(`${root}${spec.path}`, {
          method: spec.method,
          headers,
          credentials: 'include',
          ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
          signal: spec.signal ?? null,
        }),
      );
    } catch (error) {
      if (spec.signal?.aborted) throw error;
      return Promise.reject(
        new ApiError({ code: 'NETWORK', message: 'The server could not be reached', cause: error }),
      );
    }
    const body = await readJson(response);
    if (!response.ok) throw errorFromResponse(response, body);
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError({
        code: 'BAD_RESPONSE',
        message: `Unexpected answer from ${spec.method} ${spec.path}`,
        status: response.status,
        requestId: response.headers.get('X-Request-Id'),
        cause: parsed.error,
      });
    }
    return parsed.data;
  };
}
