import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { redactPath } from '../log/redactPath.js';

// A caller's request id is kept only if it is short and plain, so it can't inject into logs or headers.
const SAFE_ID = /^[\w-]{8,64}$/;

/**
 * Gives every request an id (echoed in `X-Request-Id` and in every error body and log line) and a child logger,
 * and writes one access-log line per request: method, route path (secret path tokens redacted), status and
 * time, never bodies or queries.
 */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    // A child logger costs an allocation and a redaction setup; most requests never log beyond the access line.
    let child: Logger | undefined;
    Object.defineProperty(ctx.state, 'log', { get: () => (child ??= logger.child({ requestId })) });
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      if (logger.isLevelEnabled('info')) {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        const line = {
          requestId,
          method: ctx.method,
          path: redactPath(ctx.path),
          status: ctx.status,
          ms,
          userId: ctx.state.user?.id,
        };
        logger.info(line, 'request');
      }
    }
  };
}
