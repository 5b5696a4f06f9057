import type { Middleware } from 'koa';
import { BffError } from './BffError.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing call must carry `X-CSRF: 1`. A cross-site form or a simple request can't set a custom
 * header, and a cross-origin fetch that sets one needs a CORS preflight, which the BFF grants only to the
 * origins in `allowedOrigins`.
 */
export function requireCsrfHeader(): Middleware {
  return (ctx, next) => {
    if (!SAFE.has(ctx.method) && ctx.get('x-csrf') !== '1') {
      throw new BffError(403, 'CSRF_REQUIRED', 'State-changing requests need the header X-CSRF: 1');
    }
    return next();
  };
}
