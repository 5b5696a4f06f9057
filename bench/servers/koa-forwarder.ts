// Bench helper process: the framework floor. The same relay as forwarder.ts, but as a one-middleware Koa app
// that sends through the BFF's own upstream transport and parses the JSON: no session, no owner check, no
// router, no validation. The distance between it and the bare forwarder is what Koa and buffering cost.
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { nodeTransport, parseOrigin } from '../../packages/bff/src/upstream/transport.js';

// Koa is the BFF's dependency, not the root's: loaded through the BFF package; only what is used is typed.
interface KoaApp {
  use(middleware: (ctx: { status: number; body: unknown }) => Promise<void>): void;
  listen(port: number, host: string, listening: () => void): Server;
}
const requireFromBff = createRequire(new URL('../../packages/bff/package.json', import.meta.url));
const Koa = requireFromBff('koa') as new () => KoaApp;

const [upstream, path, token, mid] = process.argv.slice(2) as [string, string, string, string];
const origin = parseOrigin(upstream);
const app = new Koa();
app.use(async (ctx) => {
  const answer = await nodeTransport(
    { origin, path },
    {
      method: 'GET',
      headers: { authorization: `Bearer ${token}`, mid, accept: 'application/json' },
      timeoutMs: 5000,
    },
  );
  ctx.status = answer.status;
  ctx.body = JSON.parse(answer.text);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
