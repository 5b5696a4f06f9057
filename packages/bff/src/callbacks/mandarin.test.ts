import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { onboardWallet, waitFor } from '../testkit/flows.js';
import { openSse } from '../testkit/sse.js';
import { startStack } from '../testkit/startStack.js';
import { walletSuite } from '../testkit/suites.js';
import { mandarinAdapter } from './adapters/mandarin.js';

// Written from SPEC.md, independently of the code under test: every field but `sign`, keys in code-unit
// order, values joined with '-', then '-' + secret, sha256, lowercase hex.
function signFields(fields: Record<string, string>, secret: string): string {
  const keys = Object.keys(fields).filter((k) => k !== 'sign');
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const base = `${keys.map((k) => fields[k]).join('-')}-${secret}`;
  return createHash('sha256').update(base).digest('hex');
}

const request = (fields: Record<string, string>) => ({
  method: 'POST',
  url: '/callbacks/mandarin',
  params: {},
  query: {},
  headers: {},
  rawBody: Buffer.from(new URLSearchParams(fields).toString()),
  sourceIp: '127.0.0.1',
  now: Date.now(),
});

describe('Mandarin sign', () => {
  it("accepts SPEC.md's vector and refuses one changed character", () => {
    const fields = {
      customer_email: 'user@example.com',
      merchantId: '1',
      orderId: '123',
      price: '123.00',
      transaction: 't1',
      status: 'success',
    };
    const vector = { customer_email: 'user@example.com', merchantId: '1', orderId: '123', price: '123.00' };
    expect(signFields(vector, '123')).toBe(
      '61d7d36e47e7750591a29eaa770634618de7c1645800bc012ef87998ecba7b7e',
    );
    const adapter = mandarinAdapter('123');
    expect(adapter.accept(request({ ...fields, sign: signFields(fields, '123') })).ack).toEqual({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: 'OK',
    });
    expect(() =>
      adapter.accept(request({ ...fields, price: '123.01', sign: signFields(fields, '123') })),
    ).toThrow(/Bad sign/);
  });

  it('sorts keys by code unit, not by locale: Z before a', () => {
    const fields = { a: '1', Z: '2', transaction: 't', status: 'failed' };
    expect(() =>
      mandarinAdapter('s').accept(request({ ...fields, sign: signFields(fields, 's') })),
    ).not.toThrow();
  });
});

const { stack, owner, wallet } = walletSuite(100_000n);
const secret = 'emulator-merchant-secret';

async function post(body: string, contentType = 'application/x-www-form-urlencoded') {
  const response = await fetch(`${stack.bffUrl}/callbacks/mandarin`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe('Mandarin callbacks through the relay', () => {
  it('relays a payout finishing to its owner over SSE, and to nobody else', async () => {
    const me = await owner.get('/api/me');
    const cookie = owner.cookieHeader;
    const mine = await openSse(stack.bffUrl, { cookie });
    const stranger = stack.client();
    await stranger.get('/api/me');
    const theirs = await openSse(stack.bffUrl, { cookie: stranger.cookieHeader });
    const payout = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '5.00',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    const events = await mine.waitFor((es) => es.some((e) => (e.data as any).operationId === payout.body.id));
    const event = events.find((e) => (e.data as any).operationId === payout.body.id)!;
    expect(event).toMatchObject({
      type: 'transaction.status',
      data: { kind: 'operation', status: 'success', walletId: wallet.id },
    });
    expect(me.status).toBe(200);
    // The stranger's own wallet opening comes later in the feed's commit order, so once its event has
    // arrived on their stream, the payout's would have arrived before it.
    await onboardWallet(stack, stranger);
    await theirs.waitFor((es) => es.some((e) => e.type === 'esp.status'));
    expect(theirs.events.filter((e) => (e.data as any).operationId === payout.body.id)).toEqual([]);
    mine.close();
    theirs.close();
    expect((await owner.get(`/api/operations/${payout.body.id}`)).body.status).toBe('success');
  });

  it('stores a callback once: a repeat gets the same reply and no second event', async () => {
    const payout = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '1.00',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    await waitFor(
      () => owner.get(`/api/operations/${payout.body.id}`),
      (r) => r.body.status === 'success',
    );
    const op = await stack.store.operations.get(payout.body.id);
    const fields = {
      orderId: op!.orderId,
      transaction: op!.transactionId!,
      status: 'success',
      object_type: 'transaction',
      price: '1.00',
    };
    const body = new URLSearchParams({ ...fields, sign: signFields(fields, secret) }).toString();
    const before = await stack.store.events.lastSeq();
    const first = await post(body);
    const again = await post(body);
    expect(first).toEqual({ status: 200, text: 'OK' });
    expect(again).toEqual(first);
    expect(await stack.store.events.lastSeq()).toBe(before);
  });

  it('refuses a bad signature with 401 and a malformed body with 400, storing nothing', async () => {
    const inbox = await stack.store.inbox.count();
    const fields = { orderId: 'x', transaction: 'abc', status: 'success' };
    expect(
      (await post(new URLSearchParams({ ...fields, sign: signFields(fields, 'wrong') }).toString())).status,
    ).toBe(401);
    expect((await post(new URLSearchParams(fields).toString())).status).toBe(401);
    const noSubject = { status: 'success', merchantId: '777' };
    expect(
      (await post(new URLSearchParams({ ...noSubject, sign: signFields(noSubject, secret) }).toString()))
        .status,
    ).toBe(400);
    expect((await post('a=1&a=2')).status).toBe(400);
    expect(await stack.store.inbox.count()).toBe(inbox);
  });

  it('accepts the fields in the query string, and routes an unknown transaction to the operator stream', async () => {
    const fields = { orderId: 'not-ours', transaction: 'feedfacefeedfacefeedfacefeedface', status: 'failed' };
    const query = new URLSearchParams({ ...fields, sign: signFields(fields, secret) }).toString();
    const response = await fetch(`${stack.bffUrl}/callbacks/mandarin?${query}`);
    expect(response.status).toBe(200);
    const last = await stack.store.events.get(await stack.store.events.lastSeq());
    expect(last).toMatchObject({
      audience: 'operator',
      ownerId: null,
      envelope: { type: 'transaction.status' },
    });
  });

  it('answers 503 when the store fails, so that Mandarin retries', async () => {
    const broken = await startStack();
    try {
      await broken.store.driver.run('DROP TABLE inbox');
      const fields = { orderId: 'o', transaction: 't', status: 'success' };
      const response = await fetch(`${broken.bffUrl}/callbacks/mandarin`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, sign: signFields(fields, secret) }).toString(),
      });
      expect(response.status).toBe(503);
    } finally {
      await broken.close();
    }
  });
});
