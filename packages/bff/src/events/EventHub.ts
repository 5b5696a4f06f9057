import type { ServerResponse } from 'node:http';
import type { StoredEvent } from '../store/events.js';

/** One browser's SSE stream. */
export interface SseClient {
  userId: string;
  operator: boolean;
  res: ServerResponse;
  /** The newest event written; anything at or below it is not written again. */
  lastSeq: bigint;
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
 * This instance's SSE clients. Each has a bounded buffer: a client that can't keep up is disconnected rather than
 * allowed to grow memory, and resumes from the log with `Last-Event-ID`.
 */
export class EventHub {
  private readonly clients = new Set<SseClient>();

  constructor(private readonly maxBufferedBytes: number) {}

  add(client: SseClient): void {
    this.clients.add(client);
  }

  remove(client: SseClient): void {
    this.clients.delete(client);
  }

  /** Streams open for `userId` on this instance. */
  countFor(userId: string): number {
    let n = 0;
    for (const client of this.clients) if (client.userId === userId) n++;
    return n;
  }

  get size(): number {
    return this.clients.size;
  }

  /** Sends committed events, in order, to every client allowed to see them. */
  publish(events: readonly StoredEvent[]): void {
    for (const event of events) {
      for (const client of this.clients) {
        if (!visibleTo(client, event)) continue;
        if (client.held !== null) client.held.push(event);
        else this.write(client, event);
      }
    }
  }

  /** Writes one event unless the client has seen it; drops the client if its buffer overflows. */
  write(client: SseClient, event: StoredEvent): void {
    if (event.seq <= client.lastSeq) return;
    client.lastSeq = event.seq;
    client.res.write(sseFrame(event));
    if (client.res.writableLength > this.maxBufferedBytes) {
      this.remove(client);
      client.res.destroy();
    }
  }

  /** Ends every stream (shutdown); clients reconnect elsewhere with Last-Event-ID. */
  closeAll(): void {
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }
}
