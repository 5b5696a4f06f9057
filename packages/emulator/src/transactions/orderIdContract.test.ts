import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiResponse,
  activeEsp,
  call,
  emulatorSuite,
  getToken,
  setBalance,
  waitUntil,
  xAuth,
} from '../fixtures/harness.js';

const A = '16f90c5e-6bc3-11eb-9439-0242ac130002';
const B = '8ba85f01-8cc8-4161-b45d-ce6442e678ae';
const CARD = '63eed817-c56e-4aac-ad38-15113ed13722';
const rub = (value: string) => ({ value, currency: 'RUB' });
const share = (accountId: string, amount: string, fee = '0.00') => ({
  accountId,
  amount: rub(amount),
  platformFeeAmount: rub(fee),
  description: '',
});
const customerInfo = { email: 'user@example.com', phone: '+79001234567' };
const sbpRecipient = { phone: '+79001234567', firstName: 'Ivan', lastName: 'Ivanov' };

/** What a test needs before its first request: an ESP with money, and ids made earlier in the test. */
interface Setup {
  esp: string;
  /** A routed payment the payer paid (reversals act on it). */
  paid: () => Promise<string>;
  /** A preauth the payer authorised (captures act on it). */
  authorised: () => Promise<string>;
}

interface ActionCase {
  name: string;
  host: '/api/transactions' | '/secure/transactions';
  /** The body, except its `payment.orderId`. */
  body: (setup: Setup) => Promise<Record<string, unknown>> | Record<string, unknown>;
  action: string;
  /** Whether the first request finishes by itself (so its callback is awaited before the repeat). */
  settles: boolean;
}

const cases: ActionCase[] = [
  {
    name: 'routed payment',
    host: '/secure/transactions',
    action: 'pay',
    settles: false,
    body: () => ({
      payment: { action: 'pay', amount: rub('5000.00') },
      routing: { destination: [share(A, '4000.00', '50.00'), share(B, '1000.00', '50.00')] },
      customerInfo,
    }),
  },
  {
    name: 'preauth',
    host: '/secure/transactions',
    action: 'preauth',
    settles: false,
    body: () => ({ payment: { action: 'preauth', amount: rub('100.00') }, customerInfo }),
  },
  {
    name: 'capture',
    host: '/secure/transactions',
    action: 'pay',
    settles: true,
    body: async ({ authorised }) => ({
      payment: { action: 'pay', amount: rub('40.00') },
      target: { preauth: await authorised() },
      routing: { destination: [share(A, '40.00')] },
    }),
  },
  {
    name: 'release',
    host: '/api/transactions',
    action: 'reversal',
    settles: true,
    body: async ({ authorised }) => ({
      payment: { action: 'reversal' },
      target: { preauth: await authorised() },
    }),
  },
  {
    name: 'rebill',
    host: '/api/transactions',
    action: 'pay',
    settles: true,
    body: async ({ paid }) => ({ payment: { action: 'pay', price: '10' }, target: { rebill: await paid() } }),
  },
  {
    name: 'card payment',
    host: '/api/transactions',
    action: 'pay',
    settles: false,
    body: () => ({ payment: { action: 'pay', price: '10' }, customerInfo }),
  },
  {
    name: 'payout to a known card number',
    host: '/api/transactions',
    action: 'payout',
    settles: true,
    body: () => ({
      payment: { action: 'payout', price: '10' },
      customerInfo,
      target: { knownCardNumber: '4012888888881881' },
    }),
  },
  {
    name: 'payment from a bound card',
    host: '/secure/transactions',
    action: 'pay',
    settles: true,
    body: () => ({
      payment: { action: 'pay', amount: rub('10.00') },
      target: { card: CARD },
      routing: { destination: [share(A, '10.00')] },
    }),
  },
  {
    name: 'reversal',
    host: '/api/transactions',
    action: 'reversal',
    settles: true,
    body: async ({ paid }) => ({
      payment: { action: 'reversal', price: '1000.00' },
      target: { transaction: await paid() },
      routing: { source: [share(A, '1000.00')] },
    }),
  },
  {
    name: 'deposit',
    host: '/api/transactions',
    action: 'payout',
    settles: true,
    body: ({ esp }) => ({
      payment: { action: 'payout', price: '10.00' },
      target: { paymentToken: esp },
      customerInfo,
    }),
  },
  {
    name: 'withdrawal',
    host: '/api/transactions',
    action: 'pay',
    settles: true,
    body: ({ esp }) => ({
      payment: { action: 'pay', price: '10.00' },
      target: { paymentToken: esp },
      customerInfo,
    }),
  },
  {
    name: 'top-up',
    host: '/api/transactions',
    action: 'pay',
    settles: true,
    body: ({ esp }) => ({
      payment: { action: 'pay', price: '10.00' },
      customerInfo,
      source: { card: CARD },
      destination: { paymentToken: esp },
    }),
  },
  {
    name: 'payout to a card number',
    host: '/api/transactions',
    action: 'payout',
    settles: true,
    body: ({ esp }) => ({
      payment: { action: 'payout', price: '10.00' },
      customerInfo,
      source: { paymentToken: esp },
      destination: { knownCardNumber: '2202202244861047' },
    }),
  },
  {
    name: 'payout to a bound card',
    host: '/api/transactions',
    action: 'payout',
    settles: true,
    body: ({ esp }) => ({
      payment: { action: 'payout', price: '10.00' },
      customerInfo,
      source: { paymentToken: esp },
      destination: { card: CARD },
    }),
  },
  {
    name: 'SBP payout',
    host: '/api/transactions',
    action: 'payout',
    settles: false,
    body: ({ esp }) => ({
      payment: { action: 'payout', price: '10.00' },
      customerInfo: sbpRecipient,
      source: { paymentToken: esp },
      destination: { sbp: { bankId: '100000000008', bankBic: '044525593' } },
    }),
  },
  {
    name: 'transit payout',
    host: '/api/transactions',
    action: 'payout',
    settles: true,
    body: ({ esp }) => ({
      payment: { action: 'payout', price: '10.00' },
      customerInfo,
      transit: { paymentToken: esp },
      target: { card: CARD },
    }),
  },
];

describe('orderId is the idempotency key of every action', () => {
  const { emu, receiver: callbacks } = emulatorSuite();
  let token: string;
  let esp: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
    esp = await activeEsp(emu.url, token);
    await setBalance(emu.url, esp, 1_000_000);
  });

  const send = (host: string, body: unknown): Promise<ApiResponse<{ id: string; userWebLink?: string }>> =>
    call(
      emu.url,
      host,
      host === '/secure/transactions' ? { token, body } : { headers: { 'x-auth': xAuth() }, body },
    );
  const withOrder = (body: Record<string, unknown>, orderId: string) => ({
    ...body,
    payment: { ...(body.payment as object), orderId },
  });
  const callbackOf = (id: string) =>
    waitUntil(() => callbacks.requests.find((r) => new URLSearchParams(r.body).get('transaction') === id));
  /** Presses Pay on the hosted page, as a payer would, and waits for the callback. */
  const payOnPage = async (res: ApiResponse<{ id: string; userWebLink?: string }>) => {
    expect(res.status, res.text).toBe(200);
    await fetch(`${emu.url}/Pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        transaction: new URL(res.json.userWebLink!).searchParams.get('transaction')!,
        decision: 'pay',
      }),
      redirect: 'manual',
    });
    await callbackOf(res.json.id);
    return res.json.id;
  };
  const setup = (): Setup => ({
    esp,
    paid: async () =>
      payOnPage(
        await send('/secure/transactions', {
          payment: { action: 'pay', orderId: 'earlier-pay', amount: rub('5000.00') },
          routing: { destination: [share(A, '5000.00')] },
          customerInfo,
        }),
      ),
    authorised: async () =>
      payOnPage(
        await send('/secure/transactions', {
          payment: { action: 'preauth', orderId: 'earlier-preauth', amount: rub('100.00') },
          customerInfo,
        }),
      ),
  });

  /** What a repeat must not change: transactions, callbacks and the wallet's balance. */
  const snapshot = async () => ({
    transactions: (await call<{ transactions: unknown[] }>(emu.url, '/__emulator/transactions')).json
      .transactions.length,
    callbacks: (await call<{ callbacks: unknown[] }>(emu.url, '/__emulator/callbacks?channel=mandarin')).json
      .callbacks.length,
    balance: (await call<{ balance: number }>(emu.url, `/__emulator/wallets/${esp}`)).json.balance,
  });

  /**
   * A deposit of 0.01 created after the repeat and waited for: anything the repeat had started would have
   * been created and scheduled before it, so once its callback is in, the repeat's effects would be too.
   */
  const barrier = async () => {
    const res = await send('/api/transactions', {
      payment: { action: 'payout', orderId: `barrier-${Math.random()}`, price: '0.01' },
      target: { paymentToken: esp },
      customerInfo,
    });
    expect(res.status, res.text).toBe(200);
    await callbackOf(res.json.id);
  };

  const expectDuplicate = (res: ApiResponse, orderId: string, action: string) => {
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: expect.stringMatching(
        new RegExp(`^Duplicate order id ${orderId} found for (completed|incomplete) ${action} transaction$`),
      ),
      errorCode: -2,
    });
  };

  it.each(cases)('a repeated $name creates nothing, moves nothing and sends no callback', async (c) => {
    const body = withOrder(await c.body(setup()), `order-${c.name}`);
    const first = await send(c.host, body);
    expect(first.status, first.text).toBe(200);
    if (c.settles) await callbackOf(first.json.id);
    const before = await snapshot();
    expectDuplicate(await send(c.host, body), `order-${c.name}`, c.action);
    await barrier();
    const after = await snapshot();
    expect(after).toEqual({
      transactions: before.transactions + 1,
      callbacks: before.callbacks + 1,
      balance: before.balance + 1,
    });
  });

  it('refuses an orderId used by another action, and one whose transaction failed', async () => {
    const deposit = await send('/api/transactions', {
      payment: { action: 'payout', orderId: 'shared', price: '10.00' },
      target: { paymentToken: esp },
      customerInfo,
    });
    await callbackOf(deposit.json.id);
    const withdrawal = await send('/api/transactions', {
      payment: { action: 'pay', orderId: 'shared', price: '10.00' },
      target: { paymentToken: esp },
      customerInfo,
    });
    expectDuplicate(withdrawal, 'shared', 'payout');
    expect(withdrawal.text).toMatch(/completed payout/);

    await setBalance(emu.url, esp, 0);
    const tooMuch = {
      payment: { action: 'payout', orderId: 'broke', price: '10.00' },
      customerInfo,
      source: { paymentToken: esp },
      destination: { knownCardNumber: '2202202244861047' },
    };
    const failed = await send('/api/transactions', tooMuch);
    expect(new URLSearchParams((await callbackOf(failed.json.id)).body).get('status')).toBe('failed');
    await setBalance(emu.url, esp, 1_000_000);
    expectDuplicate(await send('/api/transactions', tooMuch), 'broke', 'payout');
  });
});
