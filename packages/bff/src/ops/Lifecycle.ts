import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import net from 'node:net';
import type { Context, Middleware } from 'koa';
import type { EventHub } from '../events/EventHub.js';
import type { BffMetrics } from './BffMetrics.js';
import type { Readiness } from './readiness.js';
import type { Tracing } from './Tracing.js';

/** How often a draining instance looks again for streams to end and requests still running. */
const DRAIN_TICK_MS = 25;
/**
 * How long after it stops listening a connection without a request is still given to send one: a client that
 * connected just before may not have been heard yet, and cutting it would fail a request that was never seen.
 */
const LATE_REQUEST_MS = 500;

/** What the operations endpoints and the request instrumentation work with. */
export interface LifecycleParts {
  readiness: (draining: boolean) => Promise<Readiness>;
  metrics: BffMetrics | undefined;
  /** Bearer token `GET /metrics` requires, if any. */
  metricsToken: string | undefined;
  /** Set once `@opentelemetry/api` has loaded (and tracing is on). */
  tracing: () => Tracing | undefined;
}

/**
 * The BFF's life as the people who run it see it: `/healthz`, `/readyz` and `/metrics`, every request counted
 * and traced, and a drain on shutdown (not ready at once, requests in flight finished, streams ended with a hint
 * to reconnect elsewhere).
 */
export class Lifecycle {
  /** Shutdown has begun: readiness fails and every response closes its connection. */
  draining = false;
  private inFlight = 0;

  constructor(private readonly parts: LifecycleParts) {}

  /** Requests being answered now (event streams only while they open). */
  get busy(): number {
    return this.inFlight;
  }

  /** Serves the operations endpoints and wraps every other request in metrics and a span. */
  middleware(): Middleware {
    const { parts } = this;
    return async (ctx, next) => {
      if (ctx.method === 'GET' || ctx.method === 'HEAD') {
        if (ctx.path === '/healthz') return this.health(ctx);
        if (ctx.path === '/readyz') return this.ready(ctx);
        if (ctx.path === '/metrics' && parts.metrics !== undefined) return this.scrape(ctx, parts.metrics);
      }
      this.inFlight++;
      const started = performance.now();
      const tracing = parts.tracing();
      try {
        if (tracing === undefined) await next();
        else {
          await tracing.request(ctx.state.requestId, ctx.method, next, () => ({
            route: routeOf(ctx),
            status: ctx.status,
          }));
        }
      } finally {
        this.inFlight--;
        // Keep-alive connections would outlive the drain: the client opens its next one elsewhere.
        if (this.draining && !ctx.headerSent) ctx.set('Connection', 'close');
        parts.metrics?.request(ctx.method, routeOf(ctx), ctx.status, (performance.now() - started) / 1000);
      }
    };
  }

  /**
   * Shutdown: stops `server` accepting (if given), ends event streams with a `retry:` hint, and waits for
   * requests in flight, at most `graceMs`; then cuts what is still open. Resolves whether everything finished.
   */
  async drain(hub: EventHub, graceMs: number, server?: Server): Promise<boolean> {
    this.draining = true;
    // Stops listening, but unlike http's close() does not cut connections that have sent no request yet: one
    // accepted a moment ago is about to. They get LATE_REQUEST_MS; answers close their connection (see above).
    if (server?.listening) net.Server.prototype.close.call(server);
    const stoppedAt = Date.now();
    const deadline = stoppedAt + graceMs;
    for (;;) {
      // Spread over a second, so that the browsers of one instance don't all come back in the same instant.
      const open = hub.drain(200 + Math.floor(Math.random() * 800));
      const late = server !== undefined && Date.now() - stoppedAt < Math.min(LATE_REQUEST_MS, graceMs);
      if (open === 0 && this.inFlight === 0 && !late) break;
      if (Date.now() >= deadline) {
        server?.closeAllConnections();
        hub.closeAll();
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, DRAIN_TICK_MS));
    }
    server?.closeAllConnections();
    return true;
  }

  private health(ctx: Context): void {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  }

  private async ready(ctx: Context): Promise<void> {
    const readiness = await this.parts.readiness(this.draining);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = readiness.ready ? 200 : 503;
    ctx.body = readiness.ready
      ? { status: 'ready', checks: readiness.checks }
      : { status: 'not_ready', failing: readiness.failing, checks: readiness.checks };
  }

  private async scrape(ctx: Context, metrics: BffMetrics): Promise<void> {
    const { metricsToken } = this.parts;
    if (metricsToken !== undefined && !sameSecret(bearer(ctx.get('authorization')), metricsToken)) {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Bearer');
      ctx.type = 'text/plain';
      ctx.body = 'Unauthorized';
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  }
}

/** The route pattern that answered (`/api/wallets/:id`), never the path itself: paths carry ids. */
function routeOf(ctx: Context): string {
  const matched = (ctx as Context & { _matchedRoute?: unknown })._matchedRoute;
  return typeof matched === 'string' && matched.startsWith('/') ? matched : 'unmatched';
}

function bearer(header: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? '';
}

/** Compares digests, in constant time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
