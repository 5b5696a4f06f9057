import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BffEnv, baseUrlsFrom, callbackOptionsFrom, limitsFrom } from './config/env.js';
import { createBff } from './createBff.js';
import { createLogger } from './log/createLogger.js';
import { Store } from './store/Store.js';

/** A running standalone BFF. */
export interface RunningBff {
  url: string;
  close(): Promise<void>;
}

/** Opens the store (running migrations), builds the BFF from validated env and listens. */
export async function startBff(env: BffEnv): Promise<RunningBff> {
  const logger = createLogger({ level: env.BFF_LOG_LEVEL });
  const store =
    env.BFF_DATABASE_URL === undefined
      ? await Store.openSqlite(env.BFF_SQLITE_FILE)
      : await Store.openPostgres(env.BFF_DATABASE_URL, {
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
  logger.info({ url, upstream: env.MANDARIN_ENV }, 'mandarin-kit-bff listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
        .then(() => app.shutdown())
        .then(() => store.close()),
  };
}
