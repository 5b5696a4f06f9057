import { randomUUID } from 'node:crypto';
import { paymentListViewSchema } from '@mandarin-kit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../store/records.js';
import { decideOnHostedPage, waitFor } from '../testkit/flows.js';
import type { HttpClient } from '../testkit/HttpClient.js';
import { openSse } from '../testkit/sse.js';
import { stackSuite } from '../testkit/suites.js';

const stack = stackSuite();
let operator: HttpClient;
let accounts: string[];

beforeAll(async () => {
  operator = stack.client();
  expect((await operator.post('/api/session/operator')).body.roles).toContain('operator');
  accounts = [];
  for (const token of [
    'eyJhbGciOiJIUzI1NiJ9.eyJtIjoxfQ.sub-merchant-one',
    'eyJhbGciOiJIUzI1NiJ9.eyJtIjoyfQ.sub-merchant-two',
  ]) {
    const linked = await operator.post('/api/sub-merchants', { token });
    expect(linked.status).toBe(201);
    accounts.push(linked.body.id);
  }
});

const entry = (accountId: string, value: string, fee: string) => ({
  accountId,
  amount: { value, currency: 'RUB' },
  platformFeeAmount: { value: fee, currency: 'RUB' },
});
const customer = { email: 'buyer@example.com', phone: '+7 900 123-45-67' };
const paid = (id: string, status = 'success') =>
  waitFor(
    () => operator.get(`/api/payments/${id}`),
    (r) => r.body.status === status,
  );

describe('routed payments (operator)', () => {
  it('refuses a split that does not add up, saying by how much, before anything is sent', async () => {
    const reply = await operator.post('/api/payments', {
      amount: '5000.00',
      customer,
      routing: [entry(accounts[0]!, '4000.00', '50.00'), entry(accounts[1]!, '999.99', '50.00')],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields.routing[0]).toMatch(/0\.01 short/);
    expect((await operator.get('/api/payments')).body.payments).toEqual([]);
  });

  it('pays a one-step split on the hosted page, then refunds part twice and refuses to over-refund', async () => {
    const created = await operator.post('/api/payments', {
      amount: '5000.00',
      customer,
      routing: [entry(accounts[0]!, '4000.00', '50.00'), entry(accounts[1]!, '1000.00', '50.00')],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', twoStep: false, refundable: { amount: '0.00' } });
    expect(created.body.payUrl).toContain('/Pay?transaction=');
    expect(created.body.jsOperationId).toEqual(expect.any(String));
    expect(await decideOnHostedPage(created.body.payUrl, 'pay')).toBe(200);
    const payment = await paid(created.body.id);
    expect(payment.body.refundable.amount).toBe('5000.00');

    const first = await operator.post(`/api/payments/${created.body.id}/refunds`, { amount: '1000.00' });
    expect(first.status).toBe(201);
    expect(first.body.routing.map((r: any) => r.amount.value)).toEqual(['800.00', '200.00']);

    const second = await operator.post(`/api/payments/${created.body.id}/refunds`, {
      amount: '500.00',
      routing: [entry(accounts[1]!, '500.00', '0.00')],
    });
    expect(second.status).toBe(201);

    const over = await operator.post(`/api/payments/${created.body.id}/refunds`, {
      amount: '400.00',
      routing: [entry(accounts[1]!, '400.00', '0.00')],
    });
    expect(over.status).toBe(400);
    expect(over.body.error.fields['routing.0'][0]).toMatch(/still holds/);

    const tooMuch = await operator.post(`/api/payments/${created.body.id}/refunds`, { amount: '3500.01' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.fields.amount[0]).toMatch(/exceeds the 3500.00 that remains/);

    const after = await operator.get(`/api/payments/${created.body.id}`);
    expect(after.body.refundable.amount).toBe('3500.00');
    expect(after.body.refunds).toHaveLength(2);
  });

  it('completes a two-step payment with the routing on the second request', async () => {
    const created = await operator.post('/api/payments', { amount: '300.00', customer, twoStep: true });
    expect(created.status).toBe(201);
    const early = await operator.post(`/api/payments/${created.body.id}/complete`, {
      routing: [entry(accounts[0]!, '300.00', '3.00')],
    });
    expect(early.status).toBe(409);
    await decideOnHostedPage(created.body.payUrl, 'pay');
    await paid(created.body.id, 'authorized');
    const completed = await operator.post(`/api/payments/${created.body.id}/complete`, {
      routing: [entry(accounts[0]!, '200.00', '3.00'), entry(accounts[1]!, '100.00', '1.00')],
    });
    expect(completed.status).toBe(200);
    const done = await paid(created.body.id);
    expect(done.body.routing).toHaveLength(2);
  });

  it('releases an uncaptured hold: the payment ends released, once, and can no longer be captured', async () => {
    const sse = await openSse(stack.bffUrl, { cookie: operator.cookieHeader });
    const created = await operator.post('/api/payments', {
      amount: '250.00',
      customer,
      twoStep: true,
      description: 'Заказ №42',
    });
    expect(created.body.description).toBe('Заказ №42');
    await decideOnHostedPage(created.body.payUrl, 'pay');
    await paid(created.body.id, 'authorized');
    const released = await operator.post(`/api/payments/${created.body.id}/release`);
    expect(released.status).toBe(202);
    await paid(created.body.id, 'released');
    const events = await sse.waitFor((es) =>
      es.some((e) => (e.data as { status?: string; paymentId?: string }).status === 'released'),
    );
    expect(
      events
        .filter((e) => (e.data as { paymentId?: string }).paymentId === created.body.id)
        .map((e) => (e.data as { status: string }).status),
    ).toEqual(['authorized', 'released']);
    const upstream = (await stack.admin('/transactions')).body.transactions as Array<{
      action: string;
      targetId: string | null;
    }>;
    const hold = (await stack.store.payments.get(created.body.id))!.transactionId;
    expect(upstream.filter((t) => t.action === 'reversal' && t.targetId === hold)).toHaveLength(1);
    const late = await operator.post(`/api/payments/${created.body.id}/complete`, {
      routing: [entry(accounts[0]!, '250.00', '0.00')],
    });
    expect(late.status).toBe(409);
    sse.close();
  });

  it('marks a declined payment failed and allows no refund', async () => {
    const created = await operator.post('/api/payments', {
      amount: '10.00',
      customer,
      routing: [entry(accounts[0]!, '10.00', '0.00')],
    });
    await decideOnHostedPage(created.body.payUrl, 'decline');
    await paid(created.body.id, 'failed');
    const refund = await operator.post(`/api/payments/${created.body.id}/refunds`, { amount: '1.00' });
    expect(refund.status).toBe(409);
  });

  it('relays one event when a payment is seen paid before its callback arrives, and none for the late callback', async () => {
    const sse = await openSse(stack.bffUrl, { cookie: operator.cookieHeader });
    const pay = async (amount: string) => {
      const created = await operator.post('/api/payments', {
        amount,
        customer,
        routing: [entry(accounts[0]!, amount, '0.00')],
      });
      expect(await decideOnHostedPage(created.body.payUrl, 'pay')).toBe(200);
      return created.body.id as string;
    };
    const eventsFor = (id: string) =>
      sse.events.filter((e) => e.type === 'transaction.status' && (e.data as any).paymentId === id);
    try {
      // Mandarin's next callback is held back until a second one is sent, and then arrives after it.
      await stack.admin('/faults', { body: { route: 'mandarin', kind: 'out-of-order-callbacks', count: 2 } });
      const first = await pay('20.00');
      await paid(first);
      await sse.waitFor(() => eventsFor(first).length === 1);
      expect(eventsFor(first)[0]!.data).toMatchObject({ kind: 'payment', status: 'success' });
      const second = await pay('30.00');
      await sse.waitFor(() => eventsFor(second).length === 1);
      const { transactionId } = (await stack.store.payments.get(first))!;
      await waitFor(
        async () => (await stack.admin(`/callbacks?subject=${transactionId}`)).body.callbacks,
        (callbacks: Array<{ state: string }>) => callbacks.some((c) => c.state === 'delivered'),
      );
      expect(eventsFor(first)).toHaveLength(1);
      expect(eventsFor(second)).toHaveLength(1);
    } finally {
      await stack.admin('/faults', { method: 'DELETE' });
      sse.close();
    }
  });

  it('ends a refund whose callback is late when the payment is read, relaying it once', async () => {
    const created = await operator.post('/api/payments', {
      amount: '40.00',
      customer,
      routing: [entry(accounts[0]!, '40.00', '0.00')],
    });
    expect(await decideOnHostedPage(created.body.payUrl, 'pay')).toBe(200);
    await paid(created.body.id);
    const sse = await openSse(stack.bffUrl, { cookie: operator.cookieHeader });
    const eventsFor = (refundId: string) =>
      sse.events.filter((e) => (e.data as any).refundId === refundId).map((e) => (e.data as any).status);
    try {
      // Mandarin's next callback is held back until a second one is sent, and then arrives after it.
      await stack.admin('/faults', { body: { route: 'mandarin', kind: 'out-of-order-callbacks', count: 2 } });
      const first = await operator.post(`/api/payments/${created.body.id}/refunds`, { amount: '10.00' });
      expect(first.status).toBe(201);
      const read = await waitFor(
        () => operator.get(`/api/payments/${created.body.id}`),
        (r) => r.body.refunds.every((refund: { status: string }) => refund.status !== 'pending'),
      );
      expect(read.body.refunds.map((r: { status: string }) => r.status)).toEqual(['success']);
      await sse.waitFor(() => eventsFor(first.body.id).length === 1);
      const second = await operator.post(`/api/payments/${created.body.id}/refunds`, { amount: '5.00' });
      await sse.waitFor(() => eventsFor(second.body.id).length === 1);
      const { transactionId } = (await stack.store.payments.refunds(created.body.id))[0]!;
      await waitFor(
        async () => (await stack.admin(`/callbacks?subject=${transactionId}`)).body.callbacks,
        (callbacks: Array<{ state: string }>) => callbacks.some((c) => c.state === 'delivered'),
      );
      expect(eventsFor(first.body.id)).toEqual(['success']);
    } finally {
      await stack.admin('/faults', { method: 'DELETE' });
      sse.close();
    }
  });

  it('keeps payments away from customers', async () => {
    const customerBrowser = stack.client();
    const list = await operator.get('/api/payments');
    const id = list.body.payments[0].id;
    expect((await customerBrowser.get(`/api/payments/${id}`)).status).toBe(403);
    expect((await customerBrowser.post(`/api/payments/${id}/refunds`, { amount: '1.00' })).status).toBe(403);
  });
});

describe('the payments list (operator)', () => {
  // Seeded in 2020, apart from the payments the tests above created now.
  const at = (minute: number) => new Date(Date.UTC(2020, 5, 1, 12, minute)).toISOString();
  const in2020 = 'from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z';
  const seeded: PaymentRecord[] = [];
  const list = async (query: string) => {
    const reply = await operator.get(`/api/payments?${query}`);
    expect(reply.status).toBe(200);
    return paymentListViewSchema.parse(reply.body);
  };

  beforeAll(async () => {
    for (let i = 0; i < 5; i++) {
      const record: PaymentRecord = {
        id: randomUUID(),
        ownerId: 'seed-operator',
        orderId: `seed-order-${i}`,
        transactionId: null,
        captureOrderId: null,
        captureTransactionId: null,
        releaseOrderId: null,
        releaseTransactionId: null,
        failureMessage: null,
        status: i === 1 ? 'pending' : 'success',
        twoStep: false,
        amount: 9_007_199_254_740_993n,
        routing: [{ accountId: accounts[0]!, amount: 9_007_199_254_740_993n, platformFee: 100n }],
        payUrl: null,
        jsOperationId: null,
        customerEmail: 'buyer@example.com',
        description: null,
        createdAt: at(i),
        updatedAt: at(i),
      };
      await stack.store.payments.insert(record);
      seeded.push(record);
    }
    await stack.store.payments.transition(seeded[1]!.id, 'pending', 'failed', {
      failureMessage: 'Declined by the issuer',
    });
    await stack.store.payments.insertRefund({
      id: randomUUID(),
      paymentId: seeded[4]!.id,
      orderId: 'seed-refund-4',
      transactionId: null,
      status: 'success',
      amount: 2_500n,
      routing: [{ accountId: accounts[0]!, amount: 2_500n, platformFee: 0n }],
      failureMessage: null,
      createdAt: at(10),
    });
  });

  it('pages newest first by cursor, each payment with its split, refunds and orderId', async () => {
    const first = await list(`${in2020}&limit=2`);
    expect(first.payments.map((p) => p.orderId)).toEqual(['seed-order-4', 'seed-order-3']);
    expect(first.payments[0]).toMatchObject({
      amount: { amount: '90071992547409.93' },
      routing: [{ accountId: accounts[0], amount: { value: '90071992547409.93' } }],
      refunds: [{ amount: { amount: '25.00' }, status: 'success' }],
      refundable: { amount: '90071992547384.93' },
    });
    const second = await list(`${in2020}&limit=2&cursor=${first.nextCursor}`);
    const third = await list(`${in2020}&limit=2&cursor=${second.nextCursor}`);
    expect([...second.payments, ...third.payments].map((p) => p.orderId)).toEqual([
      'seed-order-2',
      'seed-order-1',
      'seed-order-0',
    ]);
    expect(third.nextCursor).toBeNull();
    const all = await list('limit=100');
    expect(all.payments.length).toBeGreaterThan(5);
    expect(all.payments.at(-1)!.orderId).toBe('seed-order-0');
  });

  it('filters by status and period and finds a payment by its orderId', async () => {
    expect((await list(`${in2020}&status=failed`)).payments).toMatchObject([
      { orderId: 'seed-order-1', failureReason: 'Declined by the issuer' },
    ]);
    expect((await list('orderId=seed-order-3')).payments.map((p) => p.id)).toEqual([seeded[3]!.id]);
    expect((await list('orderId=no-such-order')).payments).toEqual([]);
    const now = await list('from=2024-01-01T00:00:00Z&status=pending,success,failed,authorized,released');
    expect(now.payments.every((p) => p.createdAt > '2024')).toBe(true);
    expect(now.payments.length).toBeGreaterThan(0);
  });

  it('refuses a bad query with 400 and the list to customers with 403', async () => {
    for (const q of ['limit=500', 'status=paid', 'cursor=Zm9v', 'to=2020-13-01T00:00:00Z']) {
      const reply = await operator.get(`/api/payments?${q}`);
      expect(reply.status, q).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await stack.client().get('/api/payments')).status).toBe(403);
  });
});
