// The merchant's own server: its Koa app with the BFF mounted and its pages served after it.
// Install: npm i @mandarin-kit/bff koa koa-mount better-sqlite3 (or pg); koa-static serves this example's page.
import { fileURLToPath } from 'node:url';
import { createBff, defaultBaseUrls, Store } from '@mandarin-kit/bff';
import Koa from 'koa';
import mount from 'koa-mount';
import serve from 'koa-static';

const env = process.env;
// One store: SQLite in a file (better-sqlite3), or PostgreSQL for several instances (pg).
const store = env.DATABASE_URL
  ? await Store.openPostgres(env.DATABASE_URL)
  : await Store.openSqlite(env.SQLITE_FILE ?? '.data/bff.sqlite');
// MANDARIN_BASE_URL points every Mandarin host at one origin: the emulator (npx mandarin-kit-emulator).
const upstream = env.MANDARIN_BASE_URL;
const bff = createBff({
  store,
  mandarin: {
    baseUrls: upstream
      ? { oauth: upstream, esp: upstream, classic: upstream, routing: upstream, accounts: upstream }
      : defaultBaseUrls('sandbox'),
    clientId: env.MANDARIN_CLIENT_ID!,
    clientSecret: env.MANDARIN_CLIENT_SECRET!,
    merchantId: env.MANDARIN_MERCHANT_ID!,
    secret: env.MANDARIN_SECRET!,
    timeoutMs: 15_000, // per attempt
    deadlineMs: 15_000, // per call, all attempts and the token included
  },
  // Signs the anonymous session cookie (32+ characters); or pass resolveUser to use your own sessions.
  sessionSecret: env.SESSION_SECRET!,
  // Behind your TLS proxy: the client address and HTTPS (Secure cookie, HSTS) come from its X-Forwarded-* headers.
  trustProxy: env.TRUST_PROXY === 'true',
  // Pages on other origins of your site that call the BFF with cookies (CORS), e.g. https://www.shop.example.
  allowedOrigins: env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',') : [],
  callbackUrl: env.PUBLIC_URL ? new URL('/callbacks/mandarin', env.PUBLIC_URL).href : undefined,
  callbacks: { espToken: env.ESP_WEBHOOK_TOKEN },
});
await bff.ready;

const app = new Koa();
app.use(mount('/', bff)); // answers /api/* and /callbacks/*, passes everything else on
app.use(serve(fileURLToPath(new URL('../dist', import.meta.url)))); // the merchant's own pages
const server = app.listen(Number(env.PORT ?? 3000), env.HOST ?? '127.0.0.1', () => {
  console.log(`merchant listening on http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await bff.shutdown(); // ends the event streams and background work
    server.close();
    server.closeAllConnections();
    await store.close();
  });
}
