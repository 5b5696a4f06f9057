import { mandarinErrorResponseSchema, oauthTokenResponseSchema } from '@mandarin-kit/core';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { BffError } from '../http/BffError.js';
import {
  allScopes,
  fillPath,
  type UpstreamHost,
  type UpstreamRoute,
  type UpstreamRouteName,
  upstreamRoutes,
} from './routes.js';
import { TokenCache } from './TokenCache.js';
import {
  nodeTransport,
  parseOrigin,
  type Transport,
  type UpstreamOrigin,
  type UpstreamResponse,
} from './transport.js';
import { xAuthHeader } from './xAuth.js';

/** Credentials and endpoints of the merchant's Mandarin account; they never leave the server. */
export interface MandarinClientOptions {
  baseUrls: Record<UpstreamHost, string>;
  clientId: string;
  clientSecret: string;
  merchantId: string;
  /** The X-Auth secret of the classic API. */
  secret: string;
  /** Per-attempt timeout in ms. */
  timeoutMs: number;
  /**
   * Budget of one call in ms, all its attempts and the token request included (default 15 000): a hung upstream
   * gives a 504 within it, however many attempts remain.
   */
  deadlineMs?: number;
  logger: Logger;
  /** How requests are sent; node:http(s) with keep-alive by default. */
  transport?: Transport;
  now?: () => number;
  /** Watches each attempt and token request (metrics, traces); it never sees bodies or credentials. */
  observer?: UpstreamObserver;
}

/** Hooks around each upstream attempt and each token request. */
export interface UpstreamObserver {
  /** An attempt starts: headers to add (trace context), and a callback for its outcome. */
  attempt(route: UpstreamRouteName): {
    headers?: Record<string, string>;
    end(outcome: UpstreamOutcome): void;
  };
  /** A token request ended: a token came back, or not. */
  token(ok: boolean): void;
}

/** How an attempt ended: `ok`, Mandarin's refusal, a timeout, or a failure worth retrying. */
export type UpstreamOutcome = 'ok' | 'rejected' | 'unauthorized' | 'timeout' | 'unavailable' | 'unreachable';

/** One upstream call. */
export interface CallOptions<S extends z.ZodType> {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  schema: S;
  /**
   * A POST is repeated only when the caller says the body carries the same `orderId` (Mandarin dedupes on it);
   * GETs are always safe to repeat. Such a call ends in {@link OutcomeUnknown} instead of a plain failure when
   * Mandarin may have received it.
   */
  repeatable?: boolean;
}

const MAX_ATTEMPTS = 3;
const DEFAULT_DEADLINE_MS = 15_000;
/** Mandarin's `errorCode` for an orderId it has seen before: the request it names arrived earlier. */
const DUPLICATE_ORDER = -2;

/**
 * Mandarin's definite refusal (a 4xx other than 401/403/429): it created nothing. Answered to the browser as
 * 422 UPSTREAM_REJECTED with Mandarin's words; `upstreamStatus` (404: no such thing) and Mandarin's `errorCode`
 * are for the BFF's own decisions.
 */
export class UpstreamRejected extends BffError {
  constructor(
    message: string,
    readonly upstreamStatus: number,
    readonly errorCode: number | null,
  ) {
    super(422, 'UPSTREAM_REJECTED', message);
  }
}

/**
 * A request carrying an `orderId` whose outcome the BFF doesn't know: its answer was lost (timeout, reset, 5xx)
 * after it may have reached Mandarin, or Mandarin said it had this orderId already (`errorCode -2`). Nothing
 * may be concluded from it: the operation stays pending until Mandarin's own word (callback or status read).
 * Uncaught, it answers like the upstream failure behind it.
 */
export class OutcomeUnknown extends BffError {
  constructor(
    cause: BffError,
    /** Mandarin said the orderId exists: the request certainly arrived (earlier). */
    readonly duplicate: boolean,
  ) {
    super(cause.status, cause.code, cause.message);
  }
}

/**
 * Talks to Mandarin: OAuth token caching with single flight, one forced renewal and retry on a 401, X-Auth on
 * the classic API, a timeout on every attempt, retries only where repeating is safe, and upstream failures
 * turned into the BFF's own error codes without leaking anything internal.
 */
export class MandarinClient {
  private readonly tokens: TokenCache;
  private readonly transport: Transport;
  private readonly origins: Record<UpstreamHost, UpstreamOrigin>;

  constructor(private readonly options: MandarinClientOptions) {
    this.transport = options.transport ?? nodeTransport;
    this.origins = Object.fromEntries(
      Object.entries(options.baseUrls).map(([host, base]) => [host, parseOrigin(base)]),
    ) as Record<UpstreamHost, UpstreamOrigin>;
    const { observer } = options;
    const fetchToken =
      observer === undefined
        ? () => this.requestToken()
        : () =>
            this.requestToken().then(
              (token) => {
                observer.token(true);
                return token;
              },
              (error: unknown) => {
                observer.token(false);
                throw error;
              },
            );
    this.tokens = new TokenCache(fetchToken, options.now);
  }

  /** Gets a token unless one is cached: readiness asks whether Mandarin was reached at least once. */
  async warmUp(): Promise<void> {
    await this.tokens.get();
  }

  /** Calls a route from the upstream table and validates the answer with `schema`. */
  async call<S extends z.ZodType>(name: UpstreamRouteName, call: CallOptions<S>): Promise<z.infer<S>> {
    const route: UpstreamRoute = upstreamRoutes[name];
    const repeatable = route.method === 'GET' || call.repeatable === true;
    const deadline = Date.now() + (this.options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    // Whether an earlier attempt of this call may have reached Mandarin (only matters for a repeatable POST).
    let mayHaveArrived = false;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      // A cached token needs no timer nor race against the deadline (the hot path: one per call otherwise).
      const token =
        route.auth === 'bearer'
          ? (this.tokens.peek() ?? (await this.tokenBefore(deadline, name)))
          : undefined;
      const watch = this.options.observer?.attempt(name);
      const outcome = await this.attempt(name, route, call, token?.accessToken, deadline, watch?.headers);
      watch?.end(outcomeOf(outcome));
      if (outcome.kind === 'ok') return this.parse(name, call.schema, outcome.body);
      if (outcome.kind === 'duplicate' && call.repeatable === true) {
        throw new OutcomeUnknown(outcome.error, true);
      }
      if (outcome.kind === 'unauthorized' && token !== undefined && !renewed) {
        renewed = true;
        await this.tokens.invalidate(token.accessToken);
        attempt--; // the forced renewal's retry is not one of the transient-failure retries
        continue;
      }
      if (outcome.kind === 'transient') mayHaveArrived = true;
      // A request that never reached Mandarin can always be sent again; one that may have, only if repeatable.
      const retry = outcome.kind === 'refused' || (repeatable && outcome.kind === 'transient');
      const pause = 50 * 2 ** attempt;
      if (retry && attempt < MAX_ATTEMPTS && Date.now() + pause < deadline) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        continue;
      }
      // A definite refusal of a re-send means neither try created anything (a created one answers errorCode -2).
      if (call.repeatable === true && outcome.kind !== 'final' && mayHaveArrived) {
        throw new OutcomeUnknown(outcome.error, false);
      }
      throw outcome.error;
    }
  }

  /** The token, unless getting it would overrun the call's deadline (then a 504: nothing was sent). */
  private async tokenBefore(deadline: number, name: UpstreamRouteName) {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.timeout(name)), Math.max(0, deadline - Date.now()));
    });
    try {
      return await Promise.race([this.tokens.get(), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private timeout(name: UpstreamRouteName): BffError {
    this.options.logger.warn({ upstream: name }, 'upstream timed out');
    return new BffError(504, 'UPSTREAM_TIMEOUT', 'The payment service did not answer in time');
  }

  private async attempt(
    name: UpstreamRouteName,
    route: UpstreamRoute,
    call: CallOptions<z.ZodType>,
    accessToken: string | undefined,
    deadline: number,
    extraHeaders: Record<string, string> | undefined,
  ): Promise<Outcome> {
    const timeoutMs = Math.min(this.options.timeoutMs, deadline - Date.now());
    if (timeoutMs <= 0) return { kind: 'transient', error: this.timeout(name) };
    const { options } = this;
    const query = call.query === undefined ? '' : new URLSearchParams(call.query).toString();
    const path = fillPath(route.path, call.params) + (query === '' ? '' : `?${query}`);
    const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
    if (accessToken !== undefined) {
      headers.authorization = `Bearer ${accessToken}`;
      headers.mid = options.merchantId;
    }
    if (route.auth === 'xauth') headers['x-auth'] = xAuthHeader(options.merchantId, options.secret);
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const started = Date.now();
    let response: UpstreamResponse;
    try {
      response = await this.transport(
        { origin: this.origins[route.host], path },
        {
          method: route.method,
          headers,
          ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
          timeoutMs,
        },
      );
    } catch (error) {
      return this.networkFailure(name, error);
    }
    const { text } = response;
    // Built only when it will be written: with debug off (the default) this costs nothing per call.
    if (options.logger.isLevelEnabled('debug')) {
      options.logger.debug(
        { upstream: name, status: response.status, ms: Date.now() - started },
        'upstream call',
      );
    }
    if (response.status >= 200 && response.status < 300) {
      try {
        return { kind: 'ok', body: text === '' ? {} : JSON.parse(text) };
      } catch {
        return this.fail(
          'transient',
          name,
          502,
          'UPSTREAM_UNAVAILABLE',
          'Mandarin sent an unreadable answer',
        );
      }
    }
    if (response.status === 401) {
      options.logger.warn({ upstream: name }, 'upstream refused our credentials');
      return {
        kind: 'unauthorized',
        error: new BffError(502, 'UPSTREAM_UNAVAILABLE', 'The payment service is unavailable'),
      };
    }
    if (response.status >= 500 || response.status === 429) {
      return this.fail('transient', name, 502, 'UPSTREAM_UNAVAILABLE', 'The payment service is unavailable');
    }
    if (response.status === 403) {
      options.logger.error(
        { upstream: name },
        'upstream refused the scope or merchant: check the credentials',
      );
      return this.fail('final', name, 502, 'UPSTREAM_UNAVAILABLE', 'The payment service is unavailable');
    }
    const parsed = mandarinErrorResponseSchema.safeParse(safeJson(text));
    const message = parsed.success ? parsed.data.error : `Mandarin refused the request (${response.status})`;
    options.logger.info(
      { upstream: name, status: response.status, message },
      'upstream rejected the request',
    );
    const errorCode = parsed.success ? (parsed.data.errorCode ?? null) : null;
    return {
      kind: errorCode === DUPLICATE_ORDER ? 'duplicate' : 'final',
      error: new UpstreamRejected(message, response.status, errorCode),
    };
  }

  private networkFailure(name: UpstreamRouteName, error: unknown): Failure {
    const cause = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if ((error as Error).name === 'TimeoutError') return { kind: 'transient', error: this.timeout(name) };
    this.options.logger.warn({ upstream: name, cause }, 'upstream unreachable');
    const kind = cause === 'ECONNREFUSED' ? 'refused' : 'transient';
    return { kind, error: new BffError(502, 'UPSTREAM_UNAVAILABLE', 'The payment service is unavailable') };
  }

  private fail(
    kind: 'transient' | 'final',
    _name: string,
    status: number,
    code: 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_REJECTED',
    message: string,
  ): Outcome {
    return { kind, error: new BffError(status, code, message) };
  }

  private parse<S extends z.ZodType>(name: UpstreamRouteName, schema: S, body: unknown): z.infer<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      this.options.logger.error(
        { upstream: name, issues: parsed.error.issues.map((i) => i.path.join('.')) },
        'upstream answer did not match its schema',
      );
      throw new BffError(502, 'UPSTREAM_UNAVAILABLE', 'The payment service sent an unexpected answer');
    }
    return parsed.data;
  }

  private async requestToken(): Promise<{
    accessToken: string;
    expiresIn: number;
    scopes: readonly string[];
  }> {
    const { options } = this;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: allScopes.join(' '),
    });
    for (let attempt = 1; ; attempt++) {
      let response: UpstreamResponse;
      try {
        response = await this.transport(
          { origin: this.origins.oauth, path: upstreamRoutes.oauthToken.path },
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: form.toString(),
            timeoutMs: options.timeoutMs,
          },
        );
      } catch (error) {
        const outcome = this.networkFailure('oauthToken', error);
        if (attempt < MAX_ATTEMPTS) continue;
        throw outcome.error;
      }
      const { text } = response;
      if (response.status >= 200 && response.status < 300) {
        const token = this.parse('oauthToken', oauthTokenResponseSchema, safeJson(text));
        return {
          accessToken: token.access_token,
          expiresIn: token.expires_in,
          scopes: (token.scope ?? allScopes.join(' ')).split(' '),
        };
      }
      if (response.status >= 500 && attempt < MAX_ATTEMPTS) continue;
      options.logger.error(
        { upstream: 'oauthToken', status: response.status },
        'token request refused: check MANDARIN_CLIENT_ID/SECRET',
      );
      throw new BffError(502, 'UPSTREAM_UNAVAILABLE', 'The payment service is unavailable');
    }
  }
}

type Failure = {
  kind: 'unauthorized' | 'transient' | 'refused' | 'final' | 'duplicate';
  error: BffError;
};
type Outcome = { kind: 'ok'; body: unknown } | Failure;

function outcomeOf(outcome: Outcome): UpstreamOutcome {
  if (outcome.kind === 'ok') return 'ok';
  if (outcome.kind === 'final' || outcome.kind === 'duplicate') {
    return outcome.error instanceof UpstreamRejected ? 'rejected' : 'unavailable';
  }
  if (outcome.kind === 'unauthorized') return 'unauthorized';
  if (outcome.kind === 'refused') return 'unreachable';
  return outcome.error.code === 'UPSTREAM_TIMEOUT' ? 'timeout' : 'unavailable';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
