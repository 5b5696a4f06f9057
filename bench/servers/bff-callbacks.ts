// Bench helper process: a BFF whose callback relay and SSE are measured. argv[2] is `sqlite` (a file in a
// temp folder) or a postgres:// URL (a database the bench created for this run). Operator sign-in is on so
// that every SSE client can be an operator (operators see the operator stream, where callbacks for unknown
// transactions go), and one user (and one address) may hold any number of streams.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBff, createLogger, Store } from '@mandarin-kit/bff';
import { BENCH_MANDARIN_SECRET } from '../callbackBodies.js';
import { announce, control } from './control.js';

const target = process.argv[2] ?? 'sqlite';
// pino is the BFF's dependency: loaded through its resolution. Its own destination (sonic-boom, synchronous
// writes) is what a BFF started without one writes stdout through; the bench points it at /dev/null.
const pino = createRequire(new URL('../../packages/bff/package.json', import.meta.url))('pino') as {
  destination(options: { dest: string; sync: boolean }): NodeJS.WritableStream;
};
const dir = target === 'sqlite' ? mkdtempSync(join(tmpdir(), 'mk-bench-cb-')) : undefined;
const store =
  dir === undefined ? await Store.openPostgres(target) : await Store.openSqlite(join(dir, 'bff.sqlite'));
// Callbacks and SSE never call Mandarin; the discard port makes any unexpected upstream call fail fast.
const nowhere = 'http://127.0.0.1:9';
const app = createBff({
  store,
  mandarin: {
    baseUrls: { oauth: nowhere, esp: nowhere, classic: nowhere, routing: nowhere, accounts: nowhere },
    clientId: 'bench-client',
    clientSecret: 'bench-client-secret',
    merchantId: '777',
    secret: BENCH_MANDARIN_SECRET,
    timeoutMs: 1000,
  },
  sessionSecret: 'bench-session-secret-0123456789abcdef',
  demoOperatorLogin: true,
  // The default level, as production runs it: the access line and 'callback stored' for every callback.
  logger: createLogger({
    level: process.env.BENCH_LOG_LEVEL ?? 'info',
    destination: pino.destination({ dest: '/dev/null', sync: true }),
  }),
  // Every bench client is one address (loopback) with a session of its own: the per-address caps would stop
  // the fleet long before what is measured.
  sse: { maxStreamsPerUser: 1_000_000, maxStreamsPerAddress: 1_000_000, maxStreams: 1_000_000 },
  limits: { sessionCreatePerAddress: { max: 1_000_000, windowMs: 60_000 } },
});
await app.ready;
const handle = app.callback();
const server = http.createServer((req, res) => {
  if (control(req, res, async () => ({ inbox: await store.inbox.count(), clients: app.hub.size }))) return;
  void handle(req, res);
});
server.listen(0, '127.0.0.1', () => announce(server));
process.on('SIGTERM', async () => {
  // SSE streams never end by themselves: end them, then drop whatever sockets are left.
  await app.shutdown();
  server.closeAllConnections();
  server.close();
  await store.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
