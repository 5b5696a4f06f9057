import type { Middleware } from 'koa';
import { BffError } from './BffError.js';

/** The request headers a page sends the BFF: JSON bodies, the CSRF header, idempotency keys, SSE resumes. */
const ALLOWED_HEADERS = 'Accept, Content-Type, X-CSRF, Idempotency-Key, Last-Event-ID';
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
/** Answer headers the UI client reads: when to retry after a 429, and the request id of an error. */
const EXPOSED_HEADERS = 'Retry-After, X-Request-Id';

/** Origins a BFF option or variable may list: `https://shop.example`, exactly as a browser sends `Origin`. */
export function invalidOrigins(origins: readonly string[]): string[] {
  return origins.filter((origin) => {
    try {
      const url = new URL(origin);
      return url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:');
    } catch {
      return true;
    }
  });
}

/**
 * CORS for pages on other origins, with credentials (the session cookie): an allowed origin gets its own origin
 * back, `Allow-Credentials`, and a preflight answer for the methods and headers the UI client sends (`X-CSRF`,
 * `Idempotency-Key`), the event stream included. Any other origin gets no CORS header at all, so the browser
 * keeps the answer from the page; its preflight is refused with 403, so a state-changing call never runs.
 */
export function cors(allowedOrigins: readonly string[]): Middleware {
  const allowed = new Set(allowedOrigins);
  return (ctx, next) => {
    const origin = ctx.get('origin');
    const preflight = ctx.method === 'OPTIONS' && ctx.get('access-control-request-method') !== '';
    // Answers differ by Origin only when some origin is allowed; caches must then keep them apart.
    if (allowed.size > 0) ctx.vary('Origin');
    if (origin === '' || !allowed.has(origin)) {
      if (preflight) throw new BffError(403, 'FORBIDDEN', 'This origin may not call the BFF');
      return next();
    }
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Access-Control-Allow-Credentials', 'true');
    if (preflight) {
      ctx.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
      ctx.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      ctx.set('Access-Control-Max-Age', '600');
      ctx.status = 204;
      return Promise.resolve();
    }
    ctx.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    return next();
  };
}
