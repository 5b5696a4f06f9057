import { type ErrorBody, fieldsFromZodError } from '@mandarin-kit/core';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { BffError } from './BffError.js';
import { requestLog } from './requestContext.js';

/**
 * The first middleware: turns whatever was thrown into the error body of DESIGN.md. A zod error is a 400
 * VALIDATION_FAILED with field paths, a BffError its own status and code, anything else a 500 that says
 * nothing internal (the details go to the log, under the request id).
 */
export function errorMiddleware(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const requestId: string = ctx.state.requestId ?? 'unknown';
      let status = 500;
      let body: ErrorBody;
      if (error instanceof z.ZodError) {
        status = 400;
        body = {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Some fields are not valid',
            fields: fieldsFromZodError(error),
            requestId,
          },
        };
      } else if (error instanceof BffError) {
        status = error.status;
        body = { error: { code: error.code, message: error.message, requestId } };
        if (error.extra.fields) body.error.fields = error.extra.fields;
        if (error.extra.details) body.error.details = error.extra.details;
        for (const [name, value] of Object.entries(error.extra.headers ?? {})) ctx.set(name, value);
      } else {
        if (ctx.state.rootLog !== undefined) requestLog(ctx).error({ err: error }, 'unhandled error');
        body = { error: { code: 'INTERNAL', message: 'Something went wrong on our side', requestId } };
      }
      ctx.status = status;
      ctx.body = body;
    }
  };
}
