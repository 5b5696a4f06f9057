import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from '@koa/router';
import Koa from 'koa';
import { registerAccountRoutes } from './accounts/accountRoutes.js';
import { registerAdminRoutes } from './admin/adminRoutes.js';
import { registerInspectRoutes } from './admin/inspectRoutes.js';
import type { EmulatorStats } from './admin/Stats.js';
import { registerCardBindingRoutes } from './cardBindings/cardBindingRoutes.js';
import { hostedCardBindings } from './cardBindings/hostedCardBindings.js';
import { EmulatorContext } from './EmulatorContext.js';
import { registerEspRoutes } from './esp/espRoutes.js';
import { faultMiddleware } from './faults/faultMiddleware.js';
import { registerHostedRoutes } from './hosted/hostedRoutes.js';
import { registerHostedFieldRoutes } from './hostedFields/hostedFieldRoutes.js';
import { errorMiddleware } from './http/errorMiddleware.js';
import { registerOAuthRoutes } from './oauth/oauthRoutes.js';
import { type EmulatorOptions, type ResolvedEmulatorOptions, resolveOptions } from './options.js';
import { registerProviderRoutes } from './providers/providerRoutes.js';
import { registerSbpRoutes } from './sbp/sbpRoutes.js';
import { hostedTransactions } from './transactions/hostedTransactions.js';
import { registerSbpPayoutRoutes } from './transactions/sbpPayoutRoutes.js';
import { registerTransactionRoutes } from './transactions/transactionRoutes.js';

/** A started emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: point every upstream base URL of the BFF here. */
  url: string;
  port: number;
  /** Cancels every timer and delivery, drops open connections and stops listening. */
  close(): Promise<void>;
}

/** An emulator instance: its Koa app, a way to start it, and handles for tests. */
export interface Emulator {
  /** The Koa app, for mounting elsewhere; call `dispose()` when done if you listen yourself. */
  app: Koa;
  /** Options with defaults filled in; `callbackUrl`, `webhookUrl` and `publicUrl` may be changed at runtime. */
  options: ResolvedEmulatorOptions;
  /** Listens on 127.0.0.1 (port 0: any free port). */
  start(port?: number): Promise<RunningEmulator>;
  /** Forgets all state and cancels all timers, as `POST /__emulator/reset` does. */
  reset(): void;
  /** Live counters, as `GET /__emulator/stats` returns them. */
  stats(): EmulatorStats;
  /** The last OTP code sent for an ESP. */
  otpCode(espId: string): string | undefined;
  /** Cancels timers and deliveries without closing a server (for apps mounted elsewhere). */
  dispose(): void;
  /** Internal state, for tests and tools built on the emulator. */
  context: EmulatorContext;
}

/** Counts upstream requests per route pattern; the admin API is left out so tests don't count themselves. */
function statsMiddleware(emulator: EmulatorContext): Koa.Middleware {
  return async (ctx, next) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      if (!ctx.path.startsWith('/__emulator')) {
        const pattern = (ctx as { _matchedRoute?: unknown })._matchedRoute;
        const label = `${ctx.method} ${typeof pattern === 'string' ? pattern : ctx.path}`;
        emulator.stats.requestsByRoute[label] = (emulator.stats.requestsByRoute[label] ?? 0) + 1;
      }
      emulator.log(`${ctx.method} ${ctx.url} ${ctx.status} ${Date.now() - started}ms`);
    }
  };
}

/**
 * Creates an offline Mandarin: OAuth, ESP, transactions, SBP, sub-merchants, card bindings, the hosted
 * payment page and hosted card fields, signed callbacks with retries, the other providers' callback senders
 * and the admin API under `/__emulator`. Nothing listens until `start()`.
 */
export function createEmulator(options?: EmulatorOptions): Emulator {
  const emulator = new EmulatorContext(resolveOptions(options));
  const router = new Router();
  registerOAuthRoutes(router, emulator);
  registerEspRoutes(router, emulator);
  registerTransactionRoutes(router, emulator);
  registerSbpRoutes(router, emulator);
  registerSbpPayoutRoutes(router, emulator);
  registerAccountRoutes(router, emulator);
  registerCardBindingRoutes(router, emulator);
  registerHostedRoutes(router, [hostedTransactions(emulator), hostedCardBindings(emulator)]);
  registerHostedFieldRoutes(router, emulator);
  registerAdminRoutes(router, emulator);
  registerInspectRoutes(router, emulator);
  registerProviderRoutes(router, emulator);

  const app = new Koa();
  // Stats outermost, so they log the status the error middleware settled on.
  app.use(statsMiddleware(emulator));
  app.use(errorMiddleware((line) => emulator.log(line)));
  app.use(faultMiddleware(emulator));
  app.use(router.routes());
  app.use(router.allowedMethods());

  const dispose = () => {
    emulator.scheduler.cancelAll();
    emulator.deliveries.reset();
  };

  return {
    app,
    options: emulator.options,
    context: emulator,
    reset: () => emulator.reset(),
    stats: () => structuredClone(emulator.stats),
    otpCode: (espId) => emulator.esps.get(espId)?.otp?.code,
    dispose,
    start(port = 0) {
      const server = http.createServer(app.callback());
      return new Promise<RunningEmulator>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const url = `http://127.0.0.1:${address.port}`;
          resolve({
            url,
            port: address.port,
            close: () =>
              new Promise<void>((done) => {
                dispose();
                server.close(() => done());
                server.closeAllConnections();
              }),
          });
        });
      });
    },
  };
}
