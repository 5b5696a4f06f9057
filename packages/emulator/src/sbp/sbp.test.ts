import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeEsp,
  call,
  emulatorSuite,
  getToken,
  setBalance,
  waitUntil,
  xAuth,
} from '../fixtures/harness.js';

describe('SBP', () => {
  const { emu, receiver: callbacks } = emulatorSuite();
  let token: string;
  let esp: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
    esp = await activeEsp(emu.url, token);
    await setBalance(emu.url, esp, 100_000);
  });

  const payout = (phone: string, orderId = `sbp-${Math.random()}`) =>
    call<{ id: string }>(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'payout', orderId, price: '100' },
        customerInfo: {
          phone,
          email: 'test@example.ru',
          firstName: 'Ivan',
          middleName: 'Valerievich',
          lastName: 'Ivanov',
        },
        source: { paymentToken: esp },
        destination: { sbp: { bankId: '100000000008', bankBic: '044525593' } },
      },
    });
  const sbp = (id: string, step: 'status' | 'confirm' | 'reject') =>
    call<{ id: string; status: string; fullName: string | null }>(emu.url, `/api/sbp/${id}/${step}`, {
      method: 'POST',
      headers: { 'x-auth': xAuth() },
    });
  const callbackOf = async (id: string) =>
    Object.fromEntries(
      new URLSearchParams(
        (
          await waitUntil(() =>
            callbacks.requests.find((r) => new URLSearchParams(r.body).get('transaction') === id),
          )
        ).body,
      ),
    );
  const balance = async () =>
    (await call<{ balance: number }>(emu.url, `/api/v1/tokens/${esp}/wallet/balance`, { token })).json
      .balance;

  it('lists banks, filtered by a case-insensitive part of the name', async () => {
    const all = await call<{ banks: Array<{ bankId: string; bankName: string; bankBic: string }> }>(
      emu.url,
      '/api/sbp/banks/',
      { headers: { 'x-auth': xAuth() } },
    );
    expect(all.json.banks.length).toBeGreaterThanOrEqual(6);
    expect(all.json.banks).toContainEqual({
      bankId: '100000000111',
      bankName: 'Сбербанк',
      bankBic: '044525225',
    });
    const sber = await call<{ banks: unknown[] }>(
      emu.url,
      `/api/sbp/banks/?bankName=${encodeURIComponent('СБЕР')}`,
      {
        token,
      },
    );
    expect(sber.json.banks).toEqual([{ bankId: '100000000111', bankName: 'Сбербанк', bankBic: '044525225' }]);
    const none = await call<{ banks: unknown[] }>(emu.url, '/api/sbp/banks/?bankName=zzz', { token });
    expect(none.json.banks).toEqual([]);
  });

  it('two-step: status names the recipient, confirm pays out once', async () => {
    const { json } = await payout('+79001234567');
    expect(await sbp(json.id, 'confirm').then((r) => r.status)).toBe(400); // name not checked yet
    const status = await sbp(json.id, 'status');
    expect(status.json).toEqual({ id: json.id, status: 'pending', fullName: 'Ivan Valerievich Ivanov' });
    expect((await sbp(json.id, 'confirm')).status).toBe(200);
    expect((await callbackOf(json.id)).status).toBe('success');
    expect(await balance()).toBe(90_000);
    expect((await sbp(json.id, 'confirm')).status).toBe(400);
    expect((await sbp(json.id, 'reject')).status).toBe(400);
    expect((await sbp(json.id, 'status')).json.status).toBe('success');
  });

  it('returns the bank-registered name for the second sandbox phone', async () => {
    const { json } = await payout('+79007654321');
    expect((await sbp(json.id, 'status')).json.fullName).toBe('Ivan Ivanovich Ivanov');
  });

  it('reject cancels once, with a failed callback and no money moved', async () => {
    const { json } = await payout('+79001234567');
    await sbp(json.id, 'status');
    expect((await sbp(json.id, 'reject')).json.status).toBe('rejected');
    expect((await callbackOf(json.id)).status).toBe('failed');
    expect(await balance()).toBe(100_000);
    expect((await sbp(json.id, 'reject')).status).toBe(400);
    expect((await sbp(json.id, 'confirm')).status).toBe(400);
  });

  it('fails the payout for any other phone', async () => {
    const { json } = await payout('+79990000000');
    expect((await sbp(json.id, 'status')).json).toEqual({ id: json.id, status: 'failed', fullName: null });
    expect((await callbackOf(json.id)).status).toBe('failed');
    expect((await sbp(json.id, 'confirm')).status).toBe(400);
  });

  it('refuses an unknown bank and answers 404 for an unknown payout', async () => {
    const res = await call(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'payout', orderId: 'x', price: '1' },
        customerInfo: { phone: '+79001234567', firstName: 'Ivan', lastName: 'Ivanov' },
        source: { paymentToken: esp },
        destination: { sbp: { bankId: '100000000111', bankBic: '044525593' } },
      },
    });
    expect(res.status).toBe(400);
    expect((await sbp('f'.repeat(32), 'status')).status).toBe(404);
  });

  it('completes without confirmation in one-step mode', async () => {
    emu.emulator.options.sbpOneStep = true;
    try {
      const ok = await payout('+79001234567');
      expect((await callbackOf(ok.json.id)).status).toBe('success');
      const unknown = await payout('+79990000000');
      expect((await callbackOf(unknown.json.id)).status).toBe('failed');
      expect(await balance()).toBe(90_000);
    } finally {
      emu.emulator.options.sbpOneStep = false;
    }
  });
});
