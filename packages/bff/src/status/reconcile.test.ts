import { createHash } from 'node:crypto';
import { sandboxKyc } from '@mandarin-kit/emulator';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bindOnHostedPage, onboardWallet, waitFor } from '../testkit/flows.js';
import type { HttpClient } from '../testkit/HttpClient.js';
import { describePostgres } from '../testkit/postgres.js';
import { postgresPairSuite } from '../testkit/postgresPair.js';
import { openSse, type SseConnection } from '../testkit/sse.js';
import { type Stack, stackMandarin } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

// The reconciler settles what waits for a callback that was lost, through the same status machine as callbacks
// and polls: one status read per item, one event per change, and a callback arriving later adds nothing.
// Here the BFF's own sweeps are driven by hand (the interval is an hour) and held callbacks stand for lost ones.

/** Sweeps run by hand: items are due at once, and the background sweep never runs during a test. */
const byHand = { afterMs: 1, intervalMs: 3_600_000 };
const holdCallbacks = (stack: Stack, channel: string, count = 1_000) =>
  stack.admin('/faults', { body: { route: channel, kind: 'out-of-order-callbacks', count } });
const reads = async (stack: Stack, route: string) =>
  ((await stack.admin('/stats')).body.requestsByRoute as Record<string, number>)[route] ?? 0;
const statusEvents = (sse: SseConnection, key: string, id: string) =>
  sse.events.filter((e) => (e.data as Record<string, unknown>)[key] === id);

const secret = 'emulator-merchant-secret';
/** A Mandarin callback signed as Mandarin signs it (SPEC.md). */
const signedCallback = (fields: Record<string, string>) => {
  const keys = Object.keys(fields).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sign = createHash('sha256')
    .update(`${keys.map((k) => fields[k]).join('-')}-${secret}`)
    .digest('hex');
  return new URLSearchParams({ ...fields, sign }).toString();
};
const sendCallback = (url: string, fields: Record<string, string>) =>
  fetch(`${url}/callbacks/mandarin`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: signedCallback(fields),
  });

describe('reconciliation of lost callbacks', () => {
  const stack = stackSuite({ bff: { reconcile: byHand } });
  let owner: HttpClient;
  let walletId: string;
  let sse: SseConnection;
  const reconciler = () => stack.app.reconciler!;
  beforeAll(async () => {
    owner = stack.client();
    walletId = await onboardWallet(stack, owner, 100_000n);
    sse = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
    return () => sse.close();
  });
  afterEach(() => stack.admin('/faults', { method: 'DELETE' }));

  it('settles a payout whose callback was lost with one status read and one event; the late callback adds nothing', async () => {
    await reconciler().sweep(); // whatever earlier steps left due
    await holdCallbacks(stack, 'mandarin');
    const payout = await owner.post(`/api/wallets/${walletId}/payouts`, {
      amount: '5.00',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    expect(payout.status).toBe(201);
    const id: string = payout.body.id;
    const { orderId } = (await stack.store.operations.get(id))!;
    await waitFor(
      async () => (await stack.admin('/transactions')).body.transactions,
      (txs: Array<{ orderId: string; status: string }>) =>
        txs.some((t) => t.orderId === orderId && t.status === 'success'),
    );
    expect((await stack.store.operations.get(id))!.status).toBe('pending');
    const before = await reads(stack, 'GET /api/transactions/:id');
    expect(await reconciler().sweep()).toBe(1);
    expect((await reads(stack, 'GET /api/transactions/:id')) - before).toBe(1);
    expect((await owner.get(`/api/operations/${id}`)).body.status).toBe('success');
    await sse.waitFor(() => statusEvents(sse, 'operationId', id).length === 1);
    await stack.admin('/faults', { method: 'DELETE' }); // the held callback now arrives
    const op = (await stack.store.operations.get(id))!;
    await waitFor(
      async () => (await stack.admin(`/callbacks?subject=${op.transactionId}`)).body.callbacks,
      (callbacks: Array<{ state: string }>) => callbacks.some((c) => c.state === 'delivered'),
    );
    expect(statusEvents(sse, 'operationId', id)).toHaveLength(1);
    expect(await reconciler().sweep()).toBe(0); // nothing is followed any more
  });

  it('settles a card binding whose callback was lost', async () => {
    await holdCallbacks(stack, 'mandarin');
    const started = await owner.post('/api/cards', {});
    expect(started.status).toBe(201);
    // The payer enters the card on the hosted page; Mandarin's callback is lost.
    expect(await bindOnHostedPage(started.body.payUrl, '4111111111111111')).toBeLessThan(400);
    await waitFor(
      async () => (await stack.admin(`/card-bindings/${started.body.id}`)).body.status,
      (status: string) => status === 'success',
    );
    await reconciler().sweep();
    const cards = (await owner.get('/api/cards')).body.cards as Array<{ id: string; status: string }>;
    expect(cards.find((c) => c.id === started.body.id)?.status).toBe('active');
    await sse.waitFor(() => statusEvents(sse, 'cardId', started.body.id).length === 1);
  });

  it('opens a wallet whose ESP webhook was lost', async () => {
    await holdCallbacks(stack, 'esp');
    const other = stack.client();
    const created = await other.post('/api/wallets', sandboxKyc());
    expect(created.status).toBe(201);
    await other.post(`/api/wallets/${created.body.id}/otp/send`);
    const { body } = await stack.admin(`/esp/${created.body.id}/otp`);
    await other.post(`/api/wallets/${created.body.id}/otp/verify`, { code: body.code });
    await waitFor(
      async () => (await stack.admin(`/esp/${created.body.id}`)).body.status,
      (status: string) => status === 'Success',
    );
    expect((await stack.store.wallets.get(created.body.id))!.status).not.toBe('Success');
    await reconciler().sweep();
    expect((await stack.store.wallets.get(created.body.id))!.status).toBe('Success');
  });

  it('fails an operation Mandarin never received, and a success callback that turns up later still wins', async () => {
    // Three 5xx: nothing is processed, and the BFF can't know that.
    await stack.admin('/faults', { body: { route: 'POST /api/transactions', kind: '5xx', count: 3 } });
    const payout = await owner.post(`/api/wallets/${walletId}/payouts`, {
      amount: '1.00',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    expect(payout.status).toBe(202);
    const id: string = payout.body.id;
    expect((await stack.store.operations.get(id))!.status).toBe('pending');
    await reconciler().sweep();
    const failed = await owner.get(`/api/operations/${id}`);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.failure.message).toMatch(/no record/);
    // Mandarin's own word, should it come after all, moves the inferred failure.
    const op = (await stack.store.operations.get(id))!;
    const reply = await sendCallback(stack.bffUrl, {
      merchantId: '777',
      orderId: op.orderId,
      transaction: 'f'.repeat(32),
      status: 'success',
      price: '1.00',
      object_type: 'transaction',
    });
    expect(reply.status).toBe(200);
    expect((await owner.get(`/api/operations/${id}`)).body.status).toBe('success');
    await sse.waitFor(() => statusEvents(sse, 'operationId', id).length === 2);
    expect(statusEvents(sse, 'operationId', id).map((e) => (e.data as { status: string }).status)).toEqual([
      'failed',
      'success',
    ]);
  });

  it('keeps a callback without a status (or with one Mandarin does not document) and changes nothing', async () => {
    await holdCallbacks(stack, 'mandarin');
    const payout = await owner.post(`/api/wallets/${walletId}/payouts`, {
      amount: '1.00',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    const op = (await stack.store.operations.get(payout.body.id))!;
    const base = { merchantId: '777', orderId: op.orderId, transaction: op.transactionId!, price: '1.00' };
    for (const extra of [{}, { status: 'processing' }] as Array<Record<string, string>>) {
      const reply = await sendCallback(stack.bffUrl, { ...base, ...extra });
      expect(reply.status).toBe(200);
      expect(await reply.text()).toBe('OK');
    }
    expect((await stack.store.operations.get(op.id))!.status).toBe('pending');
    expect(statusEvents(sse, 'operationId', op.id)).toEqual([]);
    expect(stack.logs.some((line) => line.includes('processing') && line.includes('"level":40'))).toBe(true);
  });

  it('answers 504 within the deadline when Mandarin hangs, however long each attempt may take', async () => {
    const impatient = await stack.anotherBff({
      mandarin: { ...stackMandarin(stack), timeoutMs: 30_000, deadlineMs: 300 },
      reconcile: false,
    });
    await stack.admin('/faults', {
      body: { route: 'GET /api/v1/tokens/*/wallet/balance', kind: 'timeout', count: 3, delayMs: 4_000 },
    });
    const reply = await stack
      .client(impatient.url)
      .withCookieOf(owner)
      .get(`/api/wallets/${walletId}/balance`);
    expect(reply.status).toBe(504);
    expect(reply.body.error.code).toBe('UPSTREAM_TIMEOUT');
  });
});

describePostgres('reconciliation with two BFF instances on one PostgreSQL', () => {
  const { stack, second } = postgresPairSuite({ reconcile: byHand });

  it('reads each item once across both instances and relays each change once', async () => {
    const owner = stack.client();
    const walletId = await onboardWallet(stack, owner, 1_000_000n);
    await Promise.all([stack.app.reconciler!.sweep(), second.app.reconciler!.sweep()]);
    const sse = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
    await holdCallbacks(stack, 'mandarin');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await owner.post(`/api/wallets/${walletId}/payouts`, {
        amount: '1.00',
        destination: { type: 'card_number', cardNumber: '4111111111111111' },
      });
      ids.push(reply.body.id);
    }
    await waitFor(
      async () => (await stack.admin('/transactions')).body.transactions as Array<{ status: string }>,
      (txs) => txs.filter((t) => t.status === 'success').length >= 20,
    );
    const before = await reads(stack, 'GET /api/transactions/:id');
    const [a, b] = await Promise.all([stack.app.reconciler!.sweep(), second.app.reconciler!.sweep()]);
    expect(a + b).toBe(20);
    expect((await reads(stack, 'GET /api/transactions/:id')) - before).toBe(20);
    await sse.waitFor((events) => events.filter((e) => e.type === 'transaction.status').length >= 20);
    await stack.admin('/faults', { method: 'DELETE' });
    await waitFor(
      async () =>
        (await stack.admin('/callbacks?channel=mandarin')).body.callbacks as Array<{ state: string }>,
      (callbacks) => callbacks.filter((c) => c.state === 'delivered').length >= 20,
    );
    for (const id of ids) expect(statusEvents(sse, 'operationId', id)).toHaveLength(1);
    sse.close();
  });
});
