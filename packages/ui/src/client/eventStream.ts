import { type EventEnvelope, eventEnvelopeSchema, eventTypes } from '@mandarin-kit/core';

/** Where the live connection stands. */
export type EventStreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The part of `EventSource` the stream uses, so that tests and SSR can pass their own. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** A constructor compatible with `EventSource`. */
export type EventSourceConstructor = new (
  url: string,
  init?: { withCredentials?: boolean },
) => EventSourceLike;

/** Options of {@link subscribeToEvents}. */
export interface EventStreamOptions {
  /** `${baseUrl}/api/events`. */
  url: string;
  onEvent: (event: EventEnvelope) => void;
  onStatus?: (status: EventStreamStatus) => void;
  /** Defaults to the global `EventSource`; without one nothing connects. */
  EventSource?: EventSourceConstructor;
  /** First reconnect delay after the server closed the stream; doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const CLOSED = 2;

/**
 * Keeps one SSE connection to the BFF and hands every valid envelope to `onEvent`. A dropped connection is
 * resumed by `EventSource` itself (it sends `Last-Event-ID`); one the server refused is reopened here with
 * backoff, and since a new `EventSource` can't set that header the last id goes in `?lastEventId=`.
 * Returns a function that closes it for good.
 */
export function subscribeToEvents(options: EventStreamOptions): () => void {
  const Source = options.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
  if (Source === undefined) return () => {};
  const base = options.backoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 30_000;
  let lastEventId: string | null = null;
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;

  const handle = (event: Event) => {
    const message = event as MessageEvent;
    // Before parsing: the BFF opens every stream with a data-less message whose id is where to resume from.
    lastEventId = message.lastEventId || lastEventId;
    let data: unknown;
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return;
    }
    const parsed = eventEnvelopeSchema.safeParse(data);
    if (!parsed.success) return;
    options.onEvent(parsed.data as EventEnvelope);
  };

  const connect = () => {
    if (stopped) return;
    const url =
      lastEventId === null
        ? options.url
        : `${options.url}${options.url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`;
    const current = new Source(url, { withCredentials: true });
    source = current;
    options.onStatus?.(attempt === 0 ? 'connecting' : 'reconnecting');
    current.addEventListener('open', () => {
      attempt = 0;
      options.onStatus?.('open');
    });
    current.addEventListener('error', () => {
      if (stopped || source !== current) return;
      options.onStatus?.('reconnecting');
      // Still CONNECTING: EventSource retries by itself. CLOSED: the server refused, so reopen here.
      if (current.readyState !== CLOSED) return;
      current.close();
      const delay = Math.min(max, base * 2 ** attempt);
      attempt++;
      // Jitter keeps a fleet of tabs from reconnecting in step after a BFF restart.
      timer = setTimeout(connect, delay / 2 + Math.random() * (delay / 2));
    });
    current.addEventListener('message', handle);
    for (const type of eventTypes) current.addEventListener(type, handle);
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
    source = null;
    options.onStatus?.('closed');
  };
}
