import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test load balancer on loopback in front of several BFF instances. */
export interface Balancer {
  url: string;
  /** Requests sent to another instance because the chosen one refused the connection. */
  failovers: number;
  close(): Promise<void>;
}

/**
 * Round robin over `backends`, one fresh connection per request (no keep-alive to the backends), streaming both
 * ways (SSE passes through). A backend that refuses the connection (stopped, or not listening yet) is skipped:
 * nothing was sent, so the request goes to the next one, as a real load balancer does. Any other failure is
 * passed on to the client as a 502, so that a test sees it.
 */
export async function startBalancer(backends: readonly string[]): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<import('node:net').Socket>();
  const state = { failovers: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const first = next++ % backends.length;
      let current: http.ClientRequest | undefined;
      // The client went away (an SSE listener closing): so does the request to the backend.
      res.on('close', () => {
        if (!res.writableFinished) current?.destroy();
      });
      const attempt = (tries: number) => {
        const target = new URL(backends[(first + tries) % backends.length]!);
        const upstream = http.request(
          {
            hostname: target.hostname,
            port: target.port,
            path: req.url,
            method: req.method,
            headers: { ...req.headers, host: target.host, 'x-forwarded-for': '127.0.0.1' },
            agent: false,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            res.on('close', () => answer.destroy());
          },
        );
        current = upstream;
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && tries < backends.length * 20) {
            state.failovers++;
            // Every backend refusing means both are between processes: wait a little before going round again.
            const pause = (tries + 1) % backends.length === 0 ? 50 : 0;
            setTimeout(() => attempt(tries + 1), pause);
            return;
          }
          if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'text/plain' });
            res.end(`balancer: ${error.code ?? error.message}`);
          } else res.destroy();
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get failovers() {
      return state.failovers;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
