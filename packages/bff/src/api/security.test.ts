import { DEFAULT_CREDENTIALS, sandboxKyc } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';
import { openSse } from '../testkit/sse.js';
import { walletSuite } from '../testkit/suites.js';

const { stack, owner, wallet } = walletSuite(100_000n);
const responses: string[] = [];

const upstreamCalls = async () => {
  const { body } = await stack.admin('/stats');
  return Object.values(body.requestsByRoute as Record<string, number>).reduce((a, b) => a + b, 0);
};

describe('the browser-facing API refuses what it must', () => {
  it('needs X-CSRF: 1 on every state-changing call', async () => {
    const reply = await owner.request('POST', `/api/wallets/${wallet.id}/otp/send`, undefined, {
      'x-csrf': '',
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('CSRF_REQUIRED');
  });

  it('keeps customers off operator routes', async () => {
    for (const reply of [
      await owner.get('/api/payments'),
      await owner.post('/api/sub-merchants', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.token' }),
      await owner.post(`/api/wallets/${wallet.id}/deposits`, { amount: '1.00' }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses malformed payouts with the error body, storing and sending nothing', async () => {
    const path = `/api/wallets/${wallet.id}/payouts`;
    const card = { type: 'card_number', cardNumber: '4111111111111111' };
    const cases: Array<[string, unknown, number]> = [
      ['amount as a number', { amount: 100, destination: card }, 400],
      ['amount with a comma', { amount: '1,00', destination: card }, 400],
      ['amount with three decimals', { amount: '1.001', destination: card }, 400],
      ['negative amount', { amount: '-1.00', destination: card }, 400],
      ['exponent', { amount: '1e3', destination: card }, 400],
      ['missing destination', { amount: '1.00' }, 400],
      ['unknown destination type', { amount: '1.00', destination: { type: 'iban', iban: 'x' } }, 400],
      [
        'bad card number',
        { amount: '1.00', destination: { type: 'card_number', cardNumber: '4111111111111112' } },
        400,
      ],
      ['bad card id', { amount: '1.00', destination: { type: 'bound_card', cardId: '../../etc' } }, 400],
      ['unknown field', { amount: '1.00', destination: card, fee: '0' }, 400],
      ['huge string', { amount: '1'.repeat(100_000), destination: card }, 413],
      ['array body', [1, 2, 3], 400],
      ['not JSON', '{"amount":', 400],
    ];
    const opsBefore = (await owner.get(`/api/wallets/${wallet.id}/operations`)).body.operations.length;
    const callsBefore = await upstreamCalls();
    for (const [name, payload, status] of cases) {
      const reply = await owner.post(path, payload);
      expect(reply.status, name).toBe(status);
      expect(reply.body.error, name).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(reply.body.error.requestId, name).toBe(reply.headers.get('x-request-id'));
    }
    const typed = await owner.post(path, { amount: 100, destination: card });
    expect(typed.body.error.fields.amount).toBeDefined();
    expect(await upstreamCalls()).toBe(callsBefore);
    expect((await owner.get(`/api/wallets/${wallet.id}/operations`)).body.operations).toHaveLength(opsBefore);
  });

  it('validates ids in URLs before any lookup', async () => {
    for (const id of ['not-a-uuid', "1' OR '1'='1", '%2e%2e']) {
      const reply = await owner.get(`/api/wallets/${encodeURIComponent(id)}/balance`);
      expect(reply.status).toBe(404);
    }
  });

  it('sends an idempotent retry upstream once', async () => {
    const before = (await stack.admin('/stats')).body.requestsByRoute['POST /api/transactions'] ?? 0;
    const headers = { 'idempotency-key': 'payout-retry-0001' };
    const payload = { amount: '2.00', destination: { type: 'card_number', cardNumber: '4111111111111111' } };
    const first = await owner.post(`/api/wallets/${wallet.id}/payouts`, payload, headers);
    const second = await owner.post(`/api/wallets/${wallet.id}/payouts`, payload, headers);
    expect(second.body).toEqual(first.body);
    const after = (await stack.admin('/stats')).body.requestsByRoute['POST /api/transactions'];
    expect(after - before).toBe(1);
  });

  it('rate-limits OTP sends per wallet with Retry-After', async () => {
    const browser = stack.client();
    const created = await browser.post('/api/wallets', sandboxKyc());
    let last = await browser.post(`/api/wallets/${created.body.id}/otp/send`);
    for (let i = 0; i < 6 && last.status !== 429; i++)
      last = await browser.post(`/api/wallets/${created.body.id}/otp/send`);
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('RATE_LIMITED');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('sends security headers and no-store on every answer', async () => {
    const reply = await owner.get('/api/me');
    responses.push(reply.text);
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    expect((await owner.get('/api/nothing-here')).body.error.code).toBe('NOT_FOUND');
    // A method a known path doesn't take gets the same error body, not an empty or HTML answer.
    for (const method of ['PUT', 'PATCH', 'OPTIONS']) {
      const wrong = await owner.request(method, '/api/wallets', undefined, { 'x-csrf': '1' });
      expect(wrong.status).toBe(404);
      expect(wrong.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
    }
  });

  it('never lets a secret or PII reach a response, an SSE event or a log line', async () => {
    const browser = stack.client();
    responses.push((await browser.get('/api/me')).text);
    // Both users' live streams; the card payout's status arrives on the owner's.
    const streams = [
      await openSse(stack.bffUrl, { cookie: browser.cookieHeader }),
      await openSse(stack.bffUrl, { cookie: owner.cookieHeader }),
    ];
    const created = await browser.post('/api/wallets', sandboxKyc());
    responses.push(created.text);
    for (const path of [
      '/api/wallets',
      `/api/wallets/${created.body.id}`,
      `/api/wallets/${created.body.id}/balance`,
    ]) {
      responses.push((await browser.get(path)).text);
    }
    responses.push((await browser.post(`/api/wallets/${created.body.id}/otp/send`)).text);
    responses.push(
      (
        await owner.post(`/api/wallets/${wallet.id}/payouts`, {
          amount: '1.00',
          destination: { type: 'card_number', cardNumber: '4111111111111111' },
        })
      ).text,
    );
    await streams[1]!.waitFor((es) => es.some((e) => e.type === 'transaction.status'), 10_000);
    for (const stream of streams) {
      stream.close();
      responses.push(JSON.stringify(stream.events));
    }
    const secrets = [
      DEFAULT_CREDENTIALS.clientSecret,
      DEFAULT_CREDENTIALS.secret,
      'Bearer ',
      'test-session-secret',
    ];
    const pii = [
      '123458',
      '500100732259',
      '11223344595',
      '112-233-445 95',
      '79017636353',
      '4111111111111111',
      'Petrovka',
      'ivanoff@mail.ru',
      'Fili Davydkovo',
    ];
    const everything = [...responses, ...stack.logs].join('\n');
    expect(stack.logs.length).toBeGreaterThan(10);
    for (const needle of [...secrets, ...pii]) {
      // A run of digits counts only standing alone: timestamps and random request ids may hold "123458" by chance.
      const pattern = /^\d+$/.test(needle)
        ? new RegExp(`(?<![0-9a-f])${needle}(?![0-9a-f])`, 'i')
        : new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      expect(everything, needle).not.toMatch(pattern);
    }
    const cookie = (await browser.get('/api/me')).headers.get('set-cookie');
    expect(cookie ?? '').not.toContain('mk_session'); // issued once, on the first request
    expect(stack.logs.join('\n')).not.toMatch(/mk_session=/);
  }, 20_000);
});
