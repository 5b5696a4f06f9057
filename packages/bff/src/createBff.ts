import type { Server } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { cardRoutes } from './api/cards.js';
import { openApiRoutes } from './api/openApiRoutes.js';
import { operationRoutes } from './api/operations.js';
import { operatorWalletRoutes } from './api/operatorWallets.js';
import { paymentRoutes } from './api/payments.js';
import { routeTableDrift, servedRoutes } from './api/route.js';
import { sessionRoutes } from './api/session.js';
import { walletRoutes } from './api/wallets.js';
import { type BffDeps, defaultRateLimits, type RateLimits, type SbpMode } from './BffDeps.js';
import { espAdapter } from './callbacks/adapters/esp.js';
import { type GatewayOptions, gatewayAdapter } from './callbacks/adapters/gateway.js';
import { mandarinAdapter } from './callbacks/adapters/mandarin.js';
import { processingAdapter } from './callbacks/adapters/processing.js';
import { transfersAdapter } from './callbacks/adapters/transfers.js';
import { widgetAdapter } from './callbacks/adapters/widget.js';
import { CallbackRelay, type DecideCheck, defaultDecideCheck } from './callbacks/CallbackRelay.js';
import { callbackRoutes } from './callbacks/callbackRoutes.js';
import { EventFeed } from './events/EventFeed.js';
import { EventHub } from './events/EventHub.js';
import { HookRunner, type OnEvent } from './events/HookRunner.js';
import { type SseOptions, StreamLeases, sseRoutes } from './events/sseRoute.js';
import { BffError } from './http/BffError.js';
import { invalidProxyAddresses, proxyAwareness, type TrustedProxies } from './http/clientAddress.js';
import { cors, invalidOrigins } from './http/cors.js';
import { requireCsrfHeader } from './http/csrf.js';
import { errorMiddleware } from './http/errorMiddleware.js';
import { invalidPrefixes, onlyUnder, underPrefix } from './http/ownPaths.js';
import { addressKey, enforceLimits, limitProblems } from './http/rateLimit.js';
import { requestContext } from './http/requestContext.js';
import { securityHeaders } from './http/securityHeaders.js';
import { createLogger } from './log/createLogger.js';
import { redactPath } from './log/redactPath.js';
import { BankDirectory } from './operations/BankDirectory.js';
import { type MetricsOptions, Ops } from './ops/Ops.js';
import type { TracingOptions } from './ops/Tracing.js';
import { type SecureCookies, SessionCookie } from './session/sessionCookie.js';
import type { ResolveUser } from './session/User.js';
import { defaultReconcileOptions, type ReconcileOptions, Reconciler } from './status/Reconciler.js';
import type { Store } from './store/Store.js';
import { MandarinClient, type MandarinClientOptions } from './upstream/MandarinClient.js';

/** Everything `createBff` needs; `mandarin-kit-bff` builds it from environment variables. */
export interface BffOptions {
  /** An opened store (`Store.openSqlite(file)`, or PostgreSQL). */
  store: Store;
  /** Mandarin credentials and base URLs; they never leave the server. */
  mandarin: Omit<MandarinClientOptions, 'logger'>;
  /** Signs the default session cookie; at least 32 characters. Not needed with a custom `resolveUser`. */
  sessionSecret?: string;
  /** The host's hook: who is calling? Default: an anonymous signed cookie session with role `customer`. */
  resolveUser?: ResolveUser;
  /** Lets anyone sign in as operator through `POST /api/session/operator`: for demos only. */
  demoOperatorLogin?: boolean;
  /**
   * Trust `X-Forwarded-For` / `X-Forwarded-Proto` from the proxies in front of the BFF (see `trustedProxies`):
   * the client address (callbacks' allow-lists, rate limits) and HTTPS (the cookie's `Secure`) come from them.
   */
  trustProxy?: boolean;
  /** How many proxies are in front of the BFF (default 1), or their addresses; only with `trustProxy`. */
  trustedProxies?: TrustedProxies;
  /**
   * The paths the BFF answers when mounted in another Koa app (default `['/api', '/callbacks']`); every other
   * request is passed on to the app's next middleware. Served on its own, the BFF answers every path.
   */
  prefixes?: string[];
  /**
   * Origins of pages on another origin that may call the BFF with the browser's cookies (CORS with credentials,
   * the event stream included), e.g. `['https://shop.example']`. Default: none, same-origin only.
   */
  allowedOrigins?: string[];
  /** When the session cookie is `Secure`: `'auto'` (default) when the request came over HTTPS. */
  secureCookies?: SecureCookies;
  /** Where Mandarin should POST transaction callbacks (`https://…/callbacks/mandarin`). */
  callbackUrl?: string;
  /** Rate limits; each one given replaces its default (see `defaultRateLimits`). */
  limits?: Partial<RateLimits>;
  logger?: Logger;
  /** Secrets and settings of the callback routes under `/callbacks`. */
  callbacks?: CallbackOptions;
  /** Called at least once for every relayed event, from the stored event log; retried while it throws. */
  onEvent?: OnEvent;
  /** Live events over SSE. */
  sse?: Partial<SseOptions> & { maxBufferedBytes?: number };
  /** The merchant account's SBP payout mode at Mandarin (default `two-step`). */
  sbpMode?: SbpMode;
  /**
   * Follows up what waits for a callback that may be lost (operations, payments, refunds, card bindings, wallets
   * opening): its settings, or `false` to run no reconciler on this instance (another instance may).
   */
  reconcile?: Partial<ReconcileOptions> | false;
  /**
   * Prometheus metrics at `GET /metrics` (off by default): `true`, or with a bearer token the scraper must send.
   * Each app has its own registry (`app.metrics`).
   */
  metrics?: boolean | MetricsOptions;
  /**
   * OpenTelemetry spans through `@opentelemetry/api` when it is installed (default on; the host's SDK receives
   * them), or `false`. `propagateToMandarin` sends W3C `traceparent` upstream (off by default).
   */
  tracing?: boolean | TracingOptions;
  /** How long shutdown waits for requests in flight before cutting them off (default 10 000 ms). */
  shutdownGraceMs?: number;
}

/** Callback route settings; a provider whose secret is not set has no route. */
export interface CallbackOptions {
  /** Verifies Mandarin's `sign`; defaults to `mandarin.secret`. */
  mandarinSecret?: string;
  /** Secret path token of `/callbacks/esp/:token` (Mandarin does not sign ESP webhooks). */
  espToken?: string;
  espAllowedIps?: string[];
  /** Secret path token of `/callbacks/transfers/:token`. */
  transfersToken?: string;
  transfersAllowedIps?: string[];
  gateway?: GatewayOptions;
  widget?: { apiSecret: string; allowedIps?: string[]; trustProxy?: boolean };
  processing?: { publicKey: string; secret: string; recvWindowMs?: number };
  /** The merchant's decision on a widget `check`; defaults to matching order and amount with the payment. */
  decideCheck?: DecideCheck;
}

/** The BFF: a Koa app, plus readiness of its background parts and a clean shutdown. */
export type BffApp = Koa & {
  /** Resolves once background parts (cross-instance event fan-out) are listening. */
  ready: Promise<void>;
  /** @internal The reconciler of this instance, if it runs one (tests sweep it by hand). */
  reconciler: Reconciler | undefined;
  /**
   * Shuts down gracefully: readiness fails at once, `server` (if given) stops accepting, event streams end with a
   * `retry:` hint so browsers resume elsewhere by Last-Event-ID, requests in flight get `shutdownGraceMs` to
   * finish, then the reconciler and the onEvent hook stop after their current item. The store stays open.
   * Calling it again returns the same promise.
   */
  shutdown(options?: { server?: Server }): Promise<void>;
  /** {@link shutdown}, then closes the store. */
  close(options?: { server?: Server }): Promise<void>;
  /** @internal Health, metrics and traces of this app. */
  ops: Ops;
  /** This app's Prometheus registry, when metrics are on (to merge into the host's own). */
  metrics: Registry | undefined;
  /**
   * Tell the BFF that a user's session changed: new roles, or signed out. Their open event streams, on every
   * instance, end and reconnect with the browser's current cookie, so they never keep showing what the old
   * session was allowed to see. With the built-in cookie session, every cookie the user holds also stops
   * working, on every instance (its sign-in and sign-out routes do this themselves); a host with its own
   * `resolveUser` calls it when it changes a user's roles or signs them out.
   */
  sessionChanged(userId: string): Promise<void>;
  /** @internal This instance's SSE clients (tests and benchmarks measure them). */
  hub: EventHub;
};

/** Builds the BFF as a Koa app, to run standalone or mount in the merchant's own Koa app. */
export function createBff(options: BffOptions): BffApp {
  const logger = options.logger ?? createLogger();
  const limits: RateLimits = { ...defaultRateLimits, ...options.limits };
  const trust = { trustProxy: options.trustProxy ?? false, proxies: options.trustedProxies ?? 1 };
  checkOptions(options, limits);
  let session: SessionCookie | undefined;
  let resolveUser = options.resolveUser;
  if (resolveUser === undefined) {
    session = new SessionCookie(options.sessionSecret!, {
      versions: options.store.sessions,
      secure: options.secureCookies ?? 'auto',
      // A request without a cookie is a new session: counted per address, so new cookies can't be minted freely.
      beforeNew: (ctx) =>
        enforceLimits(options.store, [
          { key: addressKey('session', ctx), limit: limits.sessionCreatePerAddress },
        ]),
    });
    resolveUser = session.resolveUser;
  }
  const resolve = resolveUser;

  const hub = new EventHub(options.sse?.maxBufferedBytes ?? 256 * 1024);
  const ops = new Ops({
    store: options.store,
    hub,
    metrics: options.metrics === true ? {} : (options.metrics ?? false),
    tracing: options.tracing === false ? false : options.tracing === true ? {} : (options.tracing ?? {}),
    reachMandarin: (): Promise<void> => mandarin.warmUp(),
  });
  const mandarin = new MandarinClient({ ...options.mandarin, logger, observer: ops.upstreamObserver() });
  const feed = new EventFeed(options.store, hub, logger);
  const hooks =
    options.onEvent === undefined ? undefined : new HookRunner(options.store, options.onEvent, logger);
  const relay = new CallbackRelay(
    options.store,
    feed,
    hooks,
    options.callbacks?.decideCheck ?? defaultDecideCheck,
    logger,
    ops.relayObserver(),
  );
  const reconcile = { ...defaultReconcileOptions, ...(options.reconcile || {}) };
  const deps: BffDeps = {
    store: options.store,
    mandarin,
    logger,
    limits,
    callbackUrl: options.callbackUrl,
    events: relay,
    reconcile: { afterMs: reconcile.afterMs },
    sbpMode: options.sbpMode ?? 'two-step',
  };
  const reconciler =
    options.reconcile === false
      ? undefined
      : new Reconciler(deps, reconcile, logger, ops.reconcileObserver());
  const cb = options.callbacks ?? {};

  const allowedOrigins = options.allowedOrigins ?? [];
  // `proxy` only matters when the BFF is served on its own: mounted, Koa reads the outer app's. So the BFF
  // works out the client address and HTTPS itself (proxyAwareness), from the proxies it was told to trust.
  const app = new Koa({ proxy: options.trustProxy ?? false }) as BffApp;

  // Ends the user's open streams on every instance (they reconnect with the browser's current cookie).
  const endStreams = (userId: string) => feed.sessionChanged(userId);
  const sessionChanged = async (userId: string) => {
    // The built-in session also stops accepting every cookie the user holds, on every instance.
    await session?.revoke(undefined, userId);
    await endStreams(userId);
  };
  const api = new Router({ prefix: '/api' });
  api.use(async (ctx, next) => {
    const user = await resolve(ctx);
    if (user === undefined) throw new BffError(401, 'UNAUTHENTICATED', 'Sign in first');
    ctx.state.user = user;
    await next();
  });
  api.use(requireCsrfHeader());
  const banks = new BankDirectory(deps.mandarin);
  const heartbeatMs = options.sse?.heartbeatMs ?? 15_000;
  // A lease outlives a crashed instance by at most three heartbeats.
  const leases = new StreamLeases(options.store, logger, 3 * heartbeatMs);
  for (const routes of [
    sessionRoutes(session, options.demoOperatorLogin === true, endStreams),
    walletRoutes(deps),
    operationRoutes(deps, banks),
    paymentRoutes(deps),
    operatorWalletRoutes(deps),
    cardRoutes(deps),
    sseRoutes(
      options.store,
      hub,
      {
        heartbeatMs,
        maxStreamsPerUser: options.sse?.maxStreamsPerUser ?? 5,
        maxStreamsPerAddress: options.sse?.maxStreamsPerAddress ?? 50,
        maxStreams: options.sse?.maxStreams ?? 10_000,
        allowedOrigins: [...(options.sse?.allowedOrigins ?? []), ...allowedOrigins],
        retryMs: options.sse?.retryMs ?? 3000,
      },
      leases,
    ),
  ]) {
    // No allowedMethods(): an unknown method on a known path falls through to the NOT_FOUND error below.
    api.use(routes.routes());
  }
  const openApi = openApiRoutes();
  checkRouteTable([...servedRoutes(openApi), ...servedRoutes(api)]);
  const callbacks = callbackRoutes(
    relay,
    {
      mandarin: mandarinAdapter(cb.mandarinSecret ?? options.mandarin.secret),
      esp: cb.espToken ? espAdapter({ token: cb.espToken, allowedIps: cb.espAllowedIps ?? [] }) : undefined,
      transfers: cb.transfersToken
        ? transfersAdapter({ token: cb.transfersToken, allowedIps: cb.transfersAllowedIps ?? [] })
        : undefined,
      // Unsigned gateway callbacks would be believed: without a checksum key or header there is no route.
      gateway:
        cb.gateway?.checksumKey !== undefined || cb.gateway?.header !== undefined
          ? gatewayAdapter(cb.gateway)
          : undefined,
      widget: cb.widget
        ? widgetAdapter({
            apiSecret: cb.widget.apiSecret,
            allowedIps: cb.widget.allowedIps ?? ['130.193.70.192'],
          })
        : undefined,
      processing: cb.processing
        ? processingAdapter({
            publicKey: cb.processing.publicKey,
            secret: cb.processing.secret,
            defaultRecvWindowMs: cb.processing.recvWindowMs ?? 5000,
          })
        : undefined,
    },
    {
      widget: { trustProxy: cb.widget?.trustProxy ?? false, proxies: trust.proxies },
      others: trust,
    },
  );
  // Health and readiness always, metrics when on: with the BFF mounted at `/`, these paths are its own too.
  const opsPaths = ['/healthz', '/readyz', ...(ops.metrics === undefined ? [] : ['/metrics'])];
  app.use(
    onlyUnder(options.prefixes ?? ['/api', '/callbacks', ...opsPaths], app, [
      requestContext(logger),
      // Outside the error middleware, so that it sees every answer's final status.
      ops.lifecycle.middleware(),
      errorMiddleware(),
      proxyAwareness(trust),
      securityHeaders(),
      cors(allowedOrigins),
      // Each router only sees its own paths: an /api request doesn't try every callback route first.
      underPrefix('/callbacks', callbacks.routes()),
      underPrefix('/api', openApi.routes()),
      underPrefix('/api', api.routes()),
      async (ctx) => {
        throw new BffError(404, 'NOT_FOUND', `No route for ${ctx.method} ${redactPath(ctx.path)}`);
      },
    ]),
  );
  app.hub = hub;
  app.sessionChanged = sessionChanged;
  app.ready = Promise.all([feed.start(), ops.ready]).then(() => undefined);
  hooks?.start();
  reconciler?.start();
  app.reconciler = reconciler;
  app.metrics = ops.metrics?.registry;
  app.ops = ops;
  const graceMs = options.shutdownGraceMs ?? 10_000;
  let stopping: Promise<void> | undefined;
  app.shutdown = (how = {}) => {
    stopping ??= (async () => {
      const finished = await ops.lifecycle.drain(hub, graceMs, how.server);
      if (!finished)
        logger.warn({ graceMs }, 'shutdown grace period over: requests still in flight were cut off');
      await reconciler?.stop();
      await leases.stop();
      await hooks?.stop();
      await feed.stop();
      ops.stop();
    })();
    return stopping;
  };
  app.close = async (how) => {
    await app.shutdown(how);
    await options.store.close();
  };
  return app;
}

/** The BFF serves exactly the browser API's route table (core's `routes`): a route outside it is a bug. */
function checkRouteTable(served: ReturnType<typeof servedRoutes>): void {
  const { undeclared, unserved } = routeTableDrift(served);
  if (undeclared.length + unserved.length === 0) return;
  throw new Error(
    `createBff: the /api routes differ from the route table (packages/core/src/api/routes.ts)\n` +
      [
        ...undeclared.map((r) => `  served, not in the table: ${r}`),
        ...unserved.map((r) => `  in the table, not served: ${r}`),
      ].join('\n'),
  );
}

/** Refuses, before anything starts, options that can't work; every problem in one message. */
function checkOptions(options: BffOptions, limits: RateLimits): void {
  const problems = limitProblems({ ...limits }).map((line) => `limits.${line}`);
  if (options.resolveUser === undefined && (options.sessionSecret ?? '').length < 32) {
    problems.push('sessionSecret must be at least 32 characters (or pass resolveUser)');
  }
  const proxies = options.trustedProxies;
  if (proxies !== undefined) {
    if (options.trustProxy !== true) problems.push('trustedProxies is set but trustProxy is not true');
    if (typeof proxies === 'number' && (!Number.isSafeInteger(proxies) || proxies < 1)) {
      problems.push('trustedProxies must be a count ≥ 1 or a list of addresses');
    }
    if (typeof proxies !== 'number' && proxies.length === 0) problems.push('trustedProxies is an empty list');
    const bad = invalidProxyAddresses(proxies);
    if (bad.length > 0) problems.push(`trustedProxies holds what is not an IP address: ${bad.join(', ')}`);
  }
  const grace = options.shutdownGraceMs;
  if (grace !== undefined && (!Number.isSafeInteger(grace) || grace < 0)) {
    problems.push('shutdownGraceMs must be a whole number of milliseconds ≥ 0');
  }
  const badPrefixes = invalidPrefixes(options.prefixes ?? []);
  if (options.prefixes?.length === 0) problems.push('prefixes is an empty list');
  if (badPrefixes.length > 0) problems.push(`prefixes must be paths like /api: ${badPrefixes.join(', ')}`);
  const badOrigins = invalidOrigins(options.allowedOrigins ?? []);
  if (badOrigins.length > 0) {
    problems.push(`allowedOrigins must be origins like https://shop.example: ${badOrigins.join(', ')}`);
  }
  for (const name of ['maxStreamsPerUser', 'maxStreamsPerAddress', 'maxStreams'] as const) {
    const value = options.sse?.[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
      problems.push(`sse.${name} must be a whole number ≥ 1`);
    }
  }
  if (problems.length > 0) throw new Error(`createBff: invalid options\n  ${problems.join('\n  ')}`);
}
