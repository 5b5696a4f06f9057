// Bench helper process: the SSE baseline. A bare node:http server that holds `GET /events` streams and, on
// `POST /broadcast`, writes the request body as one SSE frame to every stream (then answers 200). No session,
// no store, no event log, no per-user bookkeeping, no heartbeat: what holding and feeding a stream costs.
import http, { type ServerResponse } from 'node:http';
import { announce, control } from './control.js';

const clients = new Set<ServerResponse>();
const server = http.createServer((req, res) => {
  if (control(req, res, () => ({ clients: clients.size }))) return;
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('retry: 3000\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const frame = `data: ${Buffer.concat(chunks).toString('utf8')}\n\n`;
    for (const client of clients) client.write(frame);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
  });
});
server.listen(0, '127.0.0.1', () => announce(server));
process.on('SIGTERM', () => {
  for (const client of clients) client.end();
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
