import { transactionByOrderIdResponseSchema } from '@mandarin-kit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeEsp,
  CREDS,
  call,
  emulatorSuite,
  getToken,
  setBalance,
  waitUntil,
  xAuth,
} from '../fixtures/harness.js';

const customerInfo = { email: 'user@example.com', phone: '+79001234567' };

describe('transaction lookup by orderId', () => {
  const { emu, receiver: callbacks } = emulatorSuite();
  let token: string;
  let esp: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
    esp = await activeEsp(emu.url, token);
  });

  const byOrder = (orderId: string, headers: Record<string, string> = { 'x-auth': xAuth() }) =>
    call(emu.url, `/api/transactions?orderId=${encodeURIComponent(orderId)}`, { headers });
  const payout = (orderId: string) =>
    call<{ id: string }>(emu.url, '/api/transactions', {
      headers: { 'x-auth': xAuth() },
      body: {
        payment: { action: 'payout', orderId, price: '100.00' },
        customerInfo,
        source: { paymentToken: esp },
        destination: { knownCardNumber: '2202202244861047' },
      },
    });

  it('answers the same view as the lookup by id, pending and then final', async () => {
    await setBalance(emu.url, esp, 1_000_000);
    emu.emulator.options.delays.transactionSeconds = 3600;
    let created: Awaited<ReturnType<typeof payout>>;
    try {
      created = await payout('order/1 & more');
      const pending = await byOrder('order/1 & more');
      expect(pending.status).toBe(200);
      expect(transactionByOrderIdResponseSchema.parse(pending.json)).toMatchObject({
        id: created.json.id,
        orderId: 'order/1 & more',
        status: 'pending',
        error: null,
      });
    } finally {
      emu.emulator.options.delays.transactionSeconds = 2;
    }
    await call(emu.url, `/__emulator/transactions/${created.json.id}/complete`, {
      body: { status: 'success' },
    });
    await waitUntil(() => callbacks.requests.length > 0);
    const final = await byOrder('order/1 & more', {
      authorization: `Bearer ${token}`,
      mid: CREDS.merchantId,
    });
    const byId = await call(emu.url, `/api/transactions/${created.json.id}`, { token });
    expect(final.json).toEqual(byId.json);
    expect(final.json).toMatchObject({ status: 'success', error: null });
  });

  it('says why a transaction failed', async () => {
    const created = await payout('broke');
    await waitUntil(() => callbacks.requests.length > 0);
    const failed = transactionByOrderIdResponseSchema.parse((await byOrder('broke')).json);
    expect(failed).toMatchObject({
      id: created.json.id,
      status: 'failed',
      error: 'Insufficient funds',
    });
  });

  it('answers 404 when nothing was created, 400 without an orderId, 401 without credentials', async () => {
    const none = await byOrder('never-sent');
    expect(none.status).toBe(404);
    expect(none.json).toEqual({ error: expect.any(String) });
    expect((await call(emu.url, '/api/transactions', { headers: { 'x-auth': xAuth() } })).status).toBe(400);
    expect(
      (await call(emu.url, '/api/transactions?orderId=a&orderId=b', { headers: { 'x-auth': xAuth() } }))
        .status,
    ).toBe(400);
    expect((await call(emu.url, '/api/transactions?orderId=never-sent')).status).toBe(401);
  });
});
