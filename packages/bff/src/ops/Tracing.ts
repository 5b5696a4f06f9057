type Attributes = Record<string, string | number | boolean>;

/** The part of an OpenTelemetry span the BFF uses. */
export interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  updateName(name: string): unknown;
  spanContext(): { traceId: string; spanId: string; traceFlags: number };
  end(): void;
}

/** The part of an OpenTelemetry `TracerProvider` the BFF uses; the SDK's own provider fits it. */
export interface TracerProviderLike {
  getTracer(
    name: string,
    version?: string,
  ): {
    startSpan(
      name: string,
      options?: { kind?: number; attributes?: Attributes },
      context?: unknown,
    ): SpanLike;
  };
}

/** Tracing settings. */
export interface TracingOptions {
  /** Where spans go; by default the provider registered globally with `@opentelemetry/api` (the host's SDK). */
  tracerProvider?: TracerProviderLike;
  /** Sends W3C `traceparent` to Mandarin with each attempt (off: Mandarin learns nothing of the host's traces). */
  propagateToMandarin?: boolean;
}

type OtelApi = typeof import('@opentelemetry/api');

/** OpenTelemetry's span kinds and status codes, as numbers (the API's enums). */
const KIND = { internal: 0, server: 1, client: 2 } as const;
const STATUS_ERROR = 2;

/** Loads `@opentelemetry/api`, an optional peer: without it the BFF runs untraced. */
export async function loadOtelApi(
  load: () => Promise<OtelApi> = () => import('@opentelemetry/api'),
): Promise<OtelApi | undefined> {
  try {
    return await load();
  } catch {
    return undefined;
  }
}

/**
 * Spans around each browser request, each upstream attempt and each callback, each carrying the BFF's request id
 * (`mandarin_kit.request_id`). A request's span is the parent of what it causes through OpenTelemetry's active
 * context, which the host's SDK carries across awaits (its context manager). The BFF keeps no async scope of its
 * own: without an SDK that would cost every request for spans nobody records.
 */
export class Tracing {
  private readonly requestIdKey: symbol;
  private readonly tracer: ReturnType<TracerProviderLike['getTracer']>;

  constructor(
    private readonly api: OtelApi,
    options: TracingOptions,
    version: string,
  ) {
    const provider = options.tracerProvider ?? api.trace.getTracerProvider();
    this.tracer = provider.getTracer('@mandarin-kit/bff', version);
    this.requestIdKey = api.createContextKey('mandarin_kit.request_id');
    this.propagate = options.propagateToMandarin === true;
  }

  readonly propagate: boolean;

  /** Runs one HTTP request inside its server span; `describe` names it once the route is known. */
  async request<T>(
    requestId: string,
    method: string,
    run: () => Promise<T>,
    describe: () => { route: string; status: number },
  ): Promise<T> {
    const { api } = this;
    const parent = api.context.active();
    const span = this.tracer.startSpan(
      method,
      {
        kind: KIND.server,
        attributes: { 'http.request.method': method, 'mandarin_kit.request_id': requestId },
      },
      parent,
    );
    // No SDK (the API's no-op tracer) and no parent trace: the span records and propagates nothing, so the
    // request runs without a context of its own (a context, a closure and two awaits saved per request).
    if (!api.trace.isSpanContextValid(span.spanContext())) return run();
    const context = api.trace.setSpan(parent, span as never).setValue(this.requestIdKey, requestId);
    try {
      return await api.context.with(context, run);
    } finally {
      const { route, status } = describe();
      span.updateName(`${method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: STATUS_ERROR });
      span.end();
    }
  }

  /** A child span of the current request (if any): an upstream attempt (`client`) or a callback (`internal`). */
  start(name: string, kind: 'client' | 'internal', attributes: Attributes): SpanLike {
    const active = this.api.context.active();
    const span = this.tracer.startSpan(name, { kind: KIND[kind], attributes }, active);
    const requestId = active.getValue(this.requestIdKey);
    if (typeof requestId === 'string') span.setAttribute('mandarin_kit.request_id', requestId);
    return span;
  }

  /** Ends a child span with its outcome; failures mark it as an error. */
  end(span: SpanLike, outcome: string, failed: boolean): void {
    span.setAttribute('mandarin_kit.outcome', outcome);
    if (failed) span.setStatus({ code: STATUS_ERROR, message: outcome });
    span.end();
  }

  /** The W3C `traceparent` header of a span. */
  static traceparent(span: SpanLike): string {
    const { traceId, spanId, traceFlags } = span.spanContext();
    return `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, '0')}`;
  }
}
