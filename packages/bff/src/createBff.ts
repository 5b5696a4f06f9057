import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import { operationRoutes } from './api/operations.js';
import { operatorWalletRoutes } from './api/operatorWallets.js';
import { paymentRoutes } from './api/payments.js';
import { sessionRoutes } from './api/session.js';
import { walletRoutes } from './api/wallets.js';
import { type BffDeps, defaultRateLimits, type RateLimits } from './BffDeps.js';
import { BffError } from './http/BffError.js';
import { requireCsrfHeader } from './http/csrf.js';
import { errorMiddleware } from './http/errorMiddleware.js';
import { requestContext } from './http/requestContext.js';
import { securityHeaders } from './http/securityHeaders.js';
import { createLogger } from './log/createLogger.js';
import { BankDirectory } from './operations/BankDirectory.js';
import { SessionCookie } from './session/sessionCookie.js';
import type { ResolveUser } from './session/User.js';
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
  /** Trust `X-Forwarded-*` from a proxy in front of the BFF. */
  trustProxy?: boolean;
  /** Where Mandarin should POST transaction callbacks (`https://…/callbacks/mandarin`). */
  callbackUrl?: string;
  limits?: Partial<RateLimits>;
  logger?: Logger;
}

/** Builds the BFF as a Koa app, to run standalone or mount in the merchant's own Koa app. */
export function createBff(options: BffOptions): Koa {
  const logger = options.logger ?? createLogger();
  const deps: BffDeps = {
    store: options.store,
    mandarin: new MandarinClient({ ...options.mandarin, logger }),
    logger,
    limits: { ...defaultRateLimits, ...options.limits },
    callbackUrl: options.callbackUrl,
  };
  let session: SessionCookie | undefined;
  let resolveUser = options.resolveUser;
  if (resolveUser === undefined) {
    if (!options.sessionSecret || options.sessionSecret.length < 32) {
      throw new Error('createBff: sessionSecret must be at least 32 characters (or pass resolveUser)');
    }
    session = new SessionCookie(options.sessionSecret);
    resolveUser = session.resolveUser;
  }
  const resolve = resolveUser;

  const app = new Koa({ proxy: options.trustProxy ?? false });
  app.use(requestContext(logger));
  app.use(errorMiddleware());
  app.use(securityHeaders());

  const api = new Router({ prefix: '/api' });
  api.use(async (ctx, next) => {
    const user = await resolve(ctx);
    if (user === undefined) throw new BffError(401, 'UNAUTHENTICATED', 'Sign in first');
    ctx.state.user = user;
    await next();
  });
  api.use(requireCsrfHeader());
  const banks = new BankDirectory(deps.mandarin);
  for (const routes of [
    sessionRoutes(session, options.demoOperatorLogin === true),
    walletRoutes(deps),
    operationRoutes(deps, banks),
    paymentRoutes(deps),
    operatorWalletRoutes(deps),
  ]) {
    api.use(routes.routes(), routes.allowedMethods({ throw: false }));
  }
  app.use(api.routes());
  app.use(async (ctx) => {
    throw new BffError(404, 'NOT_FOUND', `No route for ${ctx.method} ${ctx.path}`);
  });
  return app;
}
