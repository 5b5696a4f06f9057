import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bindCard, bindOnHostedPage, decideOnHostedPage, onboardWallet, waitFor } from '../testkit/flows.js';
import type { HttpClient, Reply } from '../testkit/HttpClient.js';
import { openSse, type SseConnection } from '../testkit/sse.js';
import type { Stack } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

// Each money-moving call has its answer lost once (the emulator processes the request in full, then drops the
// connection): the BFF re-sends the same orderId, Mandarin says it has it (errorCode -2), and nothing may be
// concluded. Every case must end with exactly one upstream transaction, the money moved once, one
// transaction.status event and the right final status in the browser.

const loseNext = (stack: Stack, route: string) =>
  stack.admin('/faults', { body: { route, kind: 'lost-response', count: 1 } });
const transactionsFor = async (stack: Stack, orderIdOf: () => Promise<string>) => {
  const orderId = await orderIdOf();
  const all: Array<{ orderId: string; status: string }> = (await stack.admin('/transactions')).body
    .transactions;
  return all.filter((t) => t.orderId === orderId);
};
const operationEvents = (sse: SseConnection, id: string) =>
  sse.events.filter(
    (e) => e.type === 'transaction.status' && (e.data as { operationId?: string }).operationId === id,
  );
const paymentEvents = (sse: SseConnection, id: string) =>
  sse.events.filter(
    (e) =>
      e.type === 'transaction.status' &&
      (e.data as { paymentId?: string; refundId?: string | null }).paymentId === id &&
      (e.data as { refundId?: string | null }).refundId === null,
  );

describe('a lost answer on a wallet operation (two-step SBP account)', () => {
  const stack = stackSuite();
  let owner: HttpClient;
  let operator: HttpClient;
  let walletId: string;
  let cardId: string;
  let sse: SseConnection;
  beforeAll(async () => {
    owner = stack.client();
    walletId = await onboardWallet(stack, owner, 1_000_000n); // 10 000.00
    cardId = await bindCard(stack, owner);
    operator = stack.client();
    await operator.post('/api/session/operator');
    sse = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
    return () => sse.close();
  });
  afterEach(() => stack.admin('/faults', { method: 'DELETE' }));

  const balance = async () =>
    (await owner.get(`/api/wallets/${walletId}/balance`)).body.balance.amount as string;
  const finalOf = (id: string) =>
    waitFor(
      () => owner.get(`/api/operations/${id}`),
      (r: Reply) => !['pending', 'awaiting_confirmation'].includes(r.body.status),
    );
  const orderIdOf = (id: string) => async () => (await stack.store.operations.get(id))!.orderId;

  const cases: Array<{
    name: string;
    send: () => Promise<Reply>;
    delta: string;
    afterCreate?: (id: string) => Promise<void>;
  }> = [
    {
      name: 'a payout to a card number',
      send: () =>
        owner.post(`/api/wallets/${walletId}/payouts`, {
          amount: '10.00',
          destination: { type: 'card_number', cardNumber: '4111 1111 1111 1111' },
        }),
      delta: '-10.00',
    },
    {
      name: 'a payout to a bound card',
      send: () =>
        owner.post(`/api/wallets/${walletId}/payouts`, {
          amount: '11.00',
          destination: { type: 'bound_card', cardId },
        }),
      delta: '-11.00',
    },
    {
      name: 'a two-step SBP payout, confirmed by the payer',
      send: () =>
        owner.post(`/api/wallets/${walletId}/payouts`, {
          amount: '12.00',
          destination: { type: 'sbp', phone: '+79007654321', bankId: '100000000111' },
        }),
      delta: '-12.00',
      afterCreate: async (id) => {
        // Learnt by orderId: it waits for the payer, who sees the name and confirms.
        const op = await waitFor(
          () => owner.get(`/api/operations/${id}`),
          (r: Reply) => r.body.status === 'awaiting_confirmation',
        );
        expect(op.body.sbp.twoStep).toBe(true);
        expect((await owner.post(`/api/operations/${id}/sbp/recipient`)).status).toBe(200);
        expect((await owner.post(`/api/operations/${id}/sbp/confirm`)).status).toBe(200);
      },
    },
    {
      name: 'a top-up from a bound card',
      send: () => owner.post(`/api/wallets/${walletId}/top-ups`, { amount: '13.00', cardId }),
      delta: '13.00',
    },
    {
      name: 'a deposit (operator)',
      send: () => operator.post(`/api/wallets/${walletId}/deposits`, { amount: '14.00' }),
      delta: '14.00',
    },
    {
      name: 'a withdrawal (operator)',
      send: () => operator.post(`/api/wallets/${walletId}/withdrawals`, { amount: '15.00' }),
      delta: '-15.00',
    },
    {
      name: 'a transit payout (operator)',
      send: () => operator.post('/api/transit-payouts', { amount: '16.00', walletId, cardId }),
      delta: '0.00',
    },
  ];

  for (const c of cases) {
    it(`${c.name}: one transaction, money moved once, one event, the right final status`, async () => {
      const before = await balance();
      await loseNext(stack, 'POST /api/transactions');
      const reply = await c.send();
      expect(reply.status).toBe(202);
      expect(reply.body.status).not.toBe('failed');
      const id: string = reply.body.id;
      await c.afterCreate?.(id);
      expect((await finalOf(id)).body.status).toBe('success');
      expect(await transactionsFor(stack, orderIdOf(id))).toHaveLength(1);
      const expected = (BigInt(before.replace('.', '')) + BigInt(c.delta.replace('.', ''))).toString();
      expect((await balance()).replace('.', '')).toBe(expected);
      await sse.waitFor(() => operationEvents(sse, id).length > 0);
      // The late callback for the same change adds nothing.
      await waitFor(
        async () =>
          (await stack.admin(`/callbacks?subject=${(await stack.store.operations.get(id))!.transactionId}`))
            .body.callbacks,
        (callbacks: Array<{ state: string }>) => callbacks.some((cb) => cb.state === 'delivered'),
      );
      expect(operationEvents(sse, id)).toHaveLength(1);
    });
  }

  it('a payer who retries with the same Idempotency-Key gets the same answer and nothing new is sent', async () => {
    await loseNext(stack, 'POST /api/transactions');
    const body = { amount: '1.00', destination: { type: 'card_number', cardNumber: '4111111111111111' } };
    const key = 'lost-answer-retry-0001';
    const first = await owner.post(`/api/wallets/${walletId}/payouts`, body, { 'idempotency-key': key });
    const again = await owner.post(`/api/wallets/${walletId}/payouts`, body, { 'idempotency-key': key });
    expect(again.body.id).toBe(first.body.id);
    expect((await finalOf(first.body.id)).body.status).toBe('success');
    expect(await transactionsFor(stack, orderIdOf(first.body.id))).toHaveLength(1);
  });
});

describe('a lost answer on a card binding', () => {
  const stack = stackSuite();
  it('is never re-sent (a binding carries no orderId): the browser is told to try again, and one card is bound', async () => {
    const owner = stack.client();
    await onboardWallet(stack, owner);
    await loseNext(stack, 'POST /api/card-bindings');
    const lost = await owner.post('/api/cards', {});
    expect(lost.status).toBe(502);
    expect(lost.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await owner.get('/api/cards')).body.cards).toEqual([]);
    // The binding Mandarin made for the lost answer is never shown to the payer, so it never completes.
    const retry = await owner.post('/api/cards', {});
    expect(retry.status).toBe(201);
    expect(await bindOnHostedPage(retry.body.payUrl, '4111111111111111')).toBeLessThan(400);
    const cards = await waitFor(
      () => owner.get('/api/cards'),
      (r: Reply) => r.body.cards.some((c: { status: string }) => c.status === 'active'),
    );
    expect(cards.body.cards).toHaveLength(1);
    const bindings = (await stack.admin('/card-bindings')).body.cardBindings as Array<{ status: string }>;
    expect(bindings).toHaveLength(2);
    expect(bindings.filter((b) => b.status === 'success')).toHaveLength(1);
  });
});

/** 100.00 by SBP to the sandbox phone the bank knows, with the recipient's name. */
const sbpPayoutOf100 = (owner: HttpClient, walletId: string) =>
  owner.post(`/api/wallets/${walletId}/payouts`, {
    amount: '100.00',
    destination: {
      type: 'sbp',
      phone: '+79001234567',
      bankId: '100000000111',
      firstName: 'Ivan',
      lastName: 'Ivanov',
    },
  });
/** The operation once it has ended (success or failure), as its owner reads it. */
const endOf = (owner: HttpClient, id: string) =>
  waitFor(
    () => owner.get(`/api/operations/${id}`),
    (r: Reply) => r.body.status === 'success' || r.body.status === 'failed',
  );

describe('a lost answer on a one-step SBP account', () => {
  const stack = stackSuite({ emulator: { sbpOneStep: true }, bff: { sbpMode: 'one-step' } });
  it('pays once, never calls /confirm, and ends as Mandarin says', async () => {
    const owner = stack.client();
    const walletId = await onboardWallet(stack, owner, 100_000n);
    await loseNext(stack, 'POST /api/transactions');
    const reply = await sbpPayoutOf100(owner, walletId);
    expect(reply.status).toBe(202);
    const done = await endOf(owner, reply.body.id);
    expect(done.body).toMatchObject({ status: 'success', sbp: { twoStep: false } });
    expect((await owner.get(`/api/wallets/${walletId}/balance`)).body.balance.amount).toBe('900.00');
    const stats = (await stack.admin('/stats')).body.requestsByRoute as Record<string, number>;
    expect(Object.keys(stats).filter((route) => route.includes('/confirm'))).toEqual([]);
  });
});

describe('a two-step BFF on a one-step SBP account (a mismatch)', () => {
  const stack = stackSuite({ emulator: { sbpOneStep: true } });
  it('reports the truth: the payout Mandarin made is shown as paid, and confirming it is refused', async () => {
    const owner = stack.client();
    const walletId = await onboardWallet(stack, owner, 100_000n);
    const reply = await sbpPayoutOf100(owner, walletId);
    expect(reply.status).toBe(201);
    const done = await endOf(owner, reply.body.id);
    expect(done.body.status).toBe('success');
    expect((await owner.get(`/api/wallets/${walletId}/balance`)).body.balance.amount).toBe('900.00');
    expect((await owner.post(`/api/operations/${reply.body.id}/sbp/confirm`)).status).toBe(409);
  });
});

describe('a lost answer on a payment, its capture and its refund (operator)', () => {
  const stack = stackSuite();
  let operator: HttpClient;
  let sse: SseConnection;
  let accounts: string[];
  beforeAll(async () => {
    operator = stack.client();
    await operator.post('/api/session/operator');
    accounts = [];
    for (const token of [
      'eyJhbGciOiJIUzI1NiJ9.eyJtIjoxfQ.sub-merchant-one',
      'eyJhbGciOiJIUzI1NiJ9.eyJtIjoyfQ.sub-merchant-two',
    ]) {
      accounts.push((await operator.post('/api/sub-merchants', { token })).body.id);
    }
    sse = await openSse(stack.bffUrl, { cookie: operator.cookieHeader });
    return () => sse.close();
  });
  afterEach(() => stack.admin('/faults', { method: 'DELETE' }));

  const entry = (accountId: string, value: string) => ({
    accountId,
    amount: { value, currency: 'RUB' },
    platformFeeAmount: { value: '1.00', currency: 'RUB' },
  });
  const customer = { email: 'buyer@example.com', phone: '+7 900 123-45-67' };
  const reach = (id: string, status: string) =>
    waitFor(
      () => operator.get(`/api/payments/${id}`),
      (r: Reply) => r.body.status === status,
    );
  const upstreamFor = async (orderId: string) =>
    ((await stack.admin('/transactions')).body.transactions as Array<{ orderId: string }>).filter(
      (t) => t.orderId === orderId,
    );

  it('a routed payment: the payer still gets the page, pays once, one event', async () => {
    await loseNext(stack, 'POST /secure/transactions');
    const created = await operator.post('/api/payments', {
      amount: '500.00',
      customer,
      routing: [entry(accounts[0]!, '300.00'), entry(accounts[1]!, '200.00')],
    });
    expect(created.status).toBe(202);
    const id: string = created.body.id;
    // The page, learnt from Mandarin by orderId since the answer that carried it was lost.
    const page = await waitFor(
      () => operator.get(`/api/payments/${id}`),
      (r: Reply) => r.body.payUrl !== null,
    );
    await decideOnHostedPage(page.body.payUrl, 'pay');
    await reach(id, 'success');
    const record = (await stack.store.payments.get(id))!;
    expect(await upstreamFor(record.orderId)).toHaveLength(1);
    await sse.waitFor(() => paymentEvents(sse, id).length > 0);
    expect(paymentEvents(sse, id)).toHaveLength(1);
  });

  it('a capture: the hold is charged once and the payment ends paid', async () => {
    const created = await operator.post('/api/payments', { amount: '300.00', customer, twoStep: true });
    await decideOnHostedPage(created.body.payUrl, 'pay');
    await reach(created.body.id, 'authorized');
    await loseNext(stack, 'POST /secure/transactions');
    const captured = await operator.post(`/api/payments/${created.body.id}/complete`, {
      routing: [entry(accounts[0]!, '300.00')],
    });
    expect(captured.status).toBe(202);
    await reach(created.body.id, 'success');
    const record = (await stack.store.payments.get(created.body.id))!;
    expect(await upstreamFor(record.captureOrderId!)).toHaveLength(1);
  });

  it('a refund: refunded once, and what remains refundable is exact', async () => {
    const created = await operator.post('/api/payments', {
      amount: '100.00',
      customer,
      routing: [entry(accounts[0]!, '100.00')],
    });
    await decideOnHostedPage(created.body.payUrl, 'pay');
    await reach(created.body.id, 'success');
    await loseNext(stack, 'POST /api/transactions');
    const refund = await operator.post(`/api/payments/${created.body.id}/refunds`, { amount: '40.00' });
    expect(refund.status).toBe(202);
    const after = await waitFor(
      () => operator.get(`/api/payments/${created.body.id}`),
      (r: Reply) => r.body.refunds[0]?.status === 'success',
    );
    expect(after.body.refundable.amount).toBe('60.00');
    const stored = (await stack.store.payments.refunds(created.body.id))[0]!;
    expect(await upstreamFor(stored.orderId)).toHaveLength(1);
  });
});
