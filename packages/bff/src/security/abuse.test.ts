import { connect } from 'node:net';
import { DEFAULT_CREDENTIALS, sandboxKyc } from '@mandarin-kit/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRateLimits } from '../BffDeps.js';
import { createBff } from '../createBff.js';
import { onboardWallet } from '../testkit/flows.js';
import { HttpClient, type Reply } from '../testkit/HttpClient.js';
import { openSse, type SseConnection } from '../testkit/sse.js';
import { ESP_TOKEN, type Stack, stackMandarin, TRANSFERS_TOKEN } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

// Abuse the probe of issue 16 found possible, one case each: limits a new cookie can't reset, proxies, cookies,
// sessions, event streams, secret paths in logs. Every client sits behind the one trusted proxy (the test
// runner on loopback) and says which address it is through X-Forwarded-For, as a load balancer would.

const stack = stackSuite({ bff: { trustProxy: true, limits: { ...defaultRateLimits } } });
// The same BFF with limits small enough to reach, and a transfers route behind an allow-list.
const tight = stackSuite({
  bff: {
    trustProxy: true,
    limits: {
      ...defaultRateLimits,
      otpSendPerAddress: { max: 3, windowMs: 3_600_000 },
      walletCreatePerAddress: { max: 2, windowMs: 3_600_000 },
      sessionCreatePerAddress: { max: 5, windowMs: 600_000 },
    },
    sse: { maxStreams: 4 },
    callbacks: { transfersToken: TRANSFERS_TOKEN, transfersAllowedIps: ['10.1.1.1'] },
  },
});

/** What the closing note of issue 16 asks for: requests refused per limit, requests sent and 5xx among them. */
// Global ceilings low enough to reach from a handful of addresses.
const ceiling = stackSuite({
  bff: {
    trustProxy: true,
    limits: {
      ...defaultRateLimits,
      otpSendGlobal: { max: 2, windowMs: 3_600_000 },
      walletCreateGlobal: { max: 3, windowMs: 3_600_000 },
    },
  },
});

const figures = { limitsHeld: {} as Record<string, number>, requests: 0, fiveHundreds: 0 };
const held = (what: string) => {
  figures.limitsHeld[what] = (figures.limitsHeld[what] ?? 0) + 1;
};
afterAll(() => {
  console.log(`security figures (abuse): ${JSON.stringify(figures)}`);
});

/** A new browser (no cookie yet) at client address `ip`. */
function browserAt(on: Stack, ip: string) {
  const client = on.client();
  const headers = { 'x-forwarded-for': ip };
  const count = (reply: Reply) => {
    figures.requests++;
    if (reply.status >= 500) figures.fiveHundreds++;
    return reply;
  };
  return {
    client,
    get: (path: string) => client.get(path, headers).then(count),
    post: (path: string, body?: unknown) => client.post(path, body, headers).then(count),
  };
}

/** Calls the emulator received on upstream routes matching `pattern`. */
async function upstream(on: Stack, pattern: RegExp): Promise<number> {
  const { body } = await on.admin('/stats');
  return Object.entries(body.requestsByRoute as Record<string, number>)
    .filter(([route]) => pattern.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
}
const GENERATE = /tokens\/generate/;
const OTP_SEND = /otp\/.*send/;

const kycFor = (phone: string) => sandboxKyc({ phones: [{ phone, type: 'Personal' }] });

function expectLimited(reply: Reply, what: string): void {
  expect(reply.status, what).toBe(429);
  expect(reply.body.error).toMatchObject({ code: 'RATE_LIMITED', requestId: expect.any(String) });
  expect(Number(reply.headers.get('retry-after')), what).toBeGreaterThan(0);
  held(what);
}

describe('SMS pumping: limits a new cookie cannot reset', () => {
  it('opens at most 3 wallets per phone a day, however many sessions and addresses ask', async () => {
    expect(defaultRateLimits.walletCreatePerPhone).toEqual({ max: 3, windowMs: 86_400_000 });
    const before = await upstream(stack, GENERATE);
    const replies: Reply[] = [];
    for (let i = 0; i < 12; i++) {
      replies.push(await browserAt(stack, `198.51.100.${i + 1}`).post('/api/wallets', kycFor('79005550001')));
    }
    expect(replies.filter((r) => r.status === 201)).toHaveLength(3);
    for (const reply of replies.slice(3)) expectLimited(reply, 'wallet creations per phone');
    expect(await upstream(stack, GENERATE)).toBe(before + 3);
  });

  it('sends at most 5 SMS codes per phone an hour, across wallets and sessions', async () => {
    expect(defaultRateLimits.otpSendPerPhone).toEqual({ max: 5, windowMs: 3_600_000 });
    const owners = [];
    for (let i = 0; i < 3; i++) {
      const owner = browserAt(stack, `203.0.113.${i + 1}`);
      const created = await owner.post('/api/wallets', kycFor('79005550002'));
      expect(created.status).toBe(201);
      owners.push({ owner, wallet: created.body.id as string });
    }
    const before = await upstream(stack, OTP_SEND);
    const replies: Reply[] = [];
    for (let i = 0; i < 12; i++) {
      const { owner, wallet } = owners[i % 3]!;
      replies.push(await owner.post(`/api/wallets/${wallet}/otp/send`));
    }
    expect(replies.filter((r) => r.status === 200)).toHaveLength(5);
    for (const reply of replies.filter((r) => r.status !== 200)) expectLimited(reply, 'OTP sends per phone');
    expect(await upstream(stack, OTP_SEND)).toBe(before + 5);
  });

  it('limits new sessions, wallet creations and OTP sends per client address', async () => {
    // Sessions: a request without a cookie is a new session, counted against its address.
    const fresh = [];
    for (let i = 0; i < 6; i++) fresh.push(await browserAt(tight, '192.0.2.50').get('/api/me'));
    expect(fresh.slice(0, 5).every((r) => r.status === 200)).toBe(true);
    expectLimited(fresh[5]!, 'new sessions per address');
    // The client can't escape its address by writing another one before it.
    expectLimited(
      await tight.client().get('/api/me', { 'x-forwarded-for': '10.9.9.9, 192.0.2.50' }),
      'new sessions per address, spoofed X-Forwarded-For',
    );
    expect((await browserAt(tight, '192.0.2.51').get('/api/me')).status).toBe(200);

    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(await browserAt(tight, '192.0.2.60').post('/api/wallets', kycFor(`7900555010${i}`)));
    }
    expect(created.map((r) => r.status)).toEqual([201, 201, 429]);
    expectLimited(created[2]!, 'wallet creations per address');

    const owner = browserAt(tight, '192.0.2.61');
    const wallet = (await owner.post('/api/wallets', kycFor('79005550110'))).body.id;
    const sends = [];
    for (let i = 0; i < 4; i++) sends.push(await owner.post(`/api/wallets/${wallet}/otp/send`));
    expect(sends.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expectLimited(sends[3]!, 'OTP sends per address');
  });

  it('holds a global ceiling on SMS codes and wallet creations, whatever the address', async () => {
    const created: Reply[] = [];
    const owners = [];
    for (let i = 0; i < 4; i++) {
      const owner = browserAt(ceiling, `192.0.2.${70 + i}`);
      created.push(await owner.post('/api/wallets', kycFor(`790055502${i}0`)));
      owners.push(owner);
    }
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expectLimited(created[3]!, 'wallet creations globally');
    const sent: Reply[] = [];
    for (let i = 0; i < 3; i++)
      sent.push(await owners[i]!.post(`/api/wallets/${created[i]!.body.id}/otp/send`));
    expect(sent.map((r) => r.status)).toEqual([200, 200, 429]);
    expectLimited(sent[2]!, 'OTP sends globally');
    expect(await upstream(ceiling, OTP_SEND)).toBe(2);
  });
});

/** A raw HTTP exchange, for requests fetch can't make (HTTP/1.0 without Host). */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let text = '';
    socket.on('data', (d) => {
      text += d;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('cookies follow the real protocol', () => {
  it('answers a new visitor on plain HTTP under any Host with a session, never a 500', async () => {
    for (const host of ['shop.example', '192.168.1.20:8787', 'localhost']) {
      const reply = await browserAt(stack, '198.51.100.200').client.get('/api/me', { host });
      expect(reply.status, host).toBe(200);
      expect(reply.headers.get('set-cookie'), host).toMatch(/^mk_session=/);
      expect(reply.headers.get('set-cookie'), host).not.toMatch(/;\s*secure/i);
    }
    const old = await raw(stack.bffUrl, 'GET /api/me HTTP/1.0\r\nX-Forwarded-For: 198.51.100.201\r\n\r\n');
    expect(old).toMatch(/^HTTP\/1\.[01] 200/);
  });

  it('marks it Secure when the trusted proxy says HTTPS, whatever X-Forwarded-Host says', async () => {
    const extras: Array<Record<string, string>> = [
      {},
      { 'x-forwarded-host': 'localhost' },
      { host: 'localhost' },
    ];
    for (const extra of extras) {
      const reply = await stack
        .client()
        .get('/api/me', { 'x-forwarded-for': '198.51.100.202', 'x-forwarded-proto': 'https', ...extra });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('set-cookie')).toMatch(/;\s*secure/i);
      expect(reply.headers.get('strict-transport-security')).toContain('max-age=');
    }
  });

  it('does not believe X-Forwarded-Proto without a trusted proxy', async () => {
    const untrusted = createBff({
      store: stack.store,
      mandarin: stackMandarin(stack),
      sessionSecret: 'test-session-secret-0123456789abcdef',
      logger: (await import('../log/createLogger.js')).createLogger({ level: 'silent' }),
    });
    const server = untrusted.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const address = server.address() as { port: number };
      const reply = await new HttpClient(`http://127.0.0.1:${address.port}`).get('/api/me', {
        'x-forwarded-proto': 'https',
        host: 'shop.example',
      });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('set-cookie')).not.toMatch(/;\s*secure/i);
    } finally {
      await untrusted.shutdown();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses at start-up what cannot work, saying what', () => {
    const base = { store: stack.store, mandarin: stackMandarin(stack), sessionSecret: 'x'.repeat(32) };
    expect(() => createBff({ ...base, trustedProxies: 2 })).toThrow(
      /trustedProxies is set but trustProxy is not true/,
    );
    expect(() => createBff({ ...base, trustProxy: true, trustedProxies: ['lb.internal'] })).toThrow(
      /not an IP address: lb\.internal/,
    );
    expect(() => createBff({ ...base, limits: { otpSendPerPhone: { max: 0, windowMs: 1000 } } })).toThrow(
      /limits\.otpSendPerPhone: max/,
    );
  });
});

describe('signing out signs out', () => {
  it('ends the old cookie for good once the user signs out', async () => {
    const operator = browserAt(stack, '198.51.100.210');
    await operator.post('/api/session/operator');
    const stolen = new HttpClient(stack.bffUrl).withCookieOf(operator.client);
    expect((await stolen.get('/api/payments')).status).toBe(200);
    const out = await operator.client.request('DELETE', '/api/session', undefined, {
      'x-forwarded-for': '198.51.100.210',
    });
    expect(out.status).toBe(200);
    const after = await stolen.get('/api/payments', { 'x-forwarded-for': '198.51.100.211' });
    expect(after.status).toBe(403);
    expect((await stolen.get('/api/me')).body.roles).toEqual(['customer']);
    expect((await operator.get('/api/me')).body.roles).toEqual(['customer']);
  });

  it('ends the customer cookie when it becomes an operator’s, and every cookie on sessionChanged', async () => {
    const user = browserAt(stack, '198.51.100.212');
    const id = (await user.get('/api/me')).body.id;
    const customerCookie = new HttpClient(stack.bffUrl).withCookieOf(user.client);
    await user.post('/api/session/operator');
    expect((await customerCookie.get('/api/me')).body.id).not.toBe(id);
    expect((await user.get('/api/me')).body).toEqual({ id, roles: ['customer', 'operator'] });
    await stack.app.sessionChanged(id);
    expect((await user.get('/api/me')).body.id).not.toBe(id);
  });
});

describe('event streams are bounded', () => {
  it('caps open streams per client address (cookieless or not) and in all', async () => {
    const open: SseConnection[] = [];
    try {
      let refused: SseConnection | undefined;
      for (let i = 0; i < 60 && refused === undefined; i++) {
        const stream = await openSse(stack.bffUrl, { 'x-forwarded-for': '198.51.100.220' });
        if (stream.status === 200) open.push(stream);
        else refused = stream;
      }
      expect(open).toHaveLength(50);
      expect(refused?.status).toBe(429);
      held('event streams per address');
      const elsewhere = await openSse(stack.bffUrl, { 'x-forwarded-for': '198.51.100.221' });
      expect(elsewhere.status).toBe(200);
      open.push(elsewhere);
      // The slot comes back when a stream ends.
      open.shift()!.close();
      const again = await waitForStatus(stack.bffUrl, '198.51.100.220', 200);
      open.push(again);

      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const stream = await openSse(tight.bffUrl, { 'x-forwarded-for': `192.0.2.${150 + i}` });
        statuses.push(stream.status);
        if (stream.status === 200) open.push(stream);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      held('event streams in all');
    } finally {
      for (const stream of open) stream.close();
    }
  }, 20_000);
});

/** Opens streams until one is answered `status` (a closed stream frees its slot a moment later). */
async function waitForStatus(url: string, ip: string, status: number): Promise<SseConnection> {
  for (let i = 0; i < 100; i++) {
    const stream = await openSse(url, { 'x-forwarded-for': ip });
    if (stream.status === status) return stream;
    stream.close();
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no stream answered ${status}`);
}

describe('callbacks behind a proxy, and what the logs keep', () => {
  it('checks the allow-list against the address the proxy saw, not the one the client wrote', async () => {
    const url = `${tight.bffUrl}/callbacks/transfers/${TRANSFERS_TOKEN}`;
    const post = (xff: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': xff },
        body: new URLSearchParams({ transfer_id: '77001', status: 'done', date: '1596014146' }).toString(),
      });
    expect((await post('10.1.1.1, 10.9.9.9')).status).toBe(403);
    expect((await post('10.9.9.9, 10.1.1.1')).status).toBe(200);
  });

  it('has no bank-gateway route without a checksum key or header', async () => {
    const reply = await fetch(`${tight.bffUrl}/callbacks/gateway?mdOrder=m1&operation=deposited&status=1`);
    expect(reply.status).toBe(404);
    expect(await tight.store.driver.all('SELECT id FROM inbox WHERE provider = ?', ['gateway'])).toEqual([]);
  });

  it('never writes the secret path tokens to the log', async () => {
    await fetch(`${stack.bffUrl}/callbacks/esp/${ESP_TOKEN}`, { method: 'POST', body: '{}' });
    await fetch(`${stack.bffUrl}/callbacks/transfers/${TRANSFERS_TOKEN}`, { method: 'POST', body: 'x=1' });
    await fetch(`${stack.bffUrl}/callbacks/transfers/a-guess-at-the-token`, { method: 'POST', body: 'x=1' });
    const lines = stack.logs.filter(
      (l) => l.includes('/callbacks/esp') || l.includes('/callbacks/transfers'),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines)
      expect(JSON.parse(line).path).toMatch(/^\/callbacks\/(esp|transfers)\/\[redacted\]$/);
    const logs = stack.logs.join('\n');
    for (const secret of [ESP_TOKEN, TRANSFERS_TOKEN, 'a-guess-at-the-token', DEFAULT_CREDENTIALS.secret]) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('bodies', () => {
  it('refuses a JSON body in a charset the BFF does not decode', async () => {
    const browser = browserAt(stack, '198.51.100.230');
    for (const type of ['application/json; charset=utf-16', 'application/json;charset="UTF-16LE"']) {
      const reply = await browser.client.request(
        'POST',
        '/api/wallets',
        Buffer.from('{}', 'utf16le').toString(),
        {
          'content-type': type,
          'x-forwarded-for': '198.51.100.230',
        },
      );
      expect(reply.status, type).toBe(415);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    }
    const utf8 = await browser.client.request('POST', '/api/wallets', '{}', {
      'content-type': 'application/json; charset=UTF-8',
      'x-forwarded-for': '198.51.100.230',
    });
    expect(utf8.status).toBe(400); // read, then refused for its (missing) fields
  });

  it('refuses oversized amounts on every money route with 400 naming the field', async () => {
    const owner = stack.client();
    const wallet = await onboardWallet(stack, owner);
    const operator = stack.client();
    await operator.post('/api/session/operator');
    const accountId = '16f90c5e-6bc3-11eb-9439-0242ac130002';
    const entry = (value: string, fee = '0.00') => ({
      accountId,
      amount: { value, currency: 'RUB' },
      platformFeeAmount: { value: fee, currency: 'RUB' },
    });
    const customer = { email: 'a@example.com', phone: '+79001234567' };
    const paid = await operator.post('/api/payments', { amount: '10.00', twoStep: true, customer });
    expect(paid.status).toBe(201);
    const card = { type: 'card_number', cardNumber: '4111111111111111' };
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const huge of ['92233720368547758.08', '9'.repeat(25)]) {
      const cases: Array<[HttpClient, string, unknown, string]> = [
        [owner, `/api/wallets/${wallet}/payouts`, { amount: huge, destination: card }, 'amount'],
        [owner, `/api/wallets/${wallet}/top-ups`, { amount: huge, cardId: uuid }, 'amount'],
        [operator, `/api/wallets/${wallet}/deposits`, { amount: huge }, 'amount'],
        [operator, `/api/wallets/${wallet}/withdrawals`, { amount: huge }, 'amount'],
        [operator, '/api/transit-payouts', { amount: huge, walletId: wallet, cardId: uuid }, 'amount'],
        [operator, '/api/payments', { amount: huge, routing: [entry(huge)], customer }, 'amount'],
        [
          operator,
          '/api/payments',
          { amount: '1.00', routing: [entry('1.00', huge)], customer },
          'routing.0.platformFeeAmount.value',
        ],
        [
          operator,
          '/api/payments/recurring',
          { amount: huge, cardId: uuid, routing: [entry(huge)] },
          'amount',
        ],
        [
          operator,
          `/api/payments/${paid.body.id}/complete`,
          { routing: [entry(huge)] },
          'routing.0.amount.value',
        ],
        [operator, `/api/payments/${paid.body.id}/refunds`, { amount: huge }, 'amount'],
      ];
      for (const [client, path, body, field] of cases) {
        const reply = await client.post(path, body);
        figures.requests++;
        if (reply.status >= 500) figures.fiveHundreds++;
        expect(reply.status, `${path} ${huge}`).toBe(400);
        expect(reply.body.error.code).toBe('VALIDATION_FAILED');
        expect(Object.keys(reply.body.error.fields), path).toContain(field);
      }
    }
  }, 20_000);
});
