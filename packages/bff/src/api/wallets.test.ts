import { sandboxKyc } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../testkit/flows.js';
import { stackSuite } from '../testkit/suites.js';

const stack = stackSuite();

describe('wallet onboarding through the BFF', () => {
  it('creates an ESP, sends and verifies the SMS code, and reaches Success with a balance', async () => {
    const browser = stack.client();
    const created = await browser.post('/api/wallets', sandboxKyc());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'Processing', processedAt: null });
    const id: string = created.body.id;

    const sent = await browser.post(`/api/wallets/${id}/otp/send`);
    expect(sent.status).toBe(200);
    expect(sent.body.phoneMasked).toBe('+7 *** ***-**-53');
    expect(sent.body.retriesLeft).toBeGreaterThan(0);
    expect(Date.parse(sent.body.expiresAt)).toBeGreaterThan(Date.now());

    const wrong = await browser.post(`/api/wallets/${id}/otp/verify`, { code: '0000' });
    const otp = await stack.admin(`/esp/${id}/otp`);
    const code: string = otp.body.code;
    if (code !== '0000') {
      expect(wrong.body.verified ?? false).toBe(false);
      const right = await browser.post(`/api/wallets/${id}/otp/verify`, { code });
      expect(right.status).toBe(200);
      expect(right.body.verified).toBe(true);
    }

    const wallet = await waitFor(
      () => browser.get(`/api/wallets/${id}`),
      (r) => r.body.status === 'Success',
    );
    expect(wallet.body.finishedAt).not.toBeNull();

    const balance = await browser.get(`/api/wallets/${id}/balance`);
    expect(balance.status).toBe(200);
    expect(balance.body).toEqual({
      walletId: id,
      balance: { amount: '0.00', currency: 'RUB' },
      status: 'Success',
    });

    const list = await browser.get('/api/wallets');
    expect(list.body.wallets.map((w: { id: string }) => w.id)).toEqual([id]);
  });

  it("hides one user's wallet from another: 404, never their data", async () => {
    const owner = stack.client();
    const created = await owner.post('/api/wallets', sandboxKyc());
    const id: string = created.body.id;
    const stranger = stack.client();
    for (const reply of [
      await stranger.get(`/api/wallets/${id}`),
      await stranger.get(`/api/wallets/${id}/balance`),
      await stranger.post(`/api/wallets/${id}/otp/send`),
      await stranger.post(`/api/wallets/${id}/otp/verify`, { code: '1234' }),
    ]) {
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('NOT_FOUND');
      expect(reply.text).not.toContain(id);
    }
    expect((await stranger.get('/api/wallets')).body.wallets).toEqual([]);
  });

  it('refuses bad KYC input field by field and sends nothing upstream', async () => {
    const before = (await stack.admin('/stats')).body;
    const browser = stack.client();
    const reply = await browser.post(
      '/api/wallets',
      sandboxKyc({ inn: '777777777777', snils: '140-120-150 35' }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(reply.body.error.fields)).toEqual(expect.arrayContaining(['inn', 'snils']));
    expect(reply.body.error.requestId).toBe(reply.headers.get('x-request-id'));
    const after = (await stack.admin('/stats')).body;
    expect(after).toEqual(before);
    expect((await browser.get('/api/wallets')).body.wallets).toEqual([]);
  });

  it('answers a repeated Idempotency-Key with the first result and creates one ESP', async () => {
    const browser = stack.client();
    const headers = { 'idempotency-key': 'create-wallet-0001' };
    const first = await browser.post('/api/wallets', sandboxKyc(), headers);
    const again = await browser.post('/api/wallets', sandboxKyc(), headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await browser.get('/api/wallets')).body.wallets).toHaveLength(1);
    const reused = await browser.post('/api/wallets', sandboxKyc({ email: 'other@mail.ru' }), headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('counts a wallet creation against the limits once, however often the same request is retried', async () => {
    const strict = await stack.anotherBff({
      limits: { walletCreatePerUser: { max: 1, windowMs: 3_600_000 } },
    });
    const browser = stack.client(strict.url);
    const key = { 'idempotency-key': 'create-wallet-retry-0001' };
    const first = await browser.post('/api/wallets', sandboxKyc(), key);
    expect(first.status).toBe(201);
    const retried = await browser.post('/api/wallets', sandboxKyc(), key);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    const limited = { 'idempotency-key': 'create-wallet-limited-0002' };
    const another = await browser.post('/api/wallets', sandboxKyc(), limited);
    expect(another.status).toBe(429);
    expect(another.headers.get('retry-after')).toMatch(/^\d+$/);
    // A refusal by a limit is not remembered as the answer: the same key is judged afresh (here, refused again).
    const again = await browser.post('/api/wallets', sandboxKyc(), limited);
    expect(again.status).toBe(429);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});
