import { beforeAll, describe, expect, it } from 'vitest';
import { bindCard, onboardWallet, waitFor } from '../testkit/flows.js';
import { openSse } from '../testkit/sse.js';
import { walletSuite } from '../testkit/suites.js';

const { stack, owner, wallet } = walletSuite(1_500_075n); // 15 000.75 RUB
let cardId: string;

beforeAll(async () => {
  cardId = await bindCard(stack, owner);
});

const balance = async () => (await owner.get(`/api/wallets/${wallet.id}/balance`)).body.balance.amount;
const settled = (id: string) =>
  waitFor(
    () => owner.get(`/api/operations/${id}`),
    (r) => r.body.status !== 'pending',
  );

describe('wallet operations', () => {
  it('shows the balance exactly', async () => {
    expect(await balance()).toBe('15000.75');
  });

  it('pays out to a card number, masks it, and the balance moves by the exact amount', async () => {
    const reply = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '100.25',
      destination: { type: 'card_number', cardNumber: '4111 1111 1111 1111' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      kind: 'payout_card_number',
      status: 'pending',
      destinationMasked: '•••• 1111',
    });
    expect(reply.text).not.toContain('4111111111111111');
    expect((await settled(reply.body.id)).body.status).toBe('success');
    expect(await balance()).toBe('14900.50');
  });

  it('tops up from a bound card and pays out to it', async () => {
    const topUp = await owner.post(`/api/wallets/${wallet.id}/top-ups`, { amount: '0.50', cardId });
    expect(topUp.status).toBe(201);
    const done = await waitFor(
      () => owner.get(`/api/operations/${topUp.body.id}`),
      (r) => r.body.status !== 'pending',
    );
    expect(['success', 'pending']).toContain(done.body.status);
    const payout = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '1.00',
      destination: { type: 'bound_card', cardId },
    });
    expect(payout.status).toBe(201);
    expect((await settled(payout.body.id)).body.status).toBe('success');
  });

  it("refuses another user's card and wallet with 404", async () => {
    const stranger = stack.client();
    const strangerWallet = await onboardWallet(stack, stranger, 10_000n);
    const viaMyCard = await stranger.post(`/api/wallets/${strangerWallet}/payouts`, {
      amount: '1.00',
      destination: { type: 'bound_card', cardId },
    });
    expect(viaMyCard.status).toBe(404);
    const fromMyWallet = await stranger.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '1.00',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    expect(fromMyWallet.status).toBe(404);
    const ops = await owner.get(`/api/wallets/${wallet.id}/operations`);
    const someId = ops.body.operations[0].id;
    expect((await stranger.get(`/api/operations/${someId}`)).status).toBe(404);
    expect((await stranger.post(`/api/operations/${someId}/sbp/confirm`)).status).toBe(404);
  });

  it('runs a two-step SBP payout: recipient name from the bank, then confirm, once', async () => {
    const banks = await owner.get('/api/sbp/banks?query=сбер');
    expect(banks.status).toBe(200);
    const bank = banks.body.banks[0];
    expect(bank.bankName).toMatch(/Сбер/i);
    const created = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '10.00',
      destination: { type: 'sbp', phone: '+7 900 765-43-21', bankId: bank.bankId },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'awaiting_confirmation',
      destinationMasked: '+7 *** ***-**-21',
    });
    const recipient = await owner.post(`/api/operations/${created.body.id}/sbp/recipient`);
    expect(recipient.body).toMatchObject({ fullName: 'Ivan Ivanovich Ivanov', bankName: bank.bankName });
    const confirmed = await owner.post(`/api/operations/${created.body.id}/sbp/confirm`);
    expect(confirmed.status).toBe(200);
    const again = await owner.post(`/api/operations/${created.body.id}/sbp/confirm`);
    expect(again.status).toBe(409);
    expect((await settled(created.body.id)).body.status).toBe('success');
  });

  it('fails a two-step SBP payout whose phone has no account at the bank, and relays that once', async () => {
    const sse = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
    const created = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '10.00',
      destination: { type: 'sbp', phone: '+7 900 000-00-01', bankId: '100000000111' },
    });
    expect(created.status).toBe(201);
    const recipient = await owner.post(`/api/operations/${created.body.id}/sbp/recipient`);
    expect(recipient.status).toBe(422);
    expect(recipient.body.error.message).toBe('The bank has no account for this phone number');
    expect((await owner.get(`/api/operations/${created.body.id}`)).body.status).toBe('failed');
    const about = (es: typeof sse.events) =>
      es.filter((e) => (e.data as any).operationId === created.body.id);
    await sse.waitFor((es) => about(es).length > 0);
    // Mandarin's own report of the failure follows; it must not be relayed a second time.
    const { transactionId } = (await stack.store.operations.get(created.body.id))!;
    await waitFor(
      async () => (await stack.admin(`/callbacks?subject=${transactionId}`)).body.callbacks,
      (callbacks: Array<{ state: string }>) => callbacks.some((c) => c.state === 'delivered'),
    );
    expect(about(sse.events)).toMatchObject([{ data: { kind: 'operation', status: 'failed' } }]);
    sse.close();
  });

  it('rejects a two-step SBP payout, moves no money and relays the rejection', async () => {
    const sse = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
    const before = await balance();
    const created = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '10.00',
      destination: {
        type: 'sbp',
        phone: '+79001234567',
        bankId: '100000000111',
        firstName: 'Pyotr',
        lastName: 'Petrov',
      },
    });
    expect(created.status).toBe(201);
    const rejected = await owner.post(`/api/operations/${created.body.id}/sbp/reject`);
    expect(rejected.body.status).toBe('rejected');
    expect(await balance()).toBe(before);
    // Other tabs and the host's onEvent hear of it too, once, and the bank's later report changes nothing.
    const events = await sse.waitFor((es) => es.some((e) => (e.data as any).operationId === created.body.id));
    expect(events.filter((e) => (e.data as any).operationId === created.body.id)).toMatchObject([
      { type: 'transaction.status', data: { kind: 'operation', status: 'rejected' } },
    ]);
    expect((await owner.get(`/api/operations/${created.body.id}`)).body.status).toBe('rejected');
    sse.close();
  });

  it('relays one event when an operation is seen ending before its callback arrives, and none for the late callback', async () => {
    const sse = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
    const payout = () =>
      owner.post(`/api/wallets/${wallet.id}/payouts`, {
        amount: '1.00',
        destination: { type: 'card_number', cardNumber: '4111111111111111' },
      });
    const eventsFor = (id: string) =>
      sse.events.filter((e) => e.type === 'transaction.status' && (e.data as any).operationId === id);
    try {
      // Mandarin's next callback is held back until a second one is sent, and then arrives after it.
      await stack.admin('/faults', { body: { route: 'mandarin', kind: 'out-of-order-callbacks', count: 2 } });
      const first = await payout();
      expect((await settled(first.body.id)).body.status).toBe('success');
      await sse.waitFor(() => eventsFor(first.body.id).length === 1);
      expect(eventsFor(first.body.id)[0]!.data).toMatchObject({
        kind: 'operation',
        walletId: wallet.id,
        status: 'success',
      });
      const second = await payout();
      await sse.waitFor(() => eventsFor(second.body.id).length === 1);
      const op = await stack.store.operations.get(first.body.id);
      const late = await waitFor(
        async () => (await stack.admin(`/callbacks?subject=${op!.transactionId}`)).body.callbacks,
        (callbacks: Array<{ state: string }>) => callbacks.some((c) => c.state === 'delivered'),
      );
      expect(late.length).toBeGreaterThan(0);
      expect(eventsFor(first.body.id)).toHaveLength(1);
      expect(eventsFor(second.body.id)).toHaveLength(1);
    } finally {
      await stack.admin('/faults', { method: 'DELETE' });
      sse.close();
    }
  });

  it('refuses a payout larger than the balance before sending anything: 422 INSUFFICIENT_FUNDS', async () => {
    const before = (await stack.admin('/transactions')).body.transactions.length;
    const balance = (await owner.get(`/api/wallets/${wallet.id}/balance`)).body.balance.amount;
    const reply = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '100001.00',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('INSUFFICIENT_FUNDS');
    expect(reply.body.error.details).toEqual({ available: balance });
    expect(reply.body.error.fields).toEqual({ amount: ['More than the wallet holds'] });
    expect((await stack.admin('/transactions')).body.transactions).toHaveLength(before);
  });

  it("tells the owner Mandarin's reason when a payout fails", async () => {
    const reply = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '1.00',
      destination: { type: 'card_number', cardNumber: '4485913187374384' }, // Mandarin's failing sandbox card
    });
    expect(reply.status).toBe(201);
    const failed = (await settled(reply.body.id)).body;
    expect(failed.status).toBe('failed');
    expect(failed.failure).toEqual({ code: null, message: expect.stringMatching(/\w/) });
  });

  it("passes the seed's orderActualTill, customValues, metadata and return URL on to Mandarin", async () => {
    const operator = stack.client();
    await operator.post('/api/session/operator');
    const extras = {
      orderActualTill: '2030-02-20 12:34:56+00:00',
      customValues: [{ name: 'Заказ', value: '42' }],
      metadata: { shop_order: 'A-42' },
      returnUrl: 'https://shop.example/back',
    };
    const reply = await operator.post(`/api/wallets/${wallet.id}/deposits`, { amount: '1.00', ...extras });
    expect(reply.status).toBe(201);
    const op = (await stack.store.operations.get(reply.body.id))!;
    const sent = ((await stack.admin('/transactions')).body.transactions as Array<any>).find(
      (t) => t.orderId === op.orderId,
    );
    expect(sent.request).toMatchObject({
      payment: { orderActualTill: extras.orderActualTill },
      customValues: extras.customValues,
      metadata: extras.metadata,
      urls: { return: extras.returnUrl },
    });
    const reserved = await operator.post(`/api/wallets/${wallet.id}/deposits`, {
      amount: '1.00',
      metadata: { status: 'success' },
    });
    expect(reserved.status).toBe(400);
    expect(Object.keys(reserved.body.error.fields)).toEqual(['metadata.status']);
  });
});
