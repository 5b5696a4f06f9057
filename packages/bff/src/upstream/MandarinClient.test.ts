import { afterEach, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testkit/HttpClient.js';
import { stackMandarin } from '../testkit/startStack.js';
import { walletSuite } from '../testkit/suites.js';

const { stack, owner, wallet } = walletSuite(500n);
afterEach(() => stack.admin('/faults', { method: 'DELETE' }));

const stats = async () => (await stack.admin('/stats')).body;
const fault = (route: string, kind: string, count: number, extra: Record<string, unknown> = {}) =>
  stack.admin('/faults', { body: { route, kind, count, ...extra } });
const BALANCE = 'GET /api/v1/tokens/*/wallet/balance';
const burst = (client: HttpClient, n: number) =>
  Promise.all(Array.from({ length: n }, () => client.get(`/api/wallets/${wallet.id}/balance`)));

describe('upstream client, against the emulator', () => {
  it('asks for one token when 1 000 calls arrive at a BFF with no token yet', async () => {
    const cold = await stack.anotherBff();
    const before = (await stats()).tokenRequests;
    const replies = await burst(stack.client(cold.url).withCookieOf(owner), 1000);
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect((await stats()).tokenRequests - before).toBe(1);
  }, 60_000);

  it('renews once when Mandarin expires the token under 1 000 concurrent calls', async () => {
    await stack.admin('/tokens/expire', { body: {} });
    const before = (await stats()).tokenRequests;
    const replies = await burst(owner, 1000);
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect((await stats()).tokenRequests - before).toBe(1);
  }, 60_000);

  it('on a 401 renews the token once and retries once', async () => {
    await fault(BALANCE, '401', 1);
    const before = await stats();
    const reply = await owner.get(`/api/wallets/${wallet.id}/balance`);
    expect(reply.status).toBe(200);
    const after = await stats();
    expect(after.tokenRequests - before.tokenRequests).toBe(1);
  });

  it('never renews more than once per call: a second 401 is a 502', async () => {
    await fault(BALANCE, '401', 5);
    const before = await stats();
    const reply = await owner.get(`/api/wallets/${wallet.id}/balance`);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await stats()).tokenRequests - before.tokenRequests).toBe(1);
    // The request id is a random UUID (it may well contain "401"): only what the BFF says counts.
    const { requestId: _random, ...said } = reply.body.error;
    expect(JSON.stringify(said)).not.toMatch(/token|401|emulator/i);
  });

  it('retries a GET through a passing 5xx, and maps lasting 5xx to 502', async () => {
    await fault(BALANCE, '5xx', 1);
    expect((await owner.get(`/api/wallets/${wallet.id}/balance`)).status).toBe(200);
    await fault(BALANCE, '5xx', 3);
    const reply = await owner.get(`/api/wallets/${wallet.id}/balance`);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps a timeout to 504 UPSTREAM_TIMEOUT', async () => {
    const impatient = await stack.anotherBff({
      mandarin: { ...stackMandarin(stack), timeoutMs: 100 },
    });
    await fault(BALANCE, 'timeout', 3, { delayMs: 1000 });
    const reply = await stack
      .client(impatient.url)
      .withCookieOf(owner)
      .get(`/api/wallets/${wallet.id}/balance`);
    expect(reply.status).toBe(504);
    expect(reply.body.error.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('does not repeat a POST that may have reached Mandarin', async () => {
    // One 5xx is armed: a retry would get through and answer 200, so a 502 proves there was none.
    await fault('POST /payment-tokens/api/v1/otp/*/send', '5xx', 1);
    const reply = await owner.post(`/api/wallets/${wallet.id}/otp/send`);
    expect(reply.status).toBe(502);
    expect((await stack.admin('/faults')).body.faults).toEqual([]);
  });

  it("passes Mandarin's 400 message on as 422 UPSTREAM_REJECTED", async () => {
    const reply = await owner.post(`/api/wallets/${wallet.id}/otp/verify`, { code: '99999999' });
    expect([200, 422]).toContain(reply.status);
    if (reply.status === 422) expect(reply.body.error.code).toBe('UPSTREAM_REJECTED');
  });
});
