// Bench helper process: a BFF with an SQLite store in a temp folder, pointed at the emulator in argv[2], logging
// at its default level (info). argv[3], optional: what to switch on, comma separated: `metrics`, `tracing`
// (`none`: both off). Without it, the defaults (metrics off, tracing on when @opentelemetry/api is installed).
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBff, createLogger, Store } from '@mandarin-kit/bff';
import { DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';

const upstream = process.argv[2]!;
// pino is the BFF's dependency: loaded through its resolution. Its own destination (sonic-boom, synchronous
// writes) is what a BFF started without one writes stdout through; the bench points it at /dev/null.
const pino = createRequire(new URL('../../packages/bff/package.json', import.meta.url))('pino') as {
  destination(options: { dest: string; sync: boolean }): NodeJS.WritableStream;
};
const features = process.argv[3]?.split(',');
const store = await Store.openSqlite(join(mkdtempSync(join(tmpdir(), 'mk-bench-')), 'bff.sqlite'));
const app = createBff({
  store,
  mandarin: {
    baseUrls: { oauth: upstream, esp: upstream, classic: upstream, routing: upstream, accounts: upstream },
    ...DEFAULT_CREDENTIALS,
    timeoutMs: 5000,
  },
  sessionSecret: 'bench-session-secret-0123456789abcdef',
  // The default level, as production runs it: one access line per request, written (to /dev/null, so the
  // bench's pipe isn't flooded) rather than switched off, through the destination pino uses for stdout.
  logger: createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: true }) }),
  limits: {},
  ...(features === undefined
    ? {}
    : { metrics: features.includes('metrics'), tracing: features.includes('tracing') }),
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
