import { createHash, timingSafeEqual } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { activeEsp, CREDS, call, emulatorSuite, getToken, waitUntil } from '../fixtures/harness.js';

/**
 * An independent verifier of Mandarin's `sign`, written from SPEC.md: every field but sign, keys in
 * code-unit order, values joined by '-', '-' + secret, sha256 hex, constant-time comparison.
 */
function verifySign(rawBody: string, secret: string): boolean {
  const fields = new URLSearchParams(rawBody);
  const keys = [...new Set(fields.keys())]
    .filter((k) => k !== 'sign')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const base = `${keys.map((k) => fields.get(k)).join('-')}-${secret}`;
  const expected = Buffer.from(createHash('sha256').update(base).digest('hex'));
  const got = Buffer.from(fields.get('sign') ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

describe('Mandarin transaction callbacks', () => {
  const { emu, receiver, restartEmulator } = emulatorSuite({
    emulator: (url) => ({ callbackUrl: `${url}/default` }),
  });
  let token: string;
  let esp: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
    esp = await activeEsp(emu.url, token);
  });

  const deposit = (orderId: string, extra: Record<string, unknown> = {}) =>
    call<{ id: string }>(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'payout', orderId, price: '10.00', orderActualTill: '2030-02-20 12:34:56+00:00' },
        target: { paymentToken: esp },
        customerInfo: { email: 'user@example.com', phone: '+79001234567' },
        ...extra,
      },
    });

  it('is a signed form POST with the SPEC fields, customValues as cs2.. and metadata keys', async () => {
    const created = await deposit('cb-1', {
      customValues: [
        { name: 'first', value: 'p1' },
        { name: 'second', value: 'p2' },
      ],
      metadata: { first_parameter_to_callback_and_not_to_show: 'm1', Zed: 'z' },
      urls: { callback: `${receiver.url}/per-transaction`, return: 'http://shop.test/back' },
    });
    expect(created.status).toBe(200);
    const request = await waitUntil(() => receiver.requests[0]);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/per-transaction');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(request.body));
    expect(fields).toMatchObject({
      merchantId: CREDS.merchantId,
      orderId: 'cb-1',
      email: 'user@example.com',
      orderActualTill: '2030-02-20 12:34:56+00:00',
      price: '10.00',
      action: 'payout',
      customer_email: 'user@example.com',
      customer_phone: '+79001234567',
      transaction: created.json.id,
      object_type: 'transaction',
      status: 'success',
      sandbox: 'true',
      cs2: 'p1',
      cs3: 'p2',
      first_parameter_to_callback_and_not_to_show: 'm1',
      Zed: 'z',
    });
    expect(Date.parse(fields.cb_processed_at!)).not.toBeNaN();
    expect(verifySign(request.body, CREDS.secret)).toBe(true);
    expect(verifySign(request.body, 'another-secret')).toBe(false);
    expect(verifySign(request.body.replace('price=10.00', 'price=11.00'), CREDS.secret)).toBe(false);
  });

  it('carries the reason of a failed transaction as a signed error field, and none on success', async () => {
    const fieldsOf = async (id: string) =>
      Object.fromEntries(
        new URLSearchParams(
          (await waitUntil(() => receiver.requests.find((r) => r.body.includes(`transaction=${id}`)))).body,
        ),
      );
    const paid = await deposit('cb-ok');
    expect(await fieldsOf(paid.json.id)).not.toHaveProperty('error');
    const broke = await call<{ id: string }>(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'payout', orderId: 'cb-broke', price: '1000000.00' },
        customerInfo: { email: 'user@example.com' },
        source: { paymentToken: esp },
        destination: { knownCardNumber: '2202202244861047' },
      },
    });
    const tooBig = await fieldsOf(broke.json.id);
    expect(tooBig).toMatchObject({ status: 'failed', error: expect.stringMatching(/per-operation limit/) });
    const short = await call<{ id: string }>(emu.url, '/api/transactions', {
      token,
      body: {
        payment: { action: 'payout', orderId: 'cb-short', price: '20.00' },
        customerInfo: { email: 'user@example.com' },
        source: { paymentToken: esp },
        destination: { knownCardNumber: '2202202244861047' },
      },
    });
    const request = await waitUntil(() => receiver.requests.find((r) => r.body.includes(short.json.id)));
    expect(Object.fromEntries(new URLSearchParams(request.body))).toMatchObject({
      status: 'failed',
      error: 'Insufficient funds',
    });
    expect(verifySign(request.body, CREDS.secret)).toBe(true);
    expect(verifySign(request.body.replace('Insufficient', 'Sufficient'), CREDS.secret)).toBe(false);
  });

  it('matches the SPEC.md signature vector through the same independent verifier', () => {
    const body = 'customer_email=user%40example.com&merchantId=1&orderId=123&price=123.00';
    const sign = createHash('sha256').update('user@example.com-1-123-123.00-123').digest('hex');
    expect(sign).toBe('61d7d36e47e7750591a29eaa770634618de7c1645800bc012ef87998ecba7b7e');
    expect(verifySign(`${body}&sign=${sign}`, '123')).toBe(true);
  });

  it('retries until the receiver answers 200 with OK', async () => {
    receiver.reply = (_, i) =>
      [
        { status: 500, body: 'boom' },
        { status: 200, body: 'not ok' },
        { status: 201, body: 'OK' },
      ][i] ?? { status: 200, body: 'OK' };
    const created = await deposit('cb-retry');
    const delivery = await waitUntil(async () => {
      const list = (
        await call<{
          callbacks: Array<{ state: string; attempts: Array<{ status: number; body: string }> }>;
        }>(emu.url, `/__emulator/callbacks?channel=mandarin&subject=${created.json.id}`)
      ).json.callbacks;
      return list[0]?.state === 'delivered' ? list[0] : undefined;
    });
    expect(delivery.attempts.map((a) => [a.status, a.body])).toEqual([
      [500, 'boom'],
      [200, 'not ok'],
      [201, 'OK'],
      [200, 'OK'],
    ]);
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
  });

  it('gives up after the configured number of attempts', async () => {
    await restartEmulator({
      callbackUrl: `${receiver.url}/default`,
      callbackRetry: { intervalsSeconds: [1], maxAttempts: 3 },
    });
    token = await getToken(emu.url);
    esp = await activeEsp(emu.url, token);
    receiver.reply = () => ({ status: 503, body: '' });
    const created = await deposit('cb-give-up');
    const delivery = await waitUntil(async () => {
      const [d] = (
        await call<{ callbacks: Array<{ state: string; attempts: unknown[] }> }>(
          emu.url,
          `/__emulator/callbacks?subject=${created.json.id}`,
        )
      ).json.callbacks;
      return d?.state === 'failed' ? d : undefined;
    });
    expect(delivery.attempts).toHaveLength(3);
  });

  it('re-sends callbacks of finished transactions through notifications/bulk', async () => {
    const created = await deposit('cb-bulk');
    await waitUntil(() => receiver.requests[0]);
    const denied = await call(emu.url, '/api/notifications/bulk', {
      token: await getToken(emu.url, 'transactions.write'),
      body: { ids: [created.json.id] },
    });
    expect(denied.status).toBe(403);
    const res = await call(emu.url, '/api/notifications/bulk', {
      token,
      body: { ids: [created.json.id, 'unknown'] },
    });
    expect(res.json).toEqual({ sent: [created.json.id], notFound: ['unknown'] });
    await waitUntil(() => receiver.requests[1]);
    expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);
  });

  it('duplicates a callback on request (fault)', async () => {
    await call(emu.url, '/__emulator/faults', {
      body: { route: 'mandarin', kind: 'duplicate-callback', count: 1 },
    });
    const created = await deposit('cb-dup');
    await waitUntil(() => receiver.requests.length >= 2);
    expect(receiver.requests[0]!.body).toBe(receiver.requests[1]!.body);
    expect(new URLSearchParams(receiver.requests[0]!.body).get('transaction')).toBe(created.json.id);
    expect((await call<{ faults: unknown[] }>(emu.url, '/__emulator/faults')).json.faults).toEqual([]);
  });

  it('delivers callbacks out of order on request (fault)', async () => {
    await call(emu.url, '/__emulator/faults', {
      body: { route: '*', kind: 'out-of-order-callbacks', count: 2 },
    });
    const first = await deposit('ooo-1');
    await waitUntil(
      async () =>
        (await call(emu.url, `/__emulator/transactions/${first.json.id}`)).json.status === 'success',
    );
    const second = await deposit('ooo-2');
    await waitUntil(() => receiver.requests.length >= 2);
    const order = receiver.requests.map((r) => new URLSearchParams(r.body).get('transaction'));
    expect(order).toEqual([second.json.id, first.json.id]);
  });
});
