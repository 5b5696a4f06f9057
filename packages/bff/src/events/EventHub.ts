import type { ServerResponse } from 'node:http';
import {
  compareCursor,
  type EventCursor,
  formatCursor,
  LOG_START,
  type StoredEvent,
} from '../store/events.js';

/** The reconnection delay sent with a stream the BFF ends on purpose; the next stream sends its own. */
const RECONNECT_AT_ONCE_MS = 100;

/**
 * An `id:` line naming the newest event the stream has covered, sent as it ends on purpose: the browser keeps it
 * as its last event id (a frame without data dispatches nothing but still sets it), so its reconnect resumes from
 * there even when no event had arrived yet, and nothing that happens in between is lost.
 */
const resumeFrom = (client: SseClient) => (client.held === null ? `id: ${formatCursor(client.last)}\n` : '');

/** One browser's SSE stream. */
export interface SseClient {
  userId: string;
  operator: boolean;
  res: ServerResponse;
  /** The position of the newest event written; anything at or before it is not written again. */
  last: EventCursor;
  /** While replaying from the log, live events wait here so nothing falls between replay and live. */
  held: StoredEvent[] | null;
}

/** The SSE frame of an event: `id`, `event` and one `data` line of JSON. */
export function sseFrame(event: StoredEvent): string {
  return `id: ${event.envelope.id}\nevent: ${event.envelope.type}\ndata: ${JSON.stringify(event.envelope)}\n\n`;
}

/** Whether `client` may see `event`: its own events, and operators also the operator stream. */
export function visibleTo(client: Pick<SseClient, 'userId' | 'operator'>, event: StoredEvent): boolean {
  return event.ownerId === client.userId || (client.operator && event.audience === 'operator');
}

/**
 * This instance's SSE clients, indexed by user and by operator role, so that an event costs work only for the
 * streams that may see it (idle streams of other users cost nothing) and is serialised once. Each client has a
 * bounded buffer: one that can't keep up is disconnected rather than allowed to grow memory, and resumes from the
 * log with `Last-Event-ID`.
 */
export class EventHub {
  private readonly clients = new Set<SseClient>();
  private readonly byUser = new Map<string, Set<SseClient>>();
  private readonly operators = new Set<SseClient>();
  /**
   * Where the log stands for this hub: the newest event published (the feed sets where it starts). A stream
   * that asks for no replay starts here, so every event after it reaches the stream live and none before it.
   */
  position: EventCursor = LOG_START;

  constructor(private readonly maxBufferedBytes: number) {}

  add(client: SseClient): void {
    this.clients.add(client);
    let mine = this.byUser.get(client.userId);
    if (mine === undefined) {
      mine = new Set();
      this.byUser.set(client.userId, mine);
    }
    mine.add(client);
    if (client.operator) this.operators.add(client);
  }

  remove(client: SseClient): void {
    this.clients.delete(client);
    this.operators.delete(client);
    const mine = this.byUser.get(client.userId);
    mine?.delete(client);
    if (mine?.size === 0) this.byUser.delete(client.userId);
  }

  /** Streams open for `userId` on this instance. */
  countFor(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  get size(): number {
    return this.clients.size;
  }

  /** Sends committed events, in order, to every client allowed to see them. */
  publish(events: readonly StoredEvent[]): void {
    const last = events.at(-1);
    if (last !== undefined && compareCursor(last, this.position) > 0) {
      this.position = { tx: last.tx, seq: last.seq };
    }
    for (const event of events) {
      // An event is either one user's (its owner) or the operators'.
      const recipients =
        event.audience === 'operator'
          ? this.operators
          : event.ownerId === null
            ? undefined
            : this.byUser.get(event.ownerId);
      if (recipients === undefined) continue;
      if (recipients.size === 0) continue;
      const frame = sseFrame(event); // serialised once, whatever the number of recipients
      for (const client of recipients) {
        if (client.held !== null) client.held.push(event);
        else this.write(client, event, frame);
      }
    }
  }

  /** Writes one event unless the client has seen it; drops the client if its buffer overflows. */
  write(client: SseClient, event: StoredEvent, frame = sseFrame(event)): void {
    if (compareCursor(event, client.last) <= 0) return;
    client.last = { tx: event.tx, seq: event.seq };
    client.res.write(frame);
    if (client.res.writableLength > this.maxBufferedBytes) {
      this.remove(client);
      client.res.destroy();
    }
  }

  /**
   * Ends `userId`'s streams on this instance, asking the browser to come back at once: its EventSource
   * reconnects with the session cookie it has now, so the stream carries the user's new roles (or the new
   * anonymous user after a sign-out) and resumes from Last-Event-ID.
   */
  closeUser(userId: string): void {
    for (const client of [...(this.byUser.get(userId) ?? [])]) {
      this.remove(client);
      client.res.end(`${resumeFrom(client)}retry: ${RECONNECT_AT_ONCE_MS}\n\n`);
    }
  }

  /**
   * Shutdown: ends every stream that is live with its resume point and a `retry:` hint, so the browser reconnects
   * (to another instance) within about `retryMs` and resumes by Last-Event-ID. A stream still replaying the log is
   * left to finish its replay; returns how many streams remain.
   */
  drain(retryMs: number): number {
    for (const client of this.clients) {
      if (client.held !== null) continue;
      this.clients.delete(client);
      client.res.end(`${resumeFrom(client)}retry: ${retryMs}\n\n`);
    }
    return this.clients.size;
  }

  /** Ends every stream (shutdown); clients reconnect elsewhere with Last-Event-ID. */
  closeAll(): void {
    for (const client of this.clients) client.res.end(`${resumeFrom(client)}\n`);
    this.clients.clear();
    this.byUser.clear();
    this.operators.clear();
  }
}
