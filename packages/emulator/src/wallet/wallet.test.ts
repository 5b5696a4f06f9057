import { beforeEach, describe, expect, it } from 'vitest';
import { activeEsp, call, emulatorSuite, getToken, setBalance, waitUntil } from '../fixtures/harness.js';

const customerInfo = { email: 'user@example.com', phone: '+79001234567' };

describe('wallet balance', () => {
  const { emu, receiver: callbacks } = emulatorSuite();
  let token: string;
  let esp: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
    esp = await activeEsp(emu.url, token);
  });

  const balance = async () =>
    (await call<{ balance: number }>(emu.url, `/api/v1/tokens/${esp}/wallet/balance`, { token })).json
      .balance;

  /** Creates a transaction and waits for its callback; returns the callback's fields. */
  async function run(body: Record<string, unknown>): Promise<Record<string, string>> {
    const created = await call<{ id: string }>(emu.url, '/api/transactions', { token, body });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    const request = await waitUntil(() =>
      callbacks.requests.find((r) => new URLSearchParams(r.body).get('transaction') === created.json.id),
    );
    return Object.fromEntries(new URLSearchParams(request.body));
  }

  const payment = (action: string, price: string, orderId = `o-${Math.random()}`) => ({
    action,
    orderId,
    price,
  });

  it('moves with deposit, top-up, withdrawal and every payout', async () => {
    expect(await balance()).toBe(0);
    expect(
      (await run({ payment: payment('payout', '1000.00'), target: { paymentToken: esp }, customerInfo }))
        .status,
    ).toBe('success');
    expect(await balance()).toBe(100_000);
    await run({
      payment: payment('pay', '1'),
      customerInfo,
      source: { card: '63eed817-c56e-4aac-ad38-15113ed13722' },
      destination: { paymentToken: esp },
    });
    expect(await balance()).toBe(100_100);
    await run({ payment: payment('pay', '10.00'), target: { paymentToken: esp }, customerInfo });
    expect(await balance()).toBe(99_100);
    const toCard = await run({
      payment: payment('payout', '100'),
      customerInfo,
      source: { paymentToken: esp },
      destination: { knownCardNumber: '2202202244861047' },
    });
    expect(toCard).toMatchObject({ status: 'success', card_number: '220220XXXXXX1047' });
    expect(await balance()).toBe(89_100);
    await run({
      payment: payment('payout', '0.50'),
      customerInfo,
      source: { paymentToken: esp },
      destination: { card: '63eed817-c56e-4aac-ad38-15113ed13722' },
    });
    expect(await balance()).toBe(89_050);
    // Transit passes through the wallet: limits apply, the balance stays.
    const transit = await run({
      payment: payment('payout', '100'),
      customerInfo,
      transit: { paymentToken: esp },
      target: { card: '63eed817-c56e-4aac-ad38-15113ed13722' },
    });
    expect(transit.status).toBe('success');
    expect(await balance()).toBe(89_050);
  });

  it('fails a payout beyond the balance with a failed callback and leaves the balance', async () => {
    await setBalance(emu.url, esp, 5_000);
    const cb = await run({
      payment: payment('payout', '50.01'),
      customerInfo,
      source: { paymentToken: esp },
      destination: { knownCardNumber: '2202202244861047' },
    });
    expect(cb.status).toBe('failed');
    expect(await balance()).toBe(5_000);
    const tx = await call(emu.url, `/__emulator/transactions/${cb.transaction}`);
    expect(tx.json.failureReason).toMatch(/Insufficient funds/);
  });

  it('enforces 100 000 RUB per operation and 200 000 RUB a month', async () => {
    await setBalance(emu.url, esp, 50_000_000);
    const payout = (price: string) => ({
      payment: payment('payout', price),
      customerInfo,
      source: { paymentToken: esp },
      destination: { knownCardNumber: '2202202244861047' },
    });
    expect((await run(payout('100000.01'))).status).toBe('failed');
    expect((await run(payout('100000.00'))).status).toBe('success');
    expect((await run(payout('99999.00'))).status).toBe('success');
    const over = await run(payout('1000.01'));
    expect(over.status).toBe('failed');
    expect((await call(emu.url, `/__emulator/transactions/${over.transaction}`)).json.failureReason).toMatch(
      /Monthly/,
    );
    expect(await balance()).toBe(50_000_000 - 19_999_900);
    // Next month the turnover starts again.
    await call(emu.url, '/__emulator/clock', { body: { advanceSeconds: 32 * 86_400 } });
    token = await getToken(emu.url);
    expect((await run(payout('1000.01'))).status).toBe('success');
  });

  it('refuses operations on a blocked wallet with a failed callback', async () => {
    await setBalance(emu.url, esp, 10_000);
    await call(emu.url, `/__emulator/esp/${esp}/status`, { body: { status: 'Blocked' } });
    const cb = await run({ payment: payment('payout', '1.00'), target: { paymentToken: esp }, customerInfo });
    expect(cb.status).toBe('failed');
    expect(await balance()).toBe(10_000);
  });

  it('refuses an unknown payment token synchronously and creates nothing', async () => {
    const res = await call(emu.url, '/api/transactions', {
      token,
      body: { payment: payment('payout', '1.00'), target: { paymentToken: 'nope' }, customerInfo },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/Payment token nope not found/);
    expect(
      (await call<{ transactions: unknown[] }>(emu.url, '/__emulator/transactions')).json.transactions,
    ).toEqual([]);
  });
});
