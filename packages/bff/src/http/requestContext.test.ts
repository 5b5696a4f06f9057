import { describe, expect, it } from 'vitest';
import { walletSuite } from '../testkit/suites.js';

const { stack, owner, wallet } = walletSuite(1_000n);

describe('the access log', () => {
  it('writes one line per request with the route pattern, status, time and request id, and nothing personal', async () => {
    const reply = await owner.get(`/api/wallets/${wallet.id}/balance`, {
      'x-request-id': 'access-line-test-01',
    });
    expect(reply.status).toBe(200);
    const lines = stack.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request' && l.requestId === 'access-line-test-01');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: 'GET',
      route: '/api/wallets/:walletId/balance',
      status: 200,
      ms: expect.any(Number),
    });
    // The line skips key redaction, so it may hold only these fields.
    expect(Object.keys(lines[0]!).sort()).toEqual(
      [
        'level',
        'time',
        'service',
        'requestId',
        'method',
        'route',
        'path',
        'status',
        'ms',
        'userId',
        'msg',
      ].sort(),
    );
  });
});
