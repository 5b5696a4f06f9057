import Router from '@koa/router';
import type { Context } from 'koa';
import { clientAddress, type ProxyTrust } from '../http/clientAddress.js';
import { readRawBody } from '../http/readBody.js';
import { requestLog } from '../http/requestContext.js';
import type { CallbackRelay } from './CallbackRelay.js';
import { type CallbackAdapter, CallbackRefused } from './types.js';

/**
 * `/callbacks/...`: one route per provider, outside session and CSRF handling. Refusals store nothing and say
 * little (401/403/400); a storage failure is a 503 so that the provider retries.
 */
export function callbackRoutes(
  relay: CallbackRelay,
  adapters: Partial<
    Record<'mandarin' | 'esp' | 'transfers' | 'gateway' | 'widget' | 'processing', CallbackAdapter>
  >,
  proxy: { widget: ProxyTrust; others: ProxyTrust },
): Router {
  const router = new Router({ prefix: '/callbacks' });
  const handle = (adapter: CallbackAdapter, source: ProxyTrust) => async (ctx: Context) => {
    const rawBody = await readRawBody(ctx, 64 * 1024);
    try {
      const ack = await relay.receive(adapter, {
        method: ctx.method,
        url: ctx.originalUrl,
        params: (ctx as Context & { params: Record<string, string> }).params ?? {},
        query: Object.fromEntries(
          Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]),
        ),
        headers: ctx.headers as Record<string, string | undefined>,
        rawBody,
        sourceIp: clientAddress(ctx, source),
        now: Date.now(),
      });
      ctx.status = ack.status;
      ctx.type = ack.contentType;
      ctx.body = ack.body;
    } catch (error) {
      if (error instanceof CallbackRefused) {
        requestLog(ctx).warn(
          { provider: adapter.provider, status: error.status, reason: error.message },
          'callback refused',
        );
        ctx.status = error.status;
        ctx.type = 'text/plain';
        ctx.body = error.status === 400 ? 'Bad Request' : error.status === 401 ? 'Unauthorized' : 'Forbidden';
        return;
      }
      requestLog(ctx).error(
        { err: error, provider: adapter.provider },
        'callback not stored; asking the provider to retry',
      );
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'Service Unavailable';
    }
  };
  const routes: Array<[keyof typeof adapters, Array<'get' | 'post'>, string]> = [
    ['mandarin', ['post', 'get'], '/mandarin'],
    ['esp', ['post'], '/esp/:token'],
    ['transfers', ['post'], '/transfers/:token'],
    ['gateway', ['get', 'post'], '/gateway'],
    ['widget', ['post'], '/widget/:type'],
    ['processing', ['post'], '/processing'],
  ];
  for (const [name, methods, path] of routes) {
    const adapter = adapters[name];
    if (adapter === undefined) continue; // not configured: no route, a plain 404
    for (const method of methods)
      router[method](path, handle(adapter, name === 'widget' ? proxy.widget : proxy.others));
  }
  return router;
}
