import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeEsp,
  call,
  callbacksFor,
  getToken,
  setBalance,
  startEmulator,
  startReceiver,
  type TestEmulator,
  waitUntil,
  xAuth,
} from '../fixtures/harness.js';

describe('fault injection', () => {
  let emu: TestEmulator;
  let token: string;

  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());
  beforeEach(async () => {
    emu.emulator.reset();
    token = await getToken(emu.url);
  });

  const fault = (body: Record<string, unknown>) => call(emu.url, '/__emulator/faults', { body });
  const banks = (init: { signal?: AbortSignal } = {}) =>
    fetch(`${emu.url}/api/sbp/banks/`, { headers: { 'x-auth': xAuth() }, ...init });

  it('answers 5xx for a route, as many times as asked, then recovers', async () => {
    const created = await fault({ route: 'GET /api/sbp/*', kind: '5xx', count: 2 });
    expect(created.status).toBe(201);
    expect((await banks()).status).toBe(503);
    expect((await banks()).status).toBe(503);
    expect((await banks()).status).toBe(200);
    await fault({ route: '/api/sbp/banks', kind: '5xx', status: 502 });
    const res = await banks();
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it('refuses a valid token with 401 to exercise refresh', async () => {
    await fault({ route: 'GET /payment-tokens/api/v1/tokens/*', kind: '401', count: 1 });
    const first = await call(emu.url, '/payment-tokens/api/v1/tokens/abc/status', { token });
    expect(first.status).toBe(401);
    expect(first.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await call(emu.url, '/payment-tokens/api/v1/tokens/abc/status', { token })).status).toBe(404);
  });

  it('answers slowly but correctly', async () => {
    await fault({ route: 'GET /api/sbp/banks', kind: 'slow', delayMs: 30 });
    const res = await banks();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { banks: unknown[] }).banks.length).toBeGreaterThan(0);
  });

  it('never answers a timed-out request, and creates nothing', async () => {
    await fault({ route: 'POST /api/transactions', kind: 'timeout', delayMs: 5_000 });
    await expect(
      fetch(`${emu.url}/api/transactions`, {
        method: 'POST',
        headers: { 'x-auth': xAuth(), 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    expect(
      (await call<{ transactions: unknown[] }>(emu.url, '/__emulator/transactions')).json.transactions,
    ).toEqual([]);
  });

  it('processes a request completely and then loses its answer', async () => {
    const receiver = await startReceiver();
    emu.emulator.options.callbackUrl = `${receiver.url}/cb`;
    const esp = await activeEsp(emu.url, token);
    await setBalance(emu.url, esp, 100_000);
    await fault({ route: 'POST /api/transactions', kind: 'lost-response', count: 1 });
    const send = () =>
      fetch(`${emu.url}/api/transactions`, {
        method: 'POST',
        headers: { 'x-auth': xAuth(), 'content-type': 'application/json' },
        body: JSON.stringify({
          payment: { action: 'payout', orderId: 'lost-1', price: '100.00' },
          customerInfo: { email: 'user@example.com' },
          source: { paymentToken: esp },
          destination: { knownCardNumber: '2202202244861047' },
        }),
      });
    const lost = await send().then(
      () => undefined,
      (error: Error) => error,
    );
    expect(lost).toBeInstanceOf(Error);
    expect(String((lost?.cause as Error | undefined)?.message ?? lost?.message)).toMatch(
      /closed|reset|socket/i,
    );
    const { transactions } = (
      await call<{ transactions: Array<{ id: string; orderId: string }> }>(
        emu.url,
        '/__emulator/transactions',
      )
    ).json;
    expect(transactions.map((t) => t.orderId)).toEqual(['lost-1']);
    // Its callback goes out as for any payout, and the fault is used up: the next answer arrives.
    try {
      const callback = await waitUntil(() =>
        receiver.requests.find((r) => new URLSearchParams(r.body).get('orderId') === 'lost-1'),
      );
      expect(new URLSearchParams(callback.body).get('status')).toBe('success');
      expect(await callbacksFor(emu.url, transactions[0]!.id)).toHaveLength(1);
    } finally {
      emu.emulator.options.callbackUrl = undefined;
      await receiver.close();
    }
    expect((await banks()).status).toBe(200);
  });

  it('drops the connection when the hold ends', async () => {
    await fault({ route: 'GET /api/sbp/banks', kind: 'timeout', delayMs: 20 });
    await expect(banks()).rejects.toThrow();
    expect((await banks()).status).toBe(200);
  });

  it('lists, deletes and validates faults, and never touches the admin API', async () => {
    await fault({ route: '*', kind: '5xx', count: 100 });
    const list = await call<{ faults: Array<{ id: string; count: number }> }>(emu.url, '/__emulator/faults');
    expect(list.status).toBe(200);
    expect(list.json.faults[0]!.count).toBe(100);
    expect((await banks()).status).toBe(503);
    await call(emu.url, `/__emulator/faults/${list.json.faults[0]!.id}`, { method: 'DELETE' });
    expect((await banks()).status).toBe(200);
    expect((await fault({ route: '*', kind: 'meteor' })).status).toBe(400);
    expect((await call(emu.url, '/__emulator/faults/nope', { method: 'DELETE' })).status).toBe(404);
  });
});
