// A CommonJS server: Node ≥ 20.19 require()s the kit's ESM packages (their `default` export condition).
const { createBff, Store } = require('@mandarin-kit/bff');
const Koa = require('koa');
const mount = require('koa-mount');

async function main() {
  const env = process.env;
  const store = await Store.openSqlite(env.SQLITE_FILE ?? '.data/bff-cjs.sqlite');
  const upstream = env.MANDARIN_BASE_URL ?? 'http://127.0.0.1:4010';
  const bff = createBff({
    store,
    mandarin: {
      baseUrls: { oauth: upstream, esp: upstream, classic: upstream, routing: upstream, accounts: upstream },
      clientId: env.MANDARIN_CLIENT_ID,
      clientSecret: env.MANDARIN_CLIENT_SECRET,
      merchantId: env.MANDARIN_MERCHANT_ID,
      secret: env.MANDARIN_SECRET,
      timeoutMs: 15_000,
    },
    sessionSecret: env.SESSION_SECRET,
  });
  await bff.ready;
  const app = new Koa();
  app.use(mount('/', bff));
  app.use((ctx) => {
    ctx.body = 'merchant home';
  });
  const server = app.listen(Number(env.PORT ?? 3001), '127.0.0.1', () => {
    console.log(`merchant (CommonJS) listening on http://127.0.0.1:${server.address().port}`);
  });
  process.once('SIGTERM', async () => {
    await bff.shutdown();
    server.close();
    server.closeAllConnections();
    await store.close();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
