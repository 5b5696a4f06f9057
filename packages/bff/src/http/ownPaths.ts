import type Koa from 'koa';
import type { Context, Middleware, Next } from 'koa';

/** Any Koa middleware, routers' included (their context type is wider than the app's). */
// biome-ignore lint/suspicious/noExplicitAny: the chain mixes routers' and plain middleware.
type AnyMiddleware = Middleware<any, any>;

/** Checks the prefixes option: each one a path like `/api`, without a trailing slash. */
export function invalidPrefixes(prefixes: readonly string[]): string[] {
  return prefixes.filter((prefix) => !/^\/[\w.~-]+(\/[\w.~-]+)*$/.test(prefix));
}

/** Whether `path` is `prefix` itself or below it (`/api`, `/api/wallets`; not `/apis`). */
export function isUnder(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Runs `chain` (the BFF's own middleware, ending in its JSON 404) for requests under `prefixes`, and passes every
 * other request on untouched: mounted with `mount('/', bff)` in a merchant's Koa app, the merchant's own routes
 * and static files after it stay reachable, without the BFF's headers or error bodies. Served on its own (`app`
 * is the app Koa runs), the BFF answers every path, so an unknown one gets its JSON 404.
 */
export function onlyUnder(
  prefixes: readonly string[],
  app: Koa,
  chain: readonly AnyMiddleware[],
): Middleware {
  const run = (i: number, ctx: Context, next: Next): Promise<unknown> => {
    const middleware = chain[i];
    if (middleware === undefined) return next();
    return Promise.resolve(middleware(ctx, () => run(i + 1, ctx, next)));
  };
  return (ctx, next) => (ctx.app === app || isUnder(ctx.path, prefixes) ? run(0, ctx, next) : next());
}

/** Runs `middleware` (a router) only for paths at or below `prefix`; every other request goes straight on. */
export function underPrefix(prefix: string, middleware: AnyMiddleware): AnyMiddleware {
  const below = `${prefix}/`;
  return (ctx, next) => (ctx.path === prefix || ctx.path.startsWith(below) ? middleware(ctx, next) : next());
}
