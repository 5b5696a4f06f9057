import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CREDS, call, emulatorSuite, waitUntil, xAuth } from '../fixtures/harness.js';

// The canonical requests of Mandarin's payments reference ("REST API payments", SPEC.md), sent verbatim
// with a valid X-Auth. Only the ids of objects the emulator must know (a preauth, an earlier payment) are
// replaced by real ones; the prerequisites that create them use other orderIds.
const customerInfo = { email: 'user@example.com', phone: '+79001234567' };
const customValues = [
  { name: 'custom field 0', value: '123321' },
  { name: 'custom field 1', value: '123321' },
];
const BINDING = '0eb51e74-e704-4c36-b5cb-8f0227621518';

/** SPEC.md's `sign`, recomputed: values by key in code-unit order, joined by `-`, `-secret`, sha256 hex. */
function signOf(fields: Record<string, string>): string {
  const keys = Object.keys(fields)
    .filter((k) => k !== 'sign')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(`${keys.map((k) => fields[k]).join('-')}-${CREDS.secret}`)
    .digest('hex');
}

describe("the payments reference's canonical requests", () => {
  const { emu, receiver } = emulatorSuite();

  const post = (path: string, body: unknown) =>
    call<{ id: string; userWebLink?: string; jsOperationId?: string; error?: string }>(emu.url, path, {
      headers: { 'x-auth': xAuth() },
      body,
    });
  const send = (body: unknown) => post('/api/transactions', body);
  /** The signed callback of `id` (a transaction or a card binding), checked and returned as fields. */
  const callbackOf = async (id: string) => {
    const request = await waitUntil(() =>
      receiver.requests.find((r) => {
        const fields = new URLSearchParams(r.body);
        return fields.get('transaction') === id || fields.get('card_binding') === id;
      }),
    );
    const fields = Object.fromEntries(new URLSearchParams(request.body));
    expect(fields.sign).toBe(signOf(fields));
    return fields;
  };
  /** Enters the default test card on the hosted page and presses the first button, as a payer would. */
  const payOnPage = async (userWebLink: string) => {
    const res = await fetch(`${emu.url}/Pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        transaction: new URL(userWebLink).searchParams.get('transaction')!,
        decision: 'pay',
        cardNumber: '4929509947106878',
        cardHolder: 'CARD HOLDER',
        cardExpiration: `12/${String(new Date().getUTCFullYear() + 2).slice(-2)}`,
        cardCvv: '123',
      }),
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
  };
  const expectIdOnly = (res: Awaited<ReturnType<typeof send>>) => {
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/) });
  };
  /** A card payment paid on the hosted page: what refunds and rebills act on. */
  const paidPayment = async (orderId: string, price = '10') => {
    const res = await send({ payment: { orderId, action: 'pay', price }, customerInfo });
    await payOnPage(res.json.userWebLink!);
    expect((await callbackOf(res.json.id)).status).toBe('success');
    return res.json.id;
  };
  /** An authorised preauth (a hold of 100.00). */
  const hold = async () => {
    const res = await send({ payment: { orderId: 'hold', action: 'preauth', price: '100' }, customerInfo });
    await payOnPage(res.json.userWebLink!);
    expect((await callbackOf(res.json.id)).status).toBe('success');
    return res.json.id;
  };

  it.each(['pay', 'payout'])(
    '%s with an unbound card and customValues → {id, userWebLink}, payer on the page',
    async (action) => {
      const res = await send({
        payment: { orderId: '123321', action, price: '10' },
        customerInfo,
        customValues,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        userWebLink: expect.any(String),
      });
      expect(receiver.requests).toHaveLength(0);
      await payOnPage(res.json.userWebLink!);
      expect(await callbackOf(res.json.id)).toMatchObject({
        transaction: res.json.id,
        status: 'success',
        action,
        merchantId: CREDS.merchantId,
        price: '10.00',
        orderId: '123321',
        customer_email: 'user@example.com',
        customer_phone: '+79001234567',
        cs2: '123321',
        cs3: '123321',
        card_number: '492950XXXXXX6878',
      });
    },
  );

  it('preauth → {id, userWebLink}; the hold succeeds on the page', async () => {
    const res = await send({
      payment: { orderId: '123321', action: 'preauth', price: '10' },
      customerInfo,
      customValues,
    });
    expect(res.json.userWebLink).toEqual(expect.any(String));
    await payOnPage(res.json.userWebLink!);
    expect(await callbackOf(res.json.id)).toMatchObject({
      status: 'success',
      action: 'preauth',
      price: '10.00',
    });
  });

  it('capture: pay with target.preauth, partial, once; the hold is then neither captured again nor released', async () => {
    const preauth = await hold();
    const res = await send({
      payment: { orderId: '123321', action: 'pay', price: '10' },
      target: { preauth },
    });
    expectIdOnly(res);
    expect(await callbackOf(res.json.id)).toMatchObject({ status: 'success', action: 'pay', price: '10.00' });
    const again = await send({
      payment: { orderId: 'again', action: 'pay', price: '10' },
      target: { preauth },
    });
    expect(again.status).toBe(400);
    expect(again.json.error).toMatch(/already been captured/);
    const release = await send({ payment: { orderId: 'late', action: 'reversal' }, target: { preauth } });
    expect(release.status).toBe(400);
  });

  it('release: reversal with target.preauth ends the hold, which then cannot be captured', async () => {
    const preauth = await hold();
    const res = await send({ payment: { orderId: '123321', action: 'reversal' }, target: { preauth } });
    expectIdOnly(res);
    expect(await callbackOf(res.json.id)).toMatchObject({
      status: 'success',
      action: 'reversal',
      price: '100.00',
    });
    const capture = await send({
      payment: { orderId: 'late', action: 'pay', price: '10' },
      target: { preauth },
    });
    expect(capture.status).toBe(400);
    expect(capture.json.error).toMatch(/released/);
  });

  it('refund: reversal with target.transaction gives back the whole payment', async () => {
    const transaction = await paidPayment('paid', '25.50');
    const res = await send({ payment: { orderId: '123321', action: 'reversal' }, target: { transaction } });
    expectIdOnly(res);
    expect(await callbackOf(res.json.id)).toMatchObject({
      status: 'success',
      action: 'reversal',
      price: '25.50',
    });
    const more = await send({ payment: { orderId: 'more', action: 'reversal' }, target: { transaction } });
    expect(more.status).toBe(400);
    expect(more.json.error).toMatch(/refunded in full/);
  });

  it('rebill: pay with target.rebill charges the card of an earlier successful pay, no payer', async () => {
    const rebill = await paidPayment('first');
    const res = await send({
      payment: { orderId: '123321', action: 'pay', price: '10' },
      target: { rebill },
    });
    expectIdOnly(res);
    expect(await callbackOf(res.json.id)).toMatchObject({
      status: 'success',
      action: 'pay',
      card_number: '492950XXXXXX6878',
    });
    const unknown = await send({
      payment: { orderId: 'x', action: 'pay', price: '10' },
      target: { rebill: 'f'.repeat(32) },
    });
    expect(unknown.status).toBe(400);
  });

  it.each(['pay', 'payout'])('%s with a bound card (target.card) → {id}, no payer', async (action) => {
    const res = await send({
      payment: { orderId: '123321', action, price: '10' },
      target: { card: BINDING },
    });
    expectIdOnly(res);
    expect(await callbackOf(res.json.id)).toMatchObject({ status: 'success', action });
  });

  it('payout to a known card number (target.knownCardNumber) → {id}', async () => {
    const res = await send({
      payment: { orderId: '123321', action: 'payout', price: '10' },
      customerInfo,
      target: { knownCardNumber: '4012888888881881' },
    });
    expectIdOnly(res);
    expect(await callbackOf(res.json.id)).toMatchObject({
      status: 'success',
      action: 'payout',
      card_number: '401288XXXXXX1881',
    });
  });

  it('payout to a bound card as a public Node client sends it (customerInfo.fullName, senderInfo)', async () => {
    const res = await send({
      payment: { orderId: '123321', action: 'payout', price: '10' },
      target: { card: BINDING },
      customerInfo: { fullName: 'Ivan Ivanov', email: 'user@example.com', phone: '+79001234567' },
      senderInfo: { fullName: 'Shop LLC' },
    });
    expectIdOnly(res);
    expect(await callbackOf(res.json.id)).toMatchObject({ status: 'success', action: 'payout' });
  });

  it('card binding → {id, userWebLink}', async () => {
    const res = await post('/api/card-bindings', { customerInfo });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: expect.any(String), userWebLink: expect.any(String) });
  });

  it('one-side binding (target.knownCardNumber) → {id}, bound at once, for payouts only', async () => {
    const res = await post('/api/card-bindings', {
      customerInfo,
      target: { knownCardNumber: '4012888888881881' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await callbackOf(res.json.id)).toMatchObject({
      object_type: 'card_binding',
      status: 'success',
      card_number: '401288******1881',
    });
    const payout = await send({
      payment: { orderId: 'to-it', action: 'payout', price: '10' },
      target: { card: res.json.id },
    });
    expect(await callbackOf(payout.json.id)).toMatchObject({
      status: 'success',
      card_number: '401288******1881',
    });
    const charge = await send({
      payment: { orderId: 'from-it', action: 'pay', price: '10' },
      target: { card: res.json.id },
    });
    expect(await callbackOf(charge.json.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/payouts only/),
    });
  });

  it('still refuses what is malformed, creating nothing', async () => {
    for (const body of [
      { payment: { orderId: '123321', action: 'pay', price: '10,00' }, customerInfo },
      { payment: { orderId: '123321', action: 'pay', price: 10 }, customerInfo },
      { payment: { action: 'pay', price: '10' }, customerInfo },
      { payment: { orderId: '123321', action: 'pay', price: '10' }, target: { preauth: 'x', card: 'y' } },
      {
        payment: { orderId: '123321', action: 'payout', price: '10' },
        customerInfo,
        target: { knownCardNumber: '40128888' },
      },
    ]) {
      const res = await send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toEqual(expect.any(String));
    }
    const binding = await post('/api/card-bindings', { customerInfo, target: { knownCardNumber: 'x' } });
    expect(binding.status).toBe(400);
    expect(
      (await call<{ transactions: unknown[] }>(emu.url, '/__emulator/transactions')).json.transactions,
    ).toEqual([]);
  });
});
