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
  /** Streams one client address may hold open on one instance, whatever cookies it sends. */
  maxStreamsPerAddress: number;
  /** Streams one instance holds open in all. */
  maxStreams: number;
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
  const perAddress = new Map<string, number>();
  let open = 0;
  const tooMany = (what: string) =>
    new BffError(429, 'RATE_LIMITED', `Too many open event streams ${what}`, {
      headers: { 'Retry-After': '5' },
    });
  router.get('/events', async (ctx) => {
    const user = userOf(ctx);
    const origin = ctx.get('origin');
    // Koa's ctx.origin echoes the Origin header when present, so the BFF's own origin is built by hand.
    const own = `${ctx.state.https === true ? 'https' : 'http'}://${ctx.host}`;
    if (origin !== '' && origin !== own && !options.allowedOrigins.includes(origin)) {
      throw new BffError(403, 'FORBIDDEN', 'This origin may not open the event stream');
    }
    if (hub.countFor(user.id) >= options.maxStreamsPerUser) throw tooMany('for this user');
    const address = String(ctx.state.clientIp ?? '');
    const fromAddress = perAddress.get(address) ?? 0;
    if (fromAddress >= options.maxStreamsPerAddress) throw tooMany('from this address');
    if (open >= options.maxStreams) throw tooMany('on this server');
    // Gone already: its 'close' has fired and would never give the slot back.
    if (ctx.req.socket.destroyed) {
      ctx.respond = false;
      return;
    }
    perAddress.set(address, fromAddress + 1);
    open++;
    const res = ctx.res;
    res.once('close', () => {
      open--;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
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
