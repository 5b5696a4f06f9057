import type { Middleware } from 'koa';
import type { Scheduler } from '../clock/Scheduler.js';
import type { FaultRegistry } from './FaultRegistry.js';

/** Default hold for a `timeout` fault: longer than any sane client timeout. */
const DEFAULT_TIMEOUT_HOLD_MS = 60_000;
/** Default extra latency of a `slow` fault. */
const DEFAULT_SLOW_MS = 1_000;

/**
 * Applies injected request faults to upstream routes (never to `/__emulator`, so a test can always
 * clear them). A faulted request is not processed, except `slow`, which only delays it, and
 * `lost-response`, which processes it completely and then drops the answer: the client can't tell
 * whether anything happened, which is exactly what an idempotent retry has to cope with.
 */
export function faultMiddleware(emulator: {
  faults: FaultRegistry;
  scheduler: Scheduler;
  log(line: string): void;
}): Middleware {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/__emulator')) return next();
    const fault = emulator.faults.takeRequestFault(`${ctx.method} ${ctx.path}`);
    if (!fault) return next();
    emulator.log(`fault ${fault.kind} on ${ctx.method} ${ctx.path}`);
    switch (fault.kind) {
      case '5xx':
        ctx.status = fault.status !== undefined && fault.status >= 500 ? fault.status : 503;
        ctx.body = { error: 'Service temporarily unavailable (injected fault)' };
        return;
      case '401':
        ctx.status = 401;
        ctx.set('WWW-Authenticate', 'Bearer error="invalid_token"');
        ctx.body = { error: 'Access token expired (injected fault)', error_code: 'invalid_token' };
        return;
      case 'slow':
        if (!(await emulator.scheduler.sleepMs(fault.delayMs ?? DEFAULT_SLOW_MS))) return;
        return next();
      case 'timeout':
        // Never answer: hold the connection, then drop it without a response.
        await emulator.scheduler.sleepMs(fault.delayMs ?? DEFAULT_TIMEOUT_HOLD_MS);
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      case 'lost-response':
        try {
          await next();
        } finally {
          ctx.respond = false;
          ctx.req.socket.destroy();
        }
        return;
      default:
        return next();
    }
  };
}
