import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Logger } from 'pino';
import { userOf } from '../api/context.js';
import { BffError } from '../http/BffError.js';
import { type EventCursor, formatCursor, parseCursor } from '../store/events.js';
import type { Store } from '../store/Store.js';
import { type EventHub, type SseClient, sseFrame } from './EventHub.js';

/** SSE settings. */
export interface SseOptions {
  /** Comment heartbeats, well under proxies' idle timeouts. Default 15 s. */
  heartbeatMs: number;
  /** Streams one user may hold open on one instance. */
  maxStreamsPerUser: number;
  /** Streams one client address may hold open, whatever cookies it sends, on all instances together. */
  maxStreamsPerAddress: number;
  /** Streams open in all, on all instances together. */
  maxStreams: number;
  /** Origins allowed besides the BFF's own (the host page's, when it differs). */
  allowedOrigins: readonly string[];
  /** The `retry:` hint, ms. */
  retryMs: number;
}

/** Where the client asks to resume (`Last-Event-ID`, or `?lastEventId=` on a reopen), if it names a position. */
function lastEventId(ctx: Context): EventCursor | undefined {
  const raw =
    ctx.get('last-event-id') || (typeof ctx.query.lastEventId === 'string' ? ctx.query.lastEventId : '');
  return parseCursor(raw);
}

/**
 * `GET /api/events`: the signed-in user's events (operators: the operator stream too) as `text/event-stream`,
 * every event with its `id`, replayed from `Last-Event-ID` out of the event log (so also after a restart or on
 * another instance), then a data-less message carrying the resume point, then live; comment heartbeats; no
 * compression or buffering.
 */
export function sseRoutes(store: Store, hub: EventHub, options: SseOptions, leases: StreamLeases): Router {
  const router = new Router();
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
    const lease = await leases.acquire(String(ctx.state.clientIp ?? ''), options);
    if (lease === 'address') throw tooMany('from this address');
    if (lease === 'total') throw tooMany('on this service');
    // Gone already: its 'close' has fired and would never give the lease back.
    if (ctx.req.socket.destroyed) {
      leases.release(lease);
      ctx.respond = false;
      return;
    }
    const res = ctx.res;
    res.once('close', () => leases.release(lease));
    ctx.respond = false;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': ctx.state.requestId,
    });
    res.write(`retry: ${options.retryMs}\n\n`);
    const from = lastEventId(ctx);
    const client: SseClient = {
      userId: user.id,
      operator: user.roles.includes('operator'),
      res,
      // Without a resume point, from where this instance's feed stands as the stream joins (in the same tick):
      // whatever the feed publishes next reaches it, even an event that commits while the stream opens.
      last: from ?? hub.position,
      held: [],
    };
    hub.add(client);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs);
    res.on('close', () => {
      clearInterval(heartbeat);
      hub.remove(client);
    });
    // Subscribed first, replayed second: live events that arrive meanwhile wait in `held`.
    // Replayed up to the visibility horizon; what commits beyond it reaches `held` through the feed, which reads
    // the log in the same order and only below the same (ever-rising) horizon, so nothing falls in between.
    if (from !== undefined) {
      for (;;) {
        const page = await store.events.after(client.last, client.userId, client.operator);
        for (const event of page) {
          client.last = { tx: event.tx, seq: event.seq };
          res.write(sseFrame(event));
        }
        if (page.length === 0) break;
      }
    }
    // The resume point, even when no event has been sent: an `id:` with an empty `data:` is dispatched as a
    // data-less message, so both the browser's own reconnect (Last-Event-ID) and the kit's reopen after a
    // refused reconnect resume from here instead of from whenever they get back.
    res.write(`id: ${formatCursor(client.last)}\ndata:\n\n`);
    const held = client.held ?? [];
    client.held = null;
    for (const event of held) hub.write(client, event);
  });
  return router;
}

/**
 * This instance's leases on open event streams (see `StreamLeaseTable`): taken when a stream opens, given back
 * when it closes, and renewed together on a timer so that they outlive no more than `ttlMs` a crashed instance.
 */
export class StreamLeases {
  private readonly instance = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly ttlMs: number,
  ) {}

  /** A lease id, or which cap refused it. */
  async acquire(
    address: string,
    caps: Pick<SseOptions, 'maxStreamsPerAddress' | 'maxStreams'>,
  ): Promise<string | 'address' | 'total'> {
    this.timer ??= this.renewEvery(Math.max(1000, Math.floor(this.ttlMs / 3)));
    const id = randomUUID();
    const refused = await this.store.streamLeases.acquire(
      { id, instance: this.instance, address, expiresAt: Date.now() + this.ttlMs },
      { perAddress: caps.maxStreamsPerAddress, total: caps.maxStreams },
    );
    return refused ?? id;
  }

  /** Gives a lease back; a failure only leaves it to run out. */
  release(id: string): void {
    if (this.stopped) return; // given back with every other one by stop()
    const done = this.store.streamLeases
      .release(id)
      .catch((err) => this.logger.warn({ err }, 'stream lease not released; it will run out'))
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Stops renewing and gives back every lease this instance holds. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.pending);
    await this.store.streamLeases
      .releaseAll(this.instance)
      .catch((err) => this.logger.warn({ err }, 'stream leases not released; they will run out'));
  }

  private renewEvery(ms: number): NodeJS.Timeout {
    const timer = setInterval(() => {
      this.store.streamLeases
        .renew(this.instance, Date.now() + this.ttlMs)
        .catch((err) => this.logger.warn({ err }, 'stream leases not renewed'));
    }, ms);
    timer.unref();
    return timer;
  }
}
