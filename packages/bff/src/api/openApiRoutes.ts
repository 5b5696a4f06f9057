import Router from '@koa/router';
import { createOpenApiDocument, type OpenApiDocument } from '@mandarin-kit/core';
import { ok, route } from './route.js';

/**
 * `GET /api/openapi.json`: the browser API's own description. No session needed and the same for everyone, so it
 * may be cached; built from the route table on the first request, not at start-up.
 */
export function openApiRoutes(): Router {
  const router = new Router({ prefix: '/api' });
  let document: OpenApiDocument | undefined;
  route(router, 'openApiDocument', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    document ??= createOpenApiDocument();
    return ok(document);
  });
  return router;
}
