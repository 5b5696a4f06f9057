import Router from '@koa/router';
import type { Context } from 'koa';
import { userOf } from '../api/context.js';
import { BffError } from '../http/BffError.js';
import type { Store } from '../store/Store.js';
import { type EventHub, type SseClient, sseFrame } from './EventHub.js';

/** SSE settings. */
export interface SseOptions {
  /** Comment heartbeats, well under proxies' idle timeouts. Default 15 s. */
  heartbeatMs: number;
  /** Streams one user may hold open on one instance. */
  maxStreamsPerUser: number;
  /** Origins allowed besides the BFF's own (the host page's, when it differs). */
  allowedOrigins: readonly string[];
  /** The `retry:` hint, ms. */
  retryMs: number;
}

function lastEventId(ctx: Context): bigint {
  const raw =
    ctx.get('last-event-id') || (typeof ctx.query.lastEventId === 'string' ? ctx.query.lastEventId : '');
  return /^\d{1,19}$/.test(raw) ? BigInt(raw) : -1n;
}

/**
 * `GET /api/events`: the signed-in user's events (operators: the operator stream too) as `text/event-stream`,
 * every event with its `id`, replayed from `Last-Event-ID` out of the event log (so also after a restart or on
 * another instance), then a data-less message carrying the resume point, then live; comment heartbeats; no
 * compression or buffering.
 */
export function sseRoutes(store: Store, hub: EventHub, options: SseOptions): Router {
  const router = new Router();
  router.get('/events', async (ctx) => {
    const user = userOf(ctx);
    const origin = ctx.get('origin');
    // Koa's ctx.origin echoes the Origin header when present, so the BFF's own origin is built by hand.
    const own = `${ctx.protocol}://${ctx.host}`;
    if (origin !== '' && origin !== own && !options.allowedOrigins.includes(origin)) {
      throw new BffError(403, 'FORBIDDEN', 'This origin may not open the event stream');
    }
    if (hub.countFor(user.id) >= options.maxStreamsPerUser) {
      throw new BffError(429, 'RATE_LIMITED', 'Too many open event streams', {
        headers: { 'Retry-After': '5' },
      });
    }
    const res = ctx.res;
    ctx.respond = false;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': ctx.state.requestId,
    });
    res.write(`retry: ${options.retryMs}\n\n`);
    const client: SseClient = {
      userId: user.id,
      operator: user.roles.includes('operator'),
      res,
      lastSeq: 0n,
      held: [],
    };
    hub.add(client);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs);
    res.on('close', () => {
      clearInterval(heartbeat);
      hub.remove(client);
    });
    // Subscribed first, replayed second: live events that arrive meanwhile wait in `held`.
    const from = lastEventId(ctx);
    let cursor = from >= 0n ? from : await store.events.lastSeq();
    client.lastSeq = cursor;
    if (from >= 0n) {
      for (;;) {
        const page = await store.events.after(cursor, client.userId, client.operator);
        for (const event of page) {
          client.lastSeq = event.seq;
          res.write(sseFrame(event));
        }
        if (page.length === 0) break;
        cursor = page[page.length - 1]!.seq;
      }
    }
    // The resume point, even when no event has been sent: an `id:` with an empty `data:` is dispatched as a
    // data-less message, so both the browser's own reconnect (Last-Event-ID) and the kit's reopen after a
    // refused reconnect resume from here instead of from whenever they get back.
    res.write(`id: ${client.lastSeq}\ndata:\n\n`);
    const held = client.held ?? [];
    client.held = null;
    for (const event of held) hub.write(client, event);
  });
  return router;
}
