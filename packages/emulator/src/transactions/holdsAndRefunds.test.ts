import { describe, expect, it } from 'vitest';
import { activeEsp, call, emulatorSuite, getToken, waitUntil, xAuth } from '../fixtures/harness.js';

const customerInfo = { email: 'user@example.com', phone: '+79001234567' };
const A = '16f90c5e-6bc3-11eb-9439-0242ac130002';
const rub = (value: string) => ({ value, currency: 'RUB' });

describe('holds, refunds and rebills: what they may act on', () => {
  const { emu, receiver } = emulatorSuite();

  const send = (body: unknown) =>
    call<{ id: string; userWebLink?: string; error?: string }>(emu.url, '/api/transactions', {
      headers: { 'x-auth': xAuth() },
      body,
    });
  const statusOf = (id: string) =>
    waitUntil(() => {
      const request = receiver.requests.find((r) => new URLSearchParams(r.body).get('transaction') === id);
      return request && new URLSearchParams(request.body).get('status');
    });
  /** Creates a transaction a payer completes and presses Pay (or Decline) for it. */
  const decided = async (body: unknown, decision: 'pay' | 'decline' = 'pay') => {
    const res = await send(body);
    expect(res.status, res.text).toBe(200);
    await fetch(`${emu.url}/Pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        transaction: new URL(res.json.userWebLink!).searchParams.get('transaction')!,
        decision,
      }),
    });
    await statusOf(res.json.id);
    return res.json.id;
  };
  const hold = () => decided({ payment: { orderId: 'hold', action: 'preauth', price: '100' }, customerInfo });
  const card = (orderId: string, price: string) =>
    decided({ payment: { orderId, action: 'pay', price }, customerInfo });

  it('a capture above the hold is refused and leaves the hold capturable', async () => {
    const preauth = await hold();
    const over = await send({
      payment: { orderId: 'c1', action: 'pay', price: '100.01' },
      target: { preauth },
    });
    expect(over.status).toBe(400);
    expect(over.json.error).toMatch(/exceeds the held amount/);
    const release = await send({
      payment: { orderId: 'r1', action: 'reversal', price: '150' },
      target: { preauth },
    });
    expect(release.status).toBe(400);
    const capture = await send({
      payment: { orderId: 'c2', action: 'pay', price: '100' },
      target: { preauth },
    });
    expect(capture.status).toBe(200);
    expect(await statusOf(capture.json.id)).toBe('success');
  });

  it('a capture that fails opens the hold again', async () => {
    const preauth = await hold();
    emu.emulator.options.delays.transactionSeconds = 3600;
    try {
      const capture = await send({
        payment: { orderId: 'c1', action: 'pay', price: '10' },
        target: { preauth },
      });
      await call(emu.url, `/__emulator/transactions/${capture.json.id}/complete`, {
        body: { status: 'failed' },
      });
      expect(await statusOf(capture.json.id)).toBe('failed');
    } finally {
      emu.emulator.options.delays.transactionSeconds = 2;
    }
    const release = await send({ payment: { orderId: 'r1', action: 'reversal' }, target: { preauth } });
    expect(release.status, release.text).toBe(200);
  });

  it('a declined preauth can be neither captured, refunded nor rebilled, and a payment is no hold', async () => {
    const declinedHold = await decided(
      { payment: { orderId: 'h', action: 'preauth', price: '100' }, customerInfo },
      'decline',
    );
    const paid = await card('p', '10');
    const capture = await send({
      payment: { orderId: 'c', action: 'pay', price: '1' },
      target: { preauth: declinedHold },
    });
    expect(capture.json.error).toMatch(/not authorised/);
    // A payment is not a hold, and a hold is not a payment.
    expect(
      (
        await send({
          payment: { orderId: 'c2', action: 'pay', price: '1' },
          target: { preauth: paid },
        })
      ).status,
    ).toBe(400);
    expect(
      (await send({ payment: { orderId: 'r', action: 'reversal' }, target: { transaction: declinedHold } }))
        .status,
    ).toBe(400);
    expect(
      (await send({ payment: { orderId: 'b', action: 'pay', price: '1' }, target: { rebill: declinedHold } }))
        .status,
    ).toBe(400);
  });

  it('refunds a payment without routing in parts, never beyond it, and takes no routing.source for it', async () => {
    const transaction = await card('paid', '30');
    const refund = (orderId: string, price?: string, extra: Record<string, unknown> = {}) =>
      send({
        payment: { orderId, action: 'reversal', ...(price ? { price } : {}) },
        target: { transaction },
        ...extra,
      });
    const first = await refund('r1', '10');
    expect(first.status).toBe(200);
    expect(await statusOf(first.json.id)).toBe('success');
    const routed = await refund('r2', '5', {
      routing: { source: [{ accountId: A, amount: rub('5'), platformFeeAmount: rub('0') }] },
    });
    expect(routed.json.error).toMatch(/not routed/);
    const over = await refund('r3', '20.01');
    expect(over.json.error).toMatch(/at most 20\.00/);
    const rest = await refund('r4');
    expect(await statusOf(rest.json.id)).toBe('success');
    const fields = Object.fromEntries(
      new URLSearchParams(receiver.requests.find((r) => r.body.includes(rest.json.id))!.body),
    );
    expect(fields.price).toBe('20.00');
  });

  it('refuses a refund of a routed payment without routing.source', async () => {
    const token = await getToken(emu.url);
    const res = await call<{ id: string; userWebLink: string }>(emu.url, '/secure/transactions', {
      token,
      body: {
        payment: { action: 'pay', orderId: 'routed', amount: rub('50.00') },
        routing: { destination: [{ accountId: A, amount: rub('50.00'), platformFeeAmount: rub('1.00') }] },
        customerInfo,
      },
    });
    await fetch(`${emu.url}/Pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        transaction: new URL(res.json.userWebLink).searchParams.get('transaction')!,
        decision: 'pay',
      }),
    });
    await statusOf(res.json.id);
    const refund = await send({
      payment: { orderId: 'r', action: 'reversal' },
      target: { transaction: res.json.id },
    });
    expect(refund.status).toBe(400);
    expect(refund.json.error).toMatch(/routing\.source is required/);
  });

  it('rebills card payments only, not a withdrawal from a wallet', async () => {
    const token = await getToken(emu.url);
    const esp = await activeEsp(emu.url, token);
    await call(emu.url, `/__emulator/wallets/${esp}/balance`, { body: { balance: 10_000 } });
    const withdrawal = await send({
      payment: { orderId: 'w', action: 'pay', price: '10' },
      target: { paymentToken: esp },
      customerInfo,
    });
    expect(await statusOf(withdrawal.json.id)).toBe('success');
    const rebill = await send({
      payment: { orderId: 'b', action: 'pay', price: '10' },
      target: { rebill: withdrawal.json.id },
    });
    expect(rebill.status).toBe(400);
  });
});
