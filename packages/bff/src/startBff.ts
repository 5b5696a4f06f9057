import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BffEnv, baseUrlsFrom, callbackOptionsFrom, limitsFrom } from './config/env.js';
import { createBff } from './createBff.js';
import { createLogger } from './log/createLogger.js';
import { bffVersion } from './ops/Ops.js';
import { Store } from './store/Store.js';

/** A running standalone BFF. */
export interface RunningBff {
  url: string;
  /**
   * Graceful shutdown: not ready at once, serving on for `BFF_SHUTDOWN_DELAY_MS` (for the load balancer to notice),
   * then no new connections, streams ended with a reconnect hint, requests in flight finished within
   * `BFF_SHUTDOWN_GRACE_MS`, background work stopped, store closed. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/** Opens the store (running migrations), builds the BFF from validated env and listens. */
export async function startBff(env: BffEnv): Promise<RunningBff> {
  const logger = createLogger({ level: env.BFF_LOG_LEVEL });
  const store =
    env.BFF_DATABASE_URL === undefined
      ? await Store.openSqlite(env.BFF_SQLITE_FILE)
      : await Store.openPostgres(env.BFF_DATABASE_URL, {
          prepare: env.BFF_PG_PREPARE,
          // Broken idle connections and LISTEN reconnects recover by themselves; they are worth a line only.
          onError: (error) => logger.warn({ err: error }, 'postgres connection error'),
        });
  const app = createBff({
    store,
    mandarin: {
      baseUrls: baseUrlsFrom(env),
      clientId: env.MANDARIN_CLIENT_ID,
      clientSecret: env.MANDARIN_CLIENT_SECRET,
      merchantId: env.MANDARIN_MERCHANT_ID,
      secret: env.MANDARIN_SECRET,
      timeoutMs: env.MANDARIN_TIMEOUT_MS,
      deadlineMs: env.MANDARIN_DEADLINE_MS,
    },
    sbpMode: env.BFF_SBP_MODE,
    reconcile:
      env.BFF_RECONCILE_INTERVAL_MS === 0
        ? false
        : { afterMs: env.BFF_RECONCILE_AFTER_MS, intervalMs: env.BFF_RECONCILE_INTERVAL_MS },
    metrics: env.BFF_METRICS
      ? env.BFF_METRICS_TOKEN === undefined
        ? true
        : { token: env.BFF_METRICS_TOKEN }
      : false,
    tracing: env.BFF_TRACING ? { propagateToMandarin: env.BFF_TRACE_PROPAGATION } : false,
    shutdownGraceMs: env.BFF_SHUTDOWN_GRACE_MS,
    sessionSecret: env.BFF_SESSION_SECRET,
    demoOperatorLogin: env.BFF_DEMO_OPERATOR_LOGIN,
    trustProxy: env.BFF_TRUST_PROXY,
    ...(env.BFF_TRUSTED_PROXIES === undefined ? {} : { trustedProxies: env.BFF_TRUSTED_PROXIES }),
    secureCookies: env.BFF_SECURE_COOKIES,
    allowedOrigins: env.BFF_ALLOWED_ORIGINS,
    limits: limitsFrom(env),
    callbackUrl:
      env.BFF_PUBLIC_URL === undefined ? undefined : new URL('/callbacks/mandarin', env.BFF_PUBLIC_URL).href,
    logger,
    callbacks: callbackOptionsFrom(env),
    sse: {
      allowedOrigins: env.BFF_SSE_ALLOWED_ORIGINS,
      ...(env.BFF_SSE_MAX_STREAMS_PER_USER ? { maxStreamsPerUser: env.BFF_SSE_MAX_STREAMS_PER_USER } : {}),
      ...(env.BFF_SSE_MAX_STREAMS_PER_ADDRESS
        ? { maxStreamsPerAddress: env.BFF_SSE_MAX_STREAMS_PER_ADDRESS }
        : {}),
      ...(env.BFF_SSE_MAX_STREAMS ? { maxStreams: env.BFF_SSE_MAX_STREAMS } : {}),
    },
  });
  await app.ready;
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(env.BFF_PORT, env.BFF_HOST, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.BFF_HOST}:${port}`;
  const callbacks = callbackOptionsFrom(env);
  // One line that says what runs: enough to tell instances apart, nothing secret (hosts only, no credentials).
  logger.info(
    {
      version: bffVersion,
      url,
      store: env.BFF_DATABASE_URL === undefined ? 'sqlite' : 'postgres',
      upstream: { env: env.MANDARIN_ENV, hosts: upstreamHosts(baseUrlsFrom(env)) },
      features: {
        metrics: env.BFF_METRICS,
        metricsToken: env.BFF_METRICS_TOKEN !== undefined,
        tracing: app.ops.tracingActive,
        traceToMandarin: app.ops.tracingActive && env.BFF_TRACE_PROPAGATION,
        reconciler: env.BFF_RECONCILE_INTERVAL_MS !== 0,
        callbacks: [
          'mandarin',
          ...(callbacks.espToken ? ['esp'] : []),
          ...(callbacks.transfersToken ? ['transfers'] : []),
          ...(callbacks.gateway?.checksumKey || callbacks.gateway?.header ? ['gateway'] : []),
          ...(callbacks.widget ? ['widget'] : []),
          ...(callbacks.processing ? ['processing'] : []),
        ],
        demoOperatorLogin: env.BFF_DEMO_OPERATOR_LOGIN,
        trustProxy: env.BFF_TRUST_PROXY,
      },
    },
    'mandarin-kit-bff listening',
  );
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => {
      closing ??= (async () => {
        logger.info(
          { delayMs: env.BFF_SHUTDOWN_DELAY_MS, graceMs: env.BFF_SHUTDOWN_GRACE_MS },
          'shutting down',
        );
        if (env.BFF_SHUTDOWN_DELAY_MS > 0) {
          app.ops.lifecycle.draining = true;
          await new Promise((resolve) => setTimeout(resolve, env.BFF_SHUTDOWN_DELAY_MS));
        }
        await app.close({ server });
        logger.info('shut down');
      })();
      return closing;
    },
  };
}

/** `scheme://host[:port]` of each upstream host: where the BFF connects, without paths or credentials. */
function upstreamHosts(baseUrls: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(baseUrls).map(([name, base]) => {
      const { protocol, host } = new URL(base);
      return [name, `${protocol}//${host}`];
    }),
  );
}
