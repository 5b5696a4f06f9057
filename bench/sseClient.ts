import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { REQUEST_TIMEOUT_MS } from './httpClient.js';

/** One open SSE stream; frames are handed over whole, with the time their last byte arrived. */
export interface SseStream {
  close(): void;
  /** Whether the server ended or dropped the stream. */
  readonly ended: boolean;
}

/**
 * Opens an SSE stream on a socket of its own (no agent: one connection per stream, as browsers on HTTP/1.1
 * hold), resolving once the 200 and its headers arrived. Frames are split on the blank line that ends them.
 */
export function openSse(
  url: string,
  headers: Record<string, string>,
  onFrame: (frame: string, at: number) => void,
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    let ended = false;
    const req = http.get(
      url,
      { agent: false, headers: { accept: 'text/event-stream', ...headers } },
      (res) => {
        clearTimeout(timer);
        if (res.statusCode !== 200) {
          res.resume();
          req.destroy();
          reject(new Error(`SSE ${url}: ${res.statusCode}`));
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            onFrame(buffer.slice(0, end), at);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
          }
        });
        res.on('close', () => {
          ended = true;
        });
        resolve({
          close: () => req.destroy(),
          get ended() {
            return ended;
          },
        });
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`SSE ${url}: no answer in ${REQUEST_TIMEOUT_MS} ms`)),
      REQUEST_TIMEOUT_MS,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      ended = true;
      reject(error);
    });
  });
}

/** Resolves once `done()` holds, polling every `everyMs`; rejects after `timeoutMs`, saying `what()`. */
export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: () => string,
  everyMs = 2,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
