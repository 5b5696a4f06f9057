import type { Middleware } from 'koa';
import { HttpError } from './HttpError.js';

/**
 * Outermost middleware: every refusal becomes `{"error": ...}` with a 4xx, and anything unexpected a 500
 * that names nothing internal (the detail goes to the logger), so that no input can crash the emulator.
 */
export function errorMiddleware(log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      // Unmatched routes and wrong methods get the same JSON error body as everything else.
      if (ctx.status === 404 && ctx.body == null) {
        ctx.status = 404;
        ctx.body = { error: `No route for ${ctx.method} ${ctx.path}` };
      } else if (ctx.status === 405 && ctx.body == null) {
        ctx.status = 405;
        ctx.body = { error: `Method ${ctx.method} not allowed on ${ctx.path}` };
      }
    } catch (error) {
      if (error instanceof HttpError) {
        ctx.status = error.status;
        ctx.body = { error: error.message, ...error.extra };
        return;
      }
      // Koa's own errors (ctx.throw, http-errors from the router) carry a client status we can keep.
      const status = (error as { status?: unknown }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        ctx.status = status;
        ctx.body = { error: (error as Error).message || 'Bad request' };
        return;
      }
      log(`internal error on ${ctx.method} ${ctx.path}: ${(error as Error)?.stack ?? String(error)}`);
      ctx.status = 500;
      ctx.body = { error: 'Internal emulator error' };
    }
  };
}
