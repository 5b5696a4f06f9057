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
  logger: Logger;
  /** How requests are sent; node:http(s) with keep-alive by default. */
  transport?: Transport;
  now?: () => number;
}

/** One upstream call. */
export interface CallOptions<S extends z.ZodType> {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  schema: S;
  /**
   * A POST is repeated only when the caller says the body carries the same `orderId` (Mandarin dedupes on it);
   * GETs are always safe to repeat.
   */
  repeatable?: boolean;
}

const MAX_ATTEMPTS = 3;

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
    this.tokens = new TokenCache(() => this.requestToken(), options.now);
  }

  /** Calls a route from the upstream table and validates the answer with `schema`. */
  async call<S extends z.ZodType>(name: UpstreamRouteName, call: CallOptions<S>): Promise<z.infer<S>> {
    const route: UpstreamRoute = upstreamRoutes[name];
    const repeatable = route.method === 'GET' || call.repeatable === true;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const token = route.auth === 'bearer' ? await this.tokens.get() : undefined;
      const outcome = await this.attempt(name, route, call, token?.accessToken);
      if (outcome.kind === 'ok') return this.parse(name, call.schema, outcome.body);
      if (outcome.kind === 'unauthorized' && token !== undefined && !renewed) {
        renewed = true;
        await this.tokens.invalidate(token.accessToken);
        attempt--; // the forced renewal's retry is not one of the transient-failure retries
        continue;
      }
      // A request that never reached Mandarin can always be sent again; one that may have, only if repeatable.
      const retry = outcome.kind === 'refused' || (repeatable && outcome.kind === 'transient');
      if (retry && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        continue;
      }
      throw outcome.error;
    }
  }

  private async attempt(
    name: UpstreamRouteName,
    route: UpstreamRoute,
    call: CallOptions<z.ZodType>,
    accessToken: string | undefined,
  ): Promise<Outcome> {
    const { options } = this;
    const query = call.query === undefined ? '' : new URLSearchParams(call.query).toString();
    const path = fillPath(route.path, call.params) + (query === '' ? '' : `?${query}`);
    const headers: Record<string, string> = { accept: 'application/json' };
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
          timeoutMs: options.timeoutMs,
        },
      );
    } catch (error) {
      return this.networkFailure(name, error);
    }
    const { text } = response;
    options.logger.debug(
      { upstream: name, status: response.status, ms: Date.now() - started },
      'upstream call',
    );
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
    return this.fail('final', name, 422, 'UPSTREAM_REJECTED', message);
  }

  private networkFailure(name: UpstreamRouteName, error: unknown): Failure {
    const cause = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if ((error as Error).name === 'TimeoutError') {
      this.options.logger.warn({ upstream: name }, 'upstream timed out');
      return {
        kind: 'transient',
        error: new BffError(504, 'UPSTREAM_TIMEOUT', 'The payment service did not answer in time'),
      };
    }
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

type Failure = { kind: 'unauthorized' | 'transient' | 'refused' | 'final'; error: BffError };
type Outcome = { kind: 'ok'; body: unknown } | Failure;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
