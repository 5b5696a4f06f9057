import http from 'node:http';
import type { EventEnvelope } from '@mandarin-kit/core';

/** A test's SSE connection: every event received, in order, and ways to wait for more. */
export interface SseConnection {
  events: EventEnvelope[];
  status: number;
  headers: http.IncomingHttpHeaders;
  comments: number;
  /** The last `retry:` hint received, in ms (null before any). */
  retryMs: number | null;
  /** The last `id:` received, with or without an event (what a browser would send as Last-Event-ID). */
  lastEventId: string | null;
  waitFor(predicate: (events: EventEnvelope[]) => boolean, timeoutMs?: number): Promise<EventEnvelope[]>;
  close(): void;
  closed: Promise<void>;
}

/** Opens `GET /api/events` with a session cookie (and optionally Last-Event-ID), parsing frames as they arrive. */
export function openSse(baseUrl: string, headers: Record<string, string>): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${baseUrl}/api/events`,
      { headers: { accept: 'text/event-stream', ...headers } },
      (res) => {
        let buffer = '';
        let closeResolve: () => void = () => {};
        const connection: SseConnection = {
          events: [],
          status: res.statusCode ?? 0,
          headers: res.headers,
          comments: 0,
          retryMs: null,
          lastEventId: null,
          waitFor(predicate, timeoutMs = 5000) {
            return new Promise((done, fail) => {
              const started = Date.now();
              const tick = () => {
                if (predicate(connection.events)) return done(connection.events);
                if (Date.now() - started > timeoutMs) {
                  return fail(
                    new Error(
                      `SSE condition not met; got ${JSON.stringify(connection.events.map((e) => e.type))}`,
                    ),
                  );
                }
                setTimeout(tick, 5);
              };
              tick();
            });
          },
          close: () => {
            request.destroy();
          },
          closed: new Promise((r) => {
            closeResolve = r;
          }),
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith(':')) connection.comments++;
            const retry = /^retry: (\d+)$/m.exec(frame);
            if (retry) connection.retryMs = Number(retry[1]);
            const id = /^id: (.*)$/m.exec(frame);
            if (id) connection.lastEventId = id[1]!;
            const data = frame
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data !== '') connection.events.push(JSON.parse(data) as EventEnvelope);
            end = buffer.indexOf('\n\n');
          }
        });
        res.on('close', () => closeResolve());
        resolve(connection);
      },
    );
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}
