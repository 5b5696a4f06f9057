import { DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';
import { onboardWallet, waitFor } from '../testkit/flows.js';
import { openSse } from '../testkit/sse.js';
import { stackMandarin, startStack } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('health and readiness', () => {
  const stack = stackSuite();

  it('says it is alive and ready, without a session and without naming anything of its configuration', async () => {
    const health = await get(`${stack.bffUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    expect(health.headers.get('set-cookie')).toBeNull();

    const ready = await get(`${stack.bffUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ready',
      checks: { store: 'ok', migrations: 'ok', mandarin: 'ok', shutdown: 'ok' },
    });
    expect(ready.headers.get('set-cookie')).toBeNull();
    expect(ready.headers.get('cache-control')).toBe('no-store');
    for (const text of [health.text, ready.text]) {
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain(DEFAULT_CREDENTIALS.clientSecret);
      expect(text).not.toContain(DEFAULT_CREDENTIALS.merchantId);
    }
  });

  it('is not ready while Mandarin’s token endpoint has never answered, and names that check', async () => {
    const nowhere = 'http://127.0.0.1:1';
    const unreachable = await stack.anotherBff({
      mandarin: {
        ...stackMandarin(stack),
        baseUrls: { oauth: nowhere, esp: nowhere, classic: nowhere, routing: nowhere, accounts: nowhere },
      },
      reconcile: false,
    });
    expect((await get(`${unreachable.url}/healthz`)).status).toBe(200);
    const ready = await get(`${unreachable.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'not_ready',
      failing: ['mandarin'],
      checks: { store: 'ok', migrations: 'ok', mandarin: 'not_reached', shutdown: 'ok' },
    });
  });
});

describe('graceful shutdown of a mounted BFF', () => {
  it('is not ready from the first moment, finishes the request in flight and tells streams to reconnect', async () => {
    const stack = await startStack();
    try {
      const owner = stack.client();
      const walletId = await onboardWallet(stack, owner, 10_000n);
      const stream = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
      await waitFor(
        async () => stream.lastEventId,
        (id) => id !== null,
      );
      // A balance read that Mandarin answers slowly is in flight when shutdown begins.
      await stack.admin('/faults', {
        body: { route: 'GET /api/v1/tokens/*/wallet/balance', kind: 'slow', count: 1, delayMs: 400 },
      });
      const read = owner.get(`/api/wallets/${walletId}/balance`);
      await waitFor(
        async () => stack.app.ops.lifecycle.busy,
        (busy) => busy > 0,
      );
      const stopping = stack.app.shutdown();

      const ready = await get(`${stack.bffUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.text)).toMatchObject({ status: 'not_ready', failing: ['shutdown'] });
      expect((await get(`${stack.bffUrl}/healthz`)).status).toBe(200);

      // The stream ends on purpose, with where to resume and a short, jittered reconnection delay.
      await stream.closed;
      expect(stream.retryMs).toBeGreaterThanOrEqual(200);
      expect(stream.retryMs).toBeLessThan(1000);
      expect(stream.lastEventId).toMatch(/^\d+$/);

      const answered = await read;
      expect(answered.status).toBe(200);
      expect(answered.headers.get('connection')).toBe('close');
      expect(answered.body.balance.amount).toBe('100.00');
      await stopping;
      expect(stack.app.shutdown()).toBe(stopping);
    } finally {
      await stack.close();
    }
  });

  it('cuts off what is still running when the grace period is over', async () => {
    const stack = await startStack({ bff: { shutdownGraceMs: 100 } });
    try {
      const owner = stack.client();
      const walletId = await onboardWallet(stack, owner, 10_000n);
      await stack.admin('/faults', {
        body: { route: 'GET /api/v1/tokens/*/wallet/balance', kind: 'slow', count: 1, delayMs: 1500 },
      });
      const read = owner.get(`/api/wallets/${walletId}/balance`).catch((error: Error) => error);
      await waitFor(
        async () => stack.app.ops.lifecycle.busy,
        (busy) => busy > 0,
      );
      const started = Date.now();
      await stack.app.shutdown();
      expect(Date.now() - started).toBeLessThan(1000);
      expect(stack.logs.some((line) => line.includes('shutdown grace period over'))).toBe(true);
      await read;
    } finally {
      await stack.close();
    }
  });
});
