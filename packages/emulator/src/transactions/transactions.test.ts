import { beforeEach, describe, expect, it } from 'vitest';
import { activeEsp, CREDS, call, emulatorSuite, getToken, waitUntil, xAuth } from '../fixtures/harness.js';

const A = '16f90c5e-6bc3-11eb-9439-0242ac130002';
const B = '8ba85f01-8cc8-4161-b45d-ce6442e678ae';
const rub = (value: string) => ({ value, currency: 'RUB' });
const share = (accountId: string, amount: string, fee: string) => ({
  accountId,
  amount: rub(amount),
  platformFeeAmount: rub(fee),
  description: '',
});
const customerInfo = { email: 'user@example.com', phone: '+79001234567' };

/** The seed's routed one-step payment. */
const routedPayment = (
  orderId: string,
  destination = [share(A, '4000.00', '50.00'), share(B, '1000.00', '50.00')],
) => ({
  payment: { action: 'pay', orderId, amount: rub('5000.00'), orderActualTill: '2030-02-20 12:34:56+00:00' },
  routing: { destination },
  customerInfo,
});

describe('transactions', () => {
  const { emu, receiver: callbacks } = emulatorSuite();
  let token: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
  });

  const callbackOf = async (id: string) => {
    const request = await waitUntil(() =>
      callbacks.requests.find((r) => new URLSearchParams(r.body).get('transaction') === id),
    );
    return Object.fromEntries(new URLSearchParams(request.body));
  };
  const txState = async (id: string) => (await call(emu.url, `/__emulator/transactions/${id}`)).json;

  /** Presses a button on the hosted page with a plain form POST, as a browser would. */
  const decide = async (userWebLink: string, decision: 'pay' | 'decline') => {
    const link = new URL(userWebLink);
    return fetch(`${emu.url}/Pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ transaction: link.searchParams.get('transaction')!, decision }),
      redirect: 'manual',
    });
  };

  /** A routed payment paid on the hosted page; returns its id. */
  async function paidRoutedPayment(orderId: string): Promise<string> {
    const res = await call<{ id: string; userWebLink: string }>(emu.url, '/secure/transactions', {
      token,
      body: routedPayment(orderId),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    await decide(res.json.userWebLink, 'pay');
    expect((await callbackOf(res.json.id)).status).toBe('success');
    return res.json.id;
  }

  it('creates a routed payment with the seed response shape and completes it on the hosted page', async () => {
    const res = await call<{ id: string; userWebLink: string; jsOperationId: string }>(
      emu.url,
      '/secure/transactions',
      {
        token,
        body: routedPayment('order-1'),
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.json.userWebLink).toMatch(new RegExp(`^${emu.url}/Pay\\?transaction=[0-9a-f-]{36}$`));
    expect(res.json.jsOperationId).toMatch(/^[a-z0-9]{24}$/);
    expect((await txState(res.json.id)).status).toBe('awaiting_payer');
    expect(callbacks.requests).toHaveLength(0);
    await decide(res.json.userWebLink, 'pay');
    expect(await callbackOf(res.json.id)).toMatchObject({
      status: 'success',
      price: '5000.00',
      action: 'pay',
    });
    const lookup = await call(emu.url, `/api/transactions/${res.json.id}`, {
      headers: { 'x-auth': xAuth() },
    });
    expect(lookup.json).toMatchObject({
      id: res.json.id,
      orderId: 'order-1',
      status: 'success',
      price: '5000.00',
    });
  });

  it('refuses a split that does not add up to the total, or a fee above its amount', async () => {
    const short = await call(emu.url, '/secure/transactions', {
      token,
      body: routedPayment('o', [share(A, '4000.00', '50.00'), share(B, '999.99', '50.00')]),
    });
    expect(short.status).toBe(400);
    expect(short.json.error).toMatch(/0\.01 short of the total 5000\.00/);
    const fee = await call(emu.url, '/secure/transactions', {
      token,
      body: routedPayment('o', [share(A, '4000.00', '4000.01'), share(B, '1000.00', '0')]),
    });
    expect(fee.status).toBe(400);
    expect(fee.json.error).toMatch(/fee/);
    expect(
      (await call<{ transactions: unknown[] }>(emu.url, '/__emulator/transactions')).json.transactions,
    ).toEqual([]);
  });

  it('runs a two-step payment: preauth on the hosted page, then a capture (pay + target.preauth) with routing', async () => {
    const auth = await call<{ id: string; userWebLink: string }>(emu.url, '/secure/transactions', {
      token,
      body: { payment: { action: 'preauth', orderId: 'two-1', amount: rub('5000.00') }, customerInfo },
    });
    expect(auth.status).toBe(200);
    // Charging before the payer authorised is refused.
    const early = await call(emu.url, '/secure/transactions', {
      token,
      body: {
        payment: { action: 'pay', orderId: 'two-1-pay', amount: rub('5000.00') },
        target: { preauth: auth.json.id },
        routing: { destination: [share(A, '5000.00', '10.00')] },
      },
    });
    expect(early.status).toBe(400);
    await decide(auth.json.userWebLink, 'pay');
    expect(await callbackOf(auth.json.id)).toMatchObject({ status: 'success', action: 'preauth' });
    const charge = await call<{ id: string }>(emu.url, '/secure/transactions', {
      token,
      body: {
        payment: { action: 'pay', orderId: 'two-1-pay', amount: rub('4000.00') },
        target: { preauth: auth.json.id },
        routing: { destination: [share(A, '3000.00', '10.00'), share(B, '1000.00', '0.00')] },
      },
    });
    expect(charge.status, JSON.stringify(charge.json)).toBe(200);
    expect((await callbackOf(charge.json.id)).status).toBe('success');
    const again = await call(emu.url, '/secure/transactions', {
      token,
      body: {
        payment: { action: 'pay', orderId: 'two-1-pay2', amount: rub('1000.00') },
        target: { preauth: auth.json.id },
        routing: { destination: [share(A, '1000.00', '0')] },
      },
    });
    expect(again.status).toBe(400);
    expect(again.json.error).toMatch(/already been captured/);
  });

  it('runs a recurring payment from a bound card without a payer', async () => {
    const res = await call<{ id: string }>(emu.url, '/secure/transactions', {
      token,
      body: {
        payment: { action: 'pay', orderId: 'rec-1', amount: rub('5000.00') },
        target: { card: '63eed817-c56e-4aac-ad38-15113ed13722' },
        routing: { destination: [share(A, '4000.00', '50.00'), share(B, '1000.00', '50.00')] },
      },
    });
    expect(res.status).toBe(200);
    expect((await callbackOf(res.json.id)).status).toBe('success');
  });

  it('reverses partially any number of times within what each account still holds', async () => {
    const paymentId = await paidRoutedPayment('rev-1');
    const reversal = (orderId: string, price: string, source: ReturnType<typeof share>[]) =>
      call<{ id: string; error?: string }>(emu.url, '/api/transactions', {
        headers: { 'x-auth': xAuth() },
        body: {
          payment: { action: 'reversal', orderId, price },
          target: { transaction: paymentId },
          routing: { source },
          customValues: [{ name: 'reason', value: 'partial' }],
        },
      });
    const first = await reversal('rev-1-a', '1500.00', [share(A, '1000.00', '0'), share(B, '500.00', '0')]);
    expect(first.status).toBe(200);
    expect(Object.keys(first.json)).toEqual(['id']);
    expect(await callbackOf(first.json.id)).toMatchObject({
      status: 'success',
      action: 'reversal',
      cs2: 'partial',
    });
    // B holds 500.00 now: 500.01 is too much, even though the payment total still has room.
    const over = await reversal('rev-1-b', '500.01', [share(B, '500.01', '0')]);
    expect(over.status).toBe(400);
    expect(over.json.error).toMatch(/at most 500\.00/);
    const sum = await reversal('rev-1-c', '100.00', [share(A, '99.00', '0')]);
    expect(sum.status).toBe(400);
    const fee = await reversal('rev-1-d', '100.00', [share(A, '100.00', '50.01')]);
    expect(fee.status).toBe(400);
    const rest = await reversal('rev-1-e', '3500.00', [
      share(A, '3000.00', '50.00'),
      share(B, '500.00', '50.00'),
    ]);
    expect(rest.status, JSON.stringify(rest.json)).toBe(200);
    await callbackOf(rest.json.id);
    const nothingLeft = await reversal('rev-1-f', '0.01', [share(A, '0.01', '0')]);
    expect(nothingLeft.status).toBe(400);
    const stranger = await reversal('rev-1-g', '1.00', [
      share('00000000-0000-4000-8000-000000000000', '1.00', '0'),
    ]);
    expect(stranger.status).toBe(400);
  });

  it('refuses to reverse an unknown or unpaid payment', async () => {
    const res = await call(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'reversal', orderId: 'x', price: '1.00' },
        target: { transaction: 'f'.repeat(32) },
        routing: { source: [share(A, '1.00', '0')] },
      },
    });
    expect(res.status).toBe(400);
  });

  it('answers the exact -2 error to a duplicate orderId of an unfinished payout', async () => {
    const esp = await activeEsp(emu.url, token);
    const body = {
      payment: { action: 'payout', orderId: '1756292752', price: '100' },
      customerInfo,
      source: { paymentToken: esp },
      destination: { knownCardNumber: '2202202244861047' },
    };
    // Hold the first payout back so that it is still unfinished when the second arrives.
    emu.emulator.options.delays.transactionSeconds = 3600;
    try {
      expect((await call(emu.url, '/api/transactions', { token, body })).status).toBe(200);
      const dup = await call(emu.url, '/api/transactions', { token, body });
      expect(dup.status).toBe(400);
      expect(dup.text).toBe(
        '{"error":"Duplicate order id 1756292752 found for incomplete payout transaction","errorCode":-2}',
      );
    } finally {
      emu.emulator.options.delays.transactionSeconds = 2;
    }
  });

  it('names the field to fix when a body matches no shape, and never answers 500', async () => {
    const bad = await call(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'payout', orderId: '1', price: '1,00' },
        customerInfo,
        target: { paymentToken: 'x' },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/deposit.*payment\.price/);
    for (const body of ['[]', 'null', '"x"', '{', '{"payment":null}', '{"payment":{"action":"pay"}}']) {
      const res = await call(emu.url, '/api/transactions', { token, body });
      expect(res.status, body).toBe(400);
      expect(res.json.error, body).toEqual(expect.any(String));
    }
  });

  it('accepts X-Auth on the classic API and refuses a bad one without creating anything', async () => {
    const esp = await activeEsp(emu.url, token);
    const body = {
      payment: { action: 'payout', orderId: 'xa', price: '1.00' },
      target: { paymentToken: esp },
      customerInfo,
    };
    for (const header of [xAuth(CREDS.merchantId, 'wrong'), xAuth('999'), 'garbage', `${xAuth()}x`]) {
      const res = await call(emu.url, '/api/transactions', { headers: { 'x-auth': header }, body });
      expect(res.status, header).toBe(401);
    }
    expect(
      (await call<{ transactions: unknown[] }>(emu.url, '/__emulator/transactions')).json.transactions,
    ).toEqual([]);
    expect((await call(emu.url, '/api/transactions', { headers: { 'x-auth': xAuth() }, body })).status).toBe(
      200,
    );
    // The routing host takes Bearer only.
    const routing = await call(emu.url, '/secure/transactions', {
      headers: { 'x-auth': xAuth() },
      body: routedPayment('xa-2'),
    });
    expect(routing.status).toBe(401);
  });

  it('looks a transaction up and answers 404 for an unknown one', async () => {
    expect((await call(emu.url, `/api/transactions/${'0'.repeat(32)}`, { token })).status).toBe(404);
  });

  it('links sub-merchant accounts and refuses bad tokens with the seed error', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJtZXJjaGFudF9pZCI6Mn0.unGctyIBkp4EHXw-7bFqWbbkmfhs2yCJ-jAKJGqRP_1';
    const ok = await call(emu.url, '/api/v1/accounts/business', { token, body: { token: jwt } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type: 'Business' });
    const same = await call(emu.url, '/api/v1/accounts/business', { token, body: { token: jwt } });
    expect(same.json.id).toBe(ok.json.id);
    for (const body of [{ token: '' }, { token: 'not-a-jwt' }, {}, '{oops']) {
      const res = await call(emu.url, '/api/v1/accounts/business', { token, body });
      expect(res.status).toBe(400);
      expect(res.text).toBe('{"error":"Invalid request"}');
    }
  });
});
