import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import mount from 'koa-mount';
import { afterEach, describe, expect, it } from 'vitest';
import { type BffApp, type BffOptions, createBff } from '../createBff.js';
import { createLogger } from '../log/createLogger.js';
import { Store } from '../store/Store.js';

// The BFF as a merchant runs it: mounted with koa-mount in the merchant's own Koa app, over real HTTP.

const SHOP = 'http://shop.test:5173';
const OTHER = 'http://evil.test';
const open: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/** The merchant's app: its own routes before and after `mount('/', bff)`. */
async function merchantApp(overrides: Partial<BffOptions> = {}, appOptions: { proxy?: boolean } = {}) {
  const store = await Store.openSqlite(':memory:');
  const bff: BffApp = createBff({
    store,
    // No call in these tests reaches Mandarin.
    mandarin: {
      baseUrls: {
        oauth: 'http://127.0.0.1:9',
        esp: 'http://127.0.0.1:9',
        classic: 'http://127.0.0.1:9',
        routing: 'http://127.0.0.1:9',
        accounts: 'http://127.0.0.1:9',
      },
      clientId: 'id',
      clientSecret: 'secret',
      merchantId: '1',
      secret: 'secret',
      timeoutMs: 1000,
    },
    sessionSecret: 'mounted-test-session-secret-0123456789',
    logger: createLogger({ level: 'silent' }),
    reconcile: false,
    ...overrides,
  });
  await bff.ready;
  const app = new Koa(appOptions);
  app.use(async (ctx, next) => {
    if (ctx.path === '/before') ctx.body = 'merchant before';
    else await next();
  });
  app.use(mount('/', bff));
  app.use(async (ctx) => {
    ctx.body = `merchant page ${ctx.path}`;
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  open.push(async () => {
    await bff.shutdown();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await store.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('mounted at / in the merchant app', () => {
  it('answers its own prefixes and passes every other path on, untouched', async () => {
    const url = await merchantApp();
    const page = await fetch(`${url}/products/42`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('merchant page /products/42');
    // None of the BFF's headers on the merchant's pages: its CSP would blank them.
    expect(page.headers.get('content-security-policy')).toBeNull();
    expect(await (await fetch(`${url}/apis`)).text()).toBe('merchant page /apis');
    expect(await (await fetch(`${url}/before`)).text()).toBe('merchant before');

    const me = await fetch(`${url}/api/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ roles: ['customer'] });
    const missing = await fetch(`${url}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const callback = await fetch(`${url}/callbacks/unknown`, { method: 'POST' });
    expect(((await callback.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('answers only the prefixes it is given', async () => {
    const url = await merchantApp({ prefixes: ['/api'] });
    expect(await (await fetch(`${url}/callbacks/unknown`)).text()).toBe('merchant page /callbacks/unknown');
    expect((await fetch(`${url}/api/me`)).status).toBe(200);
  });

  it('with trustProxy, takes HTTPS from the proxy itself, whatever the outer app says: Secure cookie and HSTS', async () => {
    // The merchant's app has no `proxy: true`: this used to fail every call with a 500.
    const url = await merchantApp({ trustProxy: true });
    const me = await fetch(`${url}/api/me`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(me.status).toBe(200);
    expect(me.headers.get('set-cookie')).toMatch(/;\s*secure/i);
    expect(me.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');

    const plain = await fetch(`${url}/api/me`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*secure/i);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('without trustProxy, believes no X-Forwarded-Proto, even when the outer app trusts proxies', async () => {
    const url = await merchantApp({}, { proxy: true });
    const me = await fetch(`${url}/api/me`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(me.status).toBe(200);
    expect(me.headers.get('set-cookie')).not.toMatch(/;\s*secure/i);
    expect(me.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('CORS for a page on another origin', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/api/wallets`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-csrf,idempotency-key',
      },
    });

  it('grants an allowed origin its preflight for the CSRF and Idempotency-Key headers', async () => {
    const url = await merchantApp({ allowedOrigins: [SHOP] });
    const answer = await preflight(url, SHOP);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
    const headers = answer.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const name of ['content-type', 'x-csrf', 'idempotency-key']) expect(headers).toContain(name);
    expect(answer.headers.get('vary')).toMatch(/origin/i);
  });

  it('refuses the preflight of any other origin, so its state-changing call never runs', async () => {
    const url = await merchantApp({ allowedOrigins: [SHOP] });
    const answer = await preflight(url, OTHER);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // Without any allowed origin, no origin is granted.
    const closed = await merchantApp();
    expect((await preflight(closed, SHOP)).status).toBe(403);
  });

  it('lets an allowed origin read credentialed answers and their Retry-After and request id', async () => {
    const url = await merchantApp({ allowedOrigins: [SHOP] });
    const first = await fetch(`${url}/api/me`, { headers: { Origin: SHOP } });
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const again = await fetch(`${url}/api/me`, { headers: { Origin: SHOP, Cookie: cookie } });
    expect(again.status).toBe(200);
    expect(again.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(again.headers.get('access-control-allow-credentials')).toBe('true');
    expect(again.headers.get('access-control-expose-headers')).toBe('Retry-After, X-Request-Id');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    // An error answer carries them too, so the page can read the error body.
    const error = await fetch(`${url}/api/wallets`, {
      method: 'POST',
      headers: { Origin: SHOP, Cookie: cookie },
    });
    expect(error.status).toBe(403);
    expect(error.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('gives a refused origin no CORS header, so the browser keeps the answer from its page', async () => {
    const url = await merchantApp({ allowedOrigins: [SHOP] });
    const answer = await fetch(`${url}/api/me`, { headers: { Origin: OTHER } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('opens the event stream for an allowed origin with CORS headers, and not for another', async () => {
    const url = await merchantApp({ allowedOrigins: [SHOP] });
    const cookie = (await fetch(`${url}/api/me`)).headers.get('set-cookie')!.split(';')[0]!;
    const aborter = new AbortController();
    const stream = await fetch(`${url}/api/events`, {
      headers: { Origin: SHOP, Cookie: cookie, Accept: 'text/event-stream' },
      signal: aborter.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(stream.headers.get('access-control-allow-credentials')).toBe('true');
    aborter.abort();
    const refused = await fetch(`${url}/api/events`, { headers: { Origin: OTHER, Cookie: cookie } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('options', () => {
  it('refuses prefixes and origins that are not paths and origins', async () => {
    await expect(
      merchantApp({ prefixes: ['api/'], allowedOrigins: ['https://shop.example/', 'shop'] }),
    ).rejects.toThrow(
      /prefixes must be paths like \/api: api\/[\s\S]*allowedOrigins must be origins like https:\/\/shop\.example: https:\/\/shop\.example\/, shop/,
    );
  });
});
