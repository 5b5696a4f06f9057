import { describe, expect, it } from 'vitest';
import { activeEsp, call, emulatorSuite, getToken, waitUntil } from '../fixtures/harness.js';

describe('admin API', () => {
  // The tests build on each other: the last one checks that a reset clears what the earlier ones made.
  const { emu, receiver } = emulatorSuite({ emulator: () => ({}), isolate: false });

  it('summarises itself', async () => {
    const res = await call<{ routes: Array<{ route: string }> }>(emu.url, '/__emulator');
    expect(res.json.routes.map((r) => r.route)).toContain('POST /__emulator/reset');
  });

  it('changes callback and webhook URLs at runtime', async () => {
    const res = await call(emu.url, '/__emulator/config', {
      body: { callbackUrl: `${receiver.url}/cb`, webhookUrl: `${receiver.url}/hooks` },
    });
    expect(res.json).toMatchObject({
      callbackUrl: `${receiver.url}/cb`,
      webhookUrl: `${receiver.url}/hooks`,
    });
    const token = await getToken(emu.url);
    const esp = await activeEsp(emu.url, token);
    await waitUntil(() => receiver.requests.find((r) => r.url === '/hooks'));
    expect((await call(emu.url, '/__emulator/config', { body: { webhookUrl: 'not a url' } })).status).toBe(
      400,
    );

    // A server-side operation held back, then finished by hand as failed.
    emu.emulator.options.delays.transactionSeconds = 3600;
    const created = await call<{ id: string }>(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'payout', orderId: 'adm-1', price: '5.00' },
        target: { paymentToken: esp },
        customerInfo: { email: 'a@example.com' },
      },
    });
    const done = await call(emu.url, `/__emulator/transactions/${created.json.id}/complete`, {
      body: { status: 'failed', reason: 'bank offline' },
    });
    expect(done.json).toMatchObject({ status: 'failed', failureReason: 'bank offline' });
    const cb = await waitUntil(() => receiver.requests.find((r) => r.url === '/cb'));
    expect(new URLSearchParams(cb.body).get('status')).toBe('failed');
    expect(
      (
        await call(emu.url, `/__emulator/transactions/${created.json.id}/complete`, {
          body: { status: 'success' },
        })
      ).status,
    ).toBe(400);

    const wallets = await call<{ wallets: Array<{ espId: string; balance: number }> }>(
      emu.url,
      '/__emulator/wallets',
    );
    expect(wallets.json.wallets).toEqual([expect.objectContaining({ espId: esp, balance: 0 })]);
  });

  it('advances the clock and resets everything', async () => {
    const before = await call<{ now: string }>(emu.url, '/__emulator/clock');
    const after = await call<{ now: string; offsetMs: number }>(emu.url, '/__emulator/clock', {
      body: { advanceSeconds: 3600 },
    });
    expect(Date.parse(after.json.now) - Date.parse(before.json.now)).toBeGreaterThanOrEqual(3_600_000);
    await call(emu.url, '/__emulator/faults', { body: { route: '*', kind: '5xx' } });
    expect((await call(emu.url, '/__emulator/reset', { method: 'POST' })).json).toEqual({ reset: true });
    expect((await call<{ offsetMs: number }>(emu.url, '/__emulator/clock')).json.offsetMs).toBe(0);
    expect((await call<{ faults: unknown[] }>(emu.url, '/__emulator/faults')).json.faults).toEqual([]);
    expect((await call<{ esps: unknown[] }>(emu.url, '/__emulator/esp')).json.esps).toEqual([]);
    expect((await call<{ callbacks: unknown[] }>(emu.url, '/__emulator/callbacks')).json.callbacks).toEqual(
      [],
    );
    const stats = await call<{ tokenRequests: number; pendingTimers: number }>(emu.url, '/__emulator/stats');
    expect(stats.json).toMatchObject({ tokenRequests: 0, pendingTimers: 0 });
  });

  it('answers 404 for unknown admin objects', async () => {
    for (const path of [
      '/__emulator/esp/x',
      '/__emulator/esp/x/otp',
      '/__emulator/wallets/x',
      '/__emulator/transactions/x',
      '/__emulator/callbacks/x',
    ]) {
      expect((await call(emu.url, path)).status, path).toBe(404);
    }
  });
});
