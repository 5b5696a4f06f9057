import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CallbackOutcome } from '../callbacks/CallbackRelay.js';
import type { ReconcileKind } from '../store/reconcileQueue.js';
import type { UpstreamOutcome } from '../upstream/MandarinClient.js';

const PREFIX = 'mandarin_kit_bff_';
/** Seconds: a balance read takes milliseconds, an upstream call up to the 15 s deadline. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/** What the metrics read when scraped: live figures owned by other parts of the BFF. */
export interface MetricSources {
  openStreams(): number;
  /** Items waiting for a status read, and how many of them are due. */
  backlog(): Promise<{ waiting: number; due: number }>;
  ready(): boolean;
  version: string;
}

/**
 * The BFF's Prometheus metrics, in a registry of its own (two BFF apps in one process don't collide). Every
 * label is a bounded set: route patterns, upstream route names, providers, outcomes, status codes; never an
 * id, an amount or anything about a person.
 */
export class BffMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly requestSeconds: Histogram<'method' | 'route'>;
  private readonly rateLimited: Counter<'route'>;
  private readonly upstream: Counter<'route' | 'outcome'>;
  private readonly upstreamSeconds: Histogram<'route'>;
  private readonly tokens: Counter<'outcome'>;
  private readonly callbacks: Record<CallbackOutcome | 'received', Counter<'provider'>>;
  private readonly events: Counter;
  private readonly reconcileReads: Counter<'kind' | 'outcome'>;
  private readonly reconcileSettled: Counter<'kind'>;
  private readonly storeErrors: Counter;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
      new Counter<L>({ name: PREFIX + name, help, labelNames, registers });
    const histogram = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Histogram<L>({ name: PREFIX + name, help, labelNames, buckets: BUCKETS, registers });

    this.requests = counter('http_requests_total', 'HTTP requests answered, by route pattern and status', [
      'method',
      'route',
      'status',
    ]);
    this.requestSeconds = histogram('http_request_duration_seconds', 'Time to answer an HTTP request', [
      'method',
      'route',
    ]);
    this.rateLimited = counter('rate_limited_total', 'Requests refused with 429 by a rate limit', ['route']);
    this.upstream = counter(
      'upstream_requests_total',
      'Attempts at Mandarin, by upstream route and outcome',
      ['route', 'outcome'],
    );
    this.upstreamSeconds = histogram('upstream_request_duration_seconds', 'Time of one attempt at Mandarin', [
      'route',
    ]);
    this.tokens = counter('token_refreshes_total', 'OAuth token requests to Mandarin, by outcome', [
      'outcome',
    ]);
    this.callbacks = {
      received: counter('callbacks_received_total', 'Callbacks received, by provider', ['provider']),
      stored: counter('callbacks_stored_total', 'Callbacks stored for the first time', ['provider']),
      duplicate: counter('callbacks_deduplicated_total', 'Repeats of a stored callback', ['provider']),
      refused: counter('callbacks_refused_total', 'Callbacks refused: bad signature, source or form', [
        'provider',
      ]),
      failed: counter('callbacks_failed_total', 'Callbacks not stored (answered 503 for a retry)', [
        'provider',
      ]),
    };
    this.events = counter('events_relayed_total', 'Events committed and relayed to streams and hooks');
    this.reconcileReads = counter('reconcile_reads_total', 'Status reads of the reconciler, by outcome', [
      'kind',
      'outcome',
    ]);
    this.reconcileSettled = counter('reconcile_settled_total', 'Items the reconciler settled', ['kind']);
    this.storeErrors = counter('store_errors_total', 'Store statements that failed');

    new Gauge({
      name: `${PREFIX}sse_streams_open`,
      help: 'Event streams open on this instance',
      registers,
      collect() {
        this.set(sources.openStreams());
      },
    });
    const storeErrors = this.storeErrors;
    new Gauge({
      name: `${PREFIX}reconcile_backlog`,
      help: 'Items waiting for a status read at Mandarin (state=due: overdue now)',
      labelNames: ['state'],
      registers,
      async collect() {
        try {
          const { waiting, due } = await sources.backlog();
          this.set({ state: 'waiting' }, waiting);
          this.set({ state: 'due' }, due);
        } catch {
          storeErrors.inc();
        }
      },
    });
    new Gauge({
      name: `${PREFIX}ready`,
      help: '1 while the instance is ready for traffic',
      registers,
      collect() {
        this.set(sources.ready() ? 1 : 0);
      },
    });
    new Gauge({
      name: `${PREFIX}info`,
      help: 'The running version',
      labelNames: ['version'],
      registers,
    }).set({ version: sources.version }, 1);
  }

  request(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.requestSeconds.observe({ method, route }, seconds);
    if (status === 429) this.rateLimited.inc({ route });
  }

  upstreamAttempt(route: string, outcome: UpstreamOutcome, seconds: number): void {
    this.upstream.inc({ route, outcome });
    this.upstreamSeconds.observe({ route }, seconds);
  }

  token(ok: boolean): void {
    this.tokens.inc({ outcome: ok ? 'ok' : 'failed' });
  }

  callback(provider: string, outcome: CallbackOutcome): void {
    this.callbacks.received.inc({ provider });
    this.callbacks[outcome].inc({ provider });
  }

  relayed(count: number): void {
    this.events.inc(count);
  }

  reconcileRead(kind: ReconcileKind, outcome: 'settled' | 'pending' | 'failed'): void {
    this.reconcileReads.inc({ kind, outcome });
    if (outcome === 'settled') this.reconcileSettled.inc({ kind });
  }

  storeError(): void {
    this.storeErrors.inc();
  }
}
