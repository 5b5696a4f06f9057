import { createRequire } from 'node:module';
import type { RelayObserver } from '../callbacks/CallbackRelay.js';
import type { EventHub } from '../events/EventHub.js';
import type { ReconcileObserver } from '../status/Reconciler.js';
import type { Store } from '../store/Store.js';
import type { UpstreamObserver } from '../upstream/MandarinClient.js';
import { BffMetrics } from './BffMetrics.js';
import { Lifecycle } from './Lifecycle.js';
import { readinessProbe } from './readiness.js';
import { loadOtelApi, Tracing, type TracingOptions } from './Tracing.js';
import { watchStoreErrors } from './watchStoreErrors.js';

/** The package's version (the same path from `src/ops` and `dist/ops`). */
export const bffVersion: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;

/** Metrics settings. */
export interface MetricsOptions {
  /** `GET /metrics` asks for `Authorization: Bearer <token>`. */
  token?: string;
}

/** What the operations side of the BFF needs from the rest of it. */
export interface OpsSources {
  store: Store;
  hub: EventHub;
  metrics: MetricsOptions | false;
  tracing: TracingOptions | false;
  /** Whether Mandarin's token endpoint has given a token at least once, and a way to ask for one. */
  reachMandarin: () => Promise<void>;
}

/**
 * Health, readiness, metrics and traces of one BFF app, and the observers that feed them: the upstream client,
 * the callback relay and the reconciler each get one, and do nothing extra when metrics and traces are off.
 */
export class Ops {
  readonly lifecycle: Lifecycle;
  readonly metrics: BffMetrics | undefined;
  /** Resolves once tracing is set up (or known to be unavailable). */
  readonly ready: Promise<void>;
  private tracing: Tracing | undefined;
  private mandarinReached = false;
  private readonly unwatch: () => void;

  constructor(sources: OpsSources) {
    const { store, hub } = sources;
    this.metrics =
      sources.metrics === false
        ? undefined
        : new BffMetrics({
            openStreams: () => hub.size,
            backlog: () => store.reconcile.backlog(Date.now()),
            ready: () => this.mandarinReached && !this.lifecycle.draining,
            version: bffVersion,
          });
    const metrics = this.metrics;
    this.unwatch =
      metrics === undefined ? () => {} : watchStoreErrors(store.driver, () => metrics.storeError());
    this.lifecycle = new Lifecycle({
      readiness: readinessProbe({
        store,
        mandarinReached: () => this.mandarinReached,
        reachMandarin: sources.reachMandarin,
      }),
      metrics,
      metricsToken: sources.metrics === false ? undefined : sources.metrics.token,
      tracing: () => this.tracing,
    });
    const tracingOptions = sources.tracing;
    this.ready =
      tracingOptions === false
        ? Promise.resolve()
        : loadOtelApi().then((api) => {
            if (api !== undefined) this.tracing = new Tracing(api, tracingOptions, bffVersion);
          });
  }

  /** Watches each upstream attempt (counted and timed, one client span each) and each token request. */
  upstreamObserver(): UpstreamObserver {
    return {
      attempt: (route) => {
        const started = performance.now();
        const span = this.tracing?.start(`mandarin ${route}`, 'client', { 'mandarin_kit.upstream': route });
        const headers =
          span !== undefined && this.tracing?.propagate === true
            ? { traceparent: Tracing.traceparent(span) }
            : undefined;
        return {
          ...(headers === undefined ? {} : { headers }),
          end: (outcome) => {
            this.metrics?.upstreamAttempt(route, outcome, (performance.now() - started) / 1000);
            if (span !== undefined)
              this.tracing?.end(span, outcome, outcome !== 'ok' && outcome !== 'rejected');
          },
        };
      },
      token: (ok) => {
        if (ok) this.mandarinReached = true;
        this.metrics?.token(ok);
      },
    };
  }

  /** Watches callbacks (counted per provider and outcome, one span each) and the events relayed. */
  relayObserver(): RelayObserver {
    return {
      callback: (provider) => {
        const span = this.tracing?.start(`callback ${provider}`, 'internal', {
          'mandarin_kit.provider': provider,
        });
        return (outcome) => {
          this.metrics?.callback(provider, outcome);
          if (span !== undefined) this.tracing?.end(span, outcome, outcome === 'failed');
        };
      },
      relayed: (count) => this.metrics?.relayed(count),
    };
  }

  /** Counts the reconciler's status reads and the items it settles. */
  reconcileObserver(): ReconcileObserver {
    return (kind, outcome) => this.metrics?.reconcileRead(kind, outcome);
  }

  /** Whether spans are made (tracing on and `@opentelemetry/api` installed); known once `ready` resolved. */
  get tracingActive(): boolean {
    return this.tracing !== undefined;
  }

  /** Stops watching the store (the app is shutting down). */
  stop(): void {
    this.unwatch();
  }
}
