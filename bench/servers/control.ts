// Control routes every measured helper server answers, outside the code under test: counters the bench checks
// after a run and a forced GC before memory is read (the server is started with --expose-gc).
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers `GET /__bench/stats` and `POST /__bench/gc`; returns false for any other request. */
export function control(
  req: IncomingMessage,
  res: ServerResponse,
  stats: () => Promise<Record<string, number>> | Record<string, number>,
): boolean {
  if (!req.url?.startsWith('/__bench/')) return false;
  req.resume();
  const reply = (body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  if (req.url === '/__bench/gc') {
    // Twice: the first pass can leave garbage that only becomes collectable after finalizers ran.
    globalThis.gc?.();
    globalThis.gc?.();
    reply({ gc: typeof globalThis.gc === 'function' });
  } else {
    Promise.resolve(stats()).then(reply, (error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  }
  return true;
}

/** Prints the URL line `startServer` waits for. */
export function announce(server: { address(): unknown }): void {
  const address = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}` }));
}
