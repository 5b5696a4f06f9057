import { sandboxKyc } from '@mandarin-kit/emulator';
import { expect, it } from 'vitest';
import { defaultRateLimits } from '../BffDeps.js';
import type { Reply } from '../testkit/HttpClient.js';
import { describePostgres } from '../testkit/postgres.js';
import { postgresPairSuite } from '../testkit/postgresPair.js';
import { openSse, type SseConnection } from '../testkit/sse.js';

// Issue 16 on several instances: the limits a new cookie can't reset, and sign-out, hold across a load balancer.

describePostgres('limits and sign-out shared by BFF instances on one PostgreSQL database', () => {
  const { stack, second } = postgresPairSuite({
    trustProxy: true,
    limits: { ...defaultRateLimits },
    sse: { maxStreamsPerAddress: 3 },
  });

  it('opens at most 3 wallets per phone across instances, and sends at most 5 SMS codes per phone', async () => {
    const kyc = sandboxKyc({ phones: [{ phone: '79005550900', type: 'Personal' }] });
    const created: Reply[] = [];
    const owners = [];
    for (let i = 0; i < 8; i++) {
      const owner = stack.client(i % 2 === 0 ? stack.bffUrl : second.url);
      const headers = { 'x-forwarded-for': `198.51.100.${i + 1}` };
      created.push(await owner.post('/api/wallets', kyc, headers));
      owners.push({ owner, headers });
    }
    expect(created.filter((r) => r.status === 201)).toHaveLength(3);
    expect(created.filter((r) => r.status === 429)).toHaveLength(5);
    const sends: number[] = [];
    for (let i = 0; i < 9; i++) {
      const at = i % 3;
      const { owner, headers } = owners[at]!;
      sends.push(
        (await owner.post(`/api/wallets/${created[at]!.body.id}/otp/send`, undefined, headers)).status,
      );
    }
    expect(sends.filter((s) => s === 200)).toHaveLength(5);
    expect(sends.filter((s) => s === 429)).toHaveLength(4);
  });

  it('limits new sessions per address across instances', async () => {
    const replies: number[] = [];
    for (let i = 0; i < defaultRateLimits.sessionCreatePerAddress.max + 1; i++) {
      const url = i % 2 === 0 ? stack.bffUrl : second.url;
      replies.push((await stack.client(url).get('/api/me', { 'x-forwarded-for': '192.0.2.99' })).status);
    }
    expect(replies.at(-1)).toBe(429);
    expect(replies.filter((s) => s === 200)).toHaveLength(defaultRateLimits.sessionCreatePerAddress.max);
  });

  it('caps open event streams per address across instances, and frees the slot when one closes', async () => {
    const open: SseConnection[] = [];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const stream = await openSse(i % 2 === 0 ? stack.bffUrl : second.url, {
          'x-forwarded-for': '192.0.2.123',
        });
        statuses.push(stream.status);
        if (stream.status === 200) open.push(stream);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      open.shift()!.close();
      let again: SseConnection | undefined;
      for (let i = 0; i < 200 && again?.status !== 200; i++) {
        again?.close();
        if (again !== undefined) await new Promise((r) => setTimeout(r, 10));
        again = await openSse(second.url, { 'x-forwarded-for': '192.0.2.123' });
      }
      expect(again?.status).toBe(200);
      open.push(again!);
    } finally {
      for (const stream of open) stream.close();
    }
  });

  it('signing out on one instance ends the cookie on the other', async () => {
    const operator = stack.client(stack.bffUrl);
    await operator.post('/api/session/operator');
    const elsewhere = stack.client(second.url).withCookieOf(operator);
    expect((await elsewhere.get('/api/payments')).status).toBe(200);
    expect((await operator.request('DELETE', '/api/session')).status).toBe(200);
    expect((await elsewhere.get('/api/payments')).status).toBe(403);
  });
});
