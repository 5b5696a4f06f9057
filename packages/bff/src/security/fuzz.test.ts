import { createHash, createHmac, randomUUID } from 'node:crypto';
import { DEFAULT_CREDENTIALS, sandboxKyc } from '@mandarin-kit/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindCard, onboardWallet } from '../testkit/flows.js';
import type { HttpClient, Reply } from '../testkit/HttpClient.js';
import { openSse } from '../testkit/sse.js';
import { ESP_TOKEN, TRANSFERS_TOKEN } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

// What the probe of issue 16 found working, kept from regressing: fuzzed bodies never answer 5xx, nobody reaches
// another user's things, CSRF is required, forged callbacks store nothing, and no secret or PII leaks out.

const stack = stackSuite();
let alice: HttpClient;
let bob: HttpClient;
let operator: HttpClient;
const mine = { wallet: '', card: '', operation: '', payment: '' };
const seen: string[] = [];
const figures = { fuzzedRequests: 0, fuzzed5xx: 0, crossUserAttempts: 0, crossUserLeaks: 0, csrfRefused: 0 };
const leaks = { secrets: 0, pii: 0 };

beforeAll(async () => {
  alice = stack.client();
  bob = stack.client();
  operator = stack.client();
  await operator.post('/api/session/operator');
  mine.wallet = await onboardWallet(stack, alice, 50_000n);
  mine.card = await bindCard(stack, alice);
  const payout = await alice.post(`/api/wallets/${mine.wallet}/payouts`, {
    amount: '1.00',
    destination: { type: 'card_number', cardNumber: '4111111111111111' },
  });
  mine.operation = payout.body.id;
  const payment = await operator.post('/api/payments', {
    amount: '10.00',
    twoStep: true,
    customer: { email: 'a@example.com', phone: '+79001234567' },
  });
  mine.payment = payment.body.id;
});
afterAll(() => {
  console.log(`security figures (fuzz): ${JSON.stringify({ ...figures, leaks })}`);
});

const record = (reply: Reply) => {
  seen.push(reply.text);
  return reply;
};

/** Every JSON value, nested a little: what a hostile client could put in a body. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
/** Bodies shaped like the real ones, with hostile values where amounts, ids and names go. */
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('92233720368547758.08', '1e3', '-1', '0x10', '１２３', 'NaN', '__proto__', '9'.repeat(40)),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  anyJson,
);
const shapedBody = fc.record(
  {
    amount: hostile,
    destination: fc.oneof(
      hostile,
      fc.record({
        type: fc.constantFrom('card_number', 'bound_card', 'sbp'),
        cardNumber: hostile,
        cardId: hostile,
        phone: hostile,
        bankId: hostile,
      }),
    ),
    cardId: hostile,
    walletId: hostile,
    code: hostile,
    routing: fc.oneof(
      hostile,
      fc.array(
        fc.record({
          accountId: hostile,
          amount: fc.record({ value: hostile, currency: hostile }),
          platformFeeAmount: hostile,
        }),
        { maxLength: 3 },
      ),
    ),
    customer: fc.oneof(hostile, fc.record({ email: hostile, phone: hostile })),
    twoStep: hostile,
    token: hostile,
  },
  { requiredKeys: [] },
);

describe('fuzzed bodies never answer 5xx', () => {
  it('every state-changing route, shaped and shapeless bodies, as customer and operator', async () => {
    const routes: Array<[() => HttpClient, string]> = [
      [() => alice, '/api/wallets'],
      [() => alice, `/api/wallets/${mine.wallet}/otp/verify`],
      [() => alice, `/api/wallets/${mine.wallet}/payouts`],
      [() => alice, `/api/wallets/${mine.wallet}/top-ups`],
      [() => alice, '/api/cards'],
      [() => alice, `/api/operations/${mine.operation}/sbp/confirm`],
      [() => operator, `/api/wallets/${mine.wallet}/deposits`],
      [() => operator, `/api/wallets/${mine.wallet}/withdrawals`],
      [() => operator, '/api/transit-payouts'],
      [() => operator, '/api/payments'],
      [() => operator, '/api/payments/recurring'],
      [() => operator, `/api/payments/${mine.payment}/complete`],
      [() => operator, `/api/payments/${mine.payment}/refunds`],
      [() => operator, '/api/sub-merchants'],
    ];
    const bodies = fc.oneof(
      shapedBody.map((b) => JSON.stringify(b)),
      anyJson.map((b) => JSON.stringify(b)),
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=koi8-r',
    );
    for (const [client, path] of routes) {
      await fc.assert(
        fc.asyncProperty(bodies, contentType, async (body, type) => {
          const reply = await client().request('POST', path, body, {
            'content-type': type,
            'idempotency-key': randomUUID(),
          });
          figures.fuzzedRequests++;
          if (reply.status >= 500) figures.fuzzed5xx++;
          record(reply);
          expect(reply.status, `${path} ${type} ${body.slice(0, 80)}`).toBeLessThan(500);
          if (reply.status >= 400) {
            expect(reply.body?.error).toMatchObject({
              code: expect.any(String),
              requestId: expect.any(String),
            });
          }
        }),
        { numRuns: 150 },
      );
    }
    expect(figures.fuzzed5xx).toBe(0);
  }, 120_000);
});

/** A header value fetch can send: printable Latin-1, no line breaks. */
const headerValue = fc.string({ maxLength: 80 }).map((v) => v.replace(/[^\x20-\x7e]/g, ''));

describe('fuzzed paths, headers and callbacks never answer 5xx', () => {
  const fuzzed = (reply: Reply, what: string) => {
    figures.fuzzedRequests++;
    if (reply.status >= 500) figures.fuzzed5xx++;
    record(reply);
    expect(reply.status, what).toBeLessThan(500);
  };

  it('ids in paths and the headers the BFF reads', async () => {
    const templates = [
      '/api/wallets/{}',
      '/api/wallets/{}/balance',
      '/api/wallets/{}/operations',
      '/api/operations/{}',
      '/api/payments/{}',
      '/api/sbp/banks?bankName={}',
      '/api/payments?cursor={}',
      '/api/payments?orderId={}',
      '/api/payments?from={}',
      '/api/payments?status={}&limit=5',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...templates), fc.string({ maxLength: 60 }), async (template, id) => {
        const path = template.replace('{}', encodeURIComponent(id));
        fuzzed(await operator.get(path), path);
      }),
      { numRuns: 300 },
    );
    // The owner's own history: the query is parsed (a stranger would get 404 before it).
    const history = [`/api/wallets/${mine.wallet}/operations`, `/api/wallets/${mine.wallet}/operations.csv`];
    const params = ['cursor', 'limit', 'kind', 'status', 'from', 'to'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...history),
        fc.constantFrom(...params),
        fc.string({ maxLength: 60 }),
        async (base, name, value) => {
          const path = `${base}?${name}=${encodeURIComponent(value)}`;
          fuzzed(await alice.get(path), path);
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(
        headerValue,
        headerValue,
        headerValue,
        headerValue,
        async (key, requestId, lastId, type) => {
          const headers = {
            'idempotency-key': key,
            'x-request-id': requestId,
            'content-type': type || 'x/y',
          };
          fuzzed(
            await alice.request('POST', `/api/wallets/${mine.wallet}/payouts`, '{"amount":"1.00"}', headers),
            key,
          );
          fuzzed(await alice.get('/api/me', { 'last-event-id': lastId, 'x-forwarded-for': lastId }), lastId);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('bodies, queries and headers sent to every callback route', async () => {
    const paths = [
      '/callbacks/mandarin',
      '/callbacks/gateway',
      '/callbacks/widget/check',
      '/callbacks/widget/pay',
      '/callbacks/processing',
      `/callbacks/transfers/${TRANSFERS_TOKEN}`,
      `/callbacks/esp/${ESP_TOKEN}`,
    ];
    const fields = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }), { maxKeys: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('GET', 'POST'),
        fields,
        fc.oneof(
          fields.map((f) => new URLSearchParams(f).toString()),
          anyJson.map((j) => JSON.stringify(j)),
        ),
        headerValue,
        async (path, method, query, body, signature) => {
          const url = `${stack.bffUrl}${path}?${new URLSearchParams(query)}`;
          const response = await fetch(url, {
            method,
            headers: {
              'content-type': body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded',
              'content-hmac': signature,
              'x-processing-signature': signature,
              'x-processing-timestamp': String(Date.now()),
              'x-processing-key': stack.emulator.options.providers.processingPublicKey,
            },
            body: method === 'GET' ? undefined : body,
          });
          const text = await response.text();
          fuzzed(
            { status: response.status, body: undefined, headers: response.headers, text },
            `${method} ${path}`,
          );
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});

describe('ownership, CSRF', () => {
  it('another customer reaches none of a customer’s wallets, operations, cards or payments', async () => {
    const attempts: Array<() => Promise<Reply>> = [
      () => bob.get(`/api/wallets/${mine.wallet}`),
      () => bob.get(`/api/wallets/${mine.wallet}/balance`),
      () => bob.get(`/api/wallets/${mine.wallet}/operations`),
      () => bob.post(`/api/wallets/${mine.wallet}/otp/send`),
      () =>
        bob.post(`/api/wallets/${mine.wallet}/payouts`, {
          amount: '1.00',
          destination: { type: 'card_number', cardNumber: '4111111111111111' },
        }),
      () => bob.get(`/api/operations/${mine.operation}`),
      () => bob.post(`/api/operations/${mine.operation}/sbp/confirm`),
      () => bob.request('DELETE', `/api/cards/${mine.card}`),
      () => bob.get(`/api/payments/${mine.payment}`),
      () => bob.post(`/api/payments/${mine.payment}/refunds`, { amount: '1.00' }),
    ];
    for (const attempt of attempts) {
      const reply = record(await attempt());
      figures.crossUserAttempts++;
      if (reply.status < 400 || reply.text.includes(mine.wallet) || reply.text.includes(mine.card)) {
        figures.crossUserLeaks++;
      }
      expect([403, 404]).toContain(reply.status);
    }
    expect((await bob.get('/api/wallets')).body.wallets).toEqual([]);
    expect(figures.crossUserLeaks).toBe(0);
  });

  it('refuses every state-changing call without X-CSRF: 1', async () => {
    const paths = [
      '/api/wallets',
      `/api/wallets/${mine.wallet}/otp/send`,
      `/api/wallets/${mine.wallet}/payouts`,
      '/api/cards',
      '/api/session/operator',
      '/api/payments',
    ];
    for (const path of paths) {
      for (const csrf of ['', '0', 'true']) {
        const reply = await alice.request('POST', path, '{}', {
          'x-csrf': csrf,
          'content-type': 'application/json',
        });
        expect(reply.status).toBe(403);
        expect(reply.body.error.code).toBe('CSRF_REQUIRED');
        figures.csrfRefused++;
      }
    }
    const signOut = await alice.request('DELETE', '/api/session', undefined, { 'x-csrf': '' });
    expect(signOut.status).toBe(403);
  });
});

// Written from SPEC.md, independently of the code under test.
function mandarinSign(fields: Record<string, string>, secret: string): string {
  const keys = Object.keys(fields).filter((k) => k !== 'sign');
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(`${keys.map((k) => fields[k]).join('-')}-${secret}`)
    .digest('hex');
}
function gatewayChecksum(params: Record<string, string>, key: string): string {
  const base = Object.keys(params)
    .filter((k) => k !== 'checksum' && k !== 'sign_alias')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k};${params[k]};`)
    .join('');
  return createHmac('sha256', key).update(base).digest('hex').toUpperCase();
}

const inboxSize = async () => Number((await stack.store.driver.all('SELECT COUNT(*) AS n FROM inbox'))[0]!.n);

describe('callbacks', () => {
  it('refuses every forged callback and stores nothing', async () => {
    const before = await inboxSize();
    const url = (path: string) => `${stack.bffUrl}/callbacks${path}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const fields = { orderId: 'o-1', transaction: 't-forged', status: 'success', price: '10.00' };
    const forged: Array<[string, RequestInit]> = [
      [
        '/mandarin',
        {
          method: 'POST',
          headers: form,
          body: new URLSearchParams({ ...fields, sign: mandarinSign(fields, 'guess') }).toString(),
        },
      ],
      ['/mandarin', { method: 'POST', headers: form, body: new URLSearchParams(fields).toString() }],
      [`/mandarin?${new URLSearchParams({ ...fields, sign: '0'.repeat(64) })}`, { method: 'GET' }],
      [
        `/gateway?${new URLSearchParams({ mdOrder: 'm-1', operation: 'deposited', status: '1', checksum: 'AB' })}`,
        { method: 'GET' },
      ],
      [
        '/widget/pay',
        {
          method: 'POST',
          headers: { ...form, 'x-forwarded-for': '130.193.70.192', 'content-hmac': 'AAAA' },
          body: 'TransactionId=1&Amount=1.00',
        },
      ],
      [
        '/processing',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-processing-key': 'k',
            'x-processing-timestamp': String(Date.now()),
            'x-processing-signature': 'AAAA',
          },
          body: '{"type":"payin","id":"1","status":"ok"}',
        },
      ],
      ['/transfers/not-the-token', { method: 'POST', headers: form, body: 'transfer_id=1&status=done' }],
      ['/esp/not-the-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ];
    for (const [path, init] of forged) {
      const reply = await fetch(url(path), init);
      expect([400, 401, 403], path).toContain(reply.status);
    }
    expect(await inboxSize()).toBe(before);
  });

  it('refuses a Mandarin GET callback that repeats a key, as the POST form does', async () => {
    const fields = { orderId: 'o-2', transaction: 't-repeat', status: 'failed', price: '10.00' };
    const signed = new URLSearchParams({ ...fields, sign: mandarinSign(fields, DEFAULT_CREDENTIALS.secret) });
    const repeated = `${signed}&status=success`;
    const before = await inboxSize();
    expect((await fetch(`${stack.bffUrl}/callbacks/mandarin?${repeated}`)).status).toBe(400);
    const post = await fetch(`${stack.bffUrl}/callbacks/mandarin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: repeated,
    });
    expect(post.status).toBe(400);
    expect(await inboxSize()).toBe(before);
  });

  it('accepts a gateway callback carrying sign_alias, which its checksum does not cover', async () => {
    const key = stack.emulator.options.providers.gatewaySecret;
    const params = {
      mdOrder: 'md-alias',
      operation: 'deposited',
      orderNumber: '42',
      status: '1',
      sign_alias: 'SHA-256',
    };
    const query = new URLSearchParams({ ...params, checksum: gatewayChecksum(params, key) });
    expect((await fetch(`${stack.bffUrl}/callbacks/gateway?${query}`)).status).toBe(200);
    const tampered = new URLSearchParams({ ...params, status: '0', checksum: gatewayChecksum(params, key) });
    expect((await fetch(`${stack.bffUrl}/callbacks/gateway?${tampered}`)).status).toBe(401);
  });
});

describe('leaks', () => {
  it('finds no secret or PII in any response, SSE event or log line', async () => {
    const stream = await openSse(stack.bffUrl, { cookie: alice.cookieHeader });
    record(await alice.post('/api/wallets', sandboxKyc()));
    record(
      await alice.post(`/api/wallets/${mine.wallet}/payouts`, {
        amount: '1.00',
        destination: { type: 'card_number', cardNumber: '4111111111111111' },
      }),
    );
    await stream.waitFor((events) => events.some((e) => e.type === 'transaction.status'), 10_000);
    stream.close();
    seen.push(JSON.stringify(stream.events));
    const secrets = [
      DEFAULT_CREDENTIALS.clientSecret,
      DEFAULT_CREDENTIALS.secret,
      stack.emulator.options.providers.gatewaySecret,
      stack.emulator.options.providers.widgetSecret,
      stack.emulator.options.providers.processingSecret,
      'test-session-secret',
      ESP_TOKEN,
      TRANSFERS_TOKEN,
      'Bearer ',
    ];
    const pii = [
      '500100732259',
      '11223344595',
      '112-233-445 95',
      '79017636353',
      '4111111111111111',
      'Petrovka',
      'ivanoff@mail.ru',
      'Fili Davydkovo',
    ];
    const places = { responses: seen.join('\n'), logs: stack.logs.join('\n') };
    for (const text of Object.values(places)) {
      for (const needle of secrets) if (text.includes(needle)) leaks.secrets++;
      for (const needle of pii) {
        const pattern = /^\d+$/.test(needle)
          ? new RegExp(`(?<![0-9a-f])${needle}(?![0-9a-f])`, 'i')
          : new RegExp(needle);
        if (pattern.test(text)) leaks.pii++;
      }
    }
    expect(seen.length).toBeGreaterThan(500);
    expect(leaks).toEqual({ secrets: 0, pii: 0 });
  }, 20_000);
});
