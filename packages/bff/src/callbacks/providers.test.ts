import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideOnHostedPage } from '../testkit/flows.js';
import type { HttpClient } from '../testkit/HttpClient.js';
import { openSse, type SseConnection } from '../testkit/sse.js';
import { TRANSFERS_TOKEN } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

const stack = stackSuite();
let operator: HttpClient;
let live: SseConnection;

beforeAll(async () => {
  operator = stack.client();
  await operator.post('/api/session/operator');
  live = await openSse(stack.bffUrl, { cookie: operator.cookieHeader });
});
afterAll(() => live.close());

/** Has the emulator send a provider's callback to the BFF and waits until it has a final answer. */
async function send(provider: string, body: Record<string, unknown>) {
  const sent = await stack.admin(`/send/${provider}`, { body: { maxAttempts: 1, ...body } });
  expect(sent.status).toBe(202);
  for (let i = 0; i < 300; i++) {
    const { body: delivery } = await stack.admin(`/callbacks/${sent.body.id}`);
    if (delivery.state !== 'pending' && delivery.attempts.length > 0) return delivery;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('delivery did not finish');
}

const eventsOf = (type: string) => live.events.filter((e) => e.type === type);
const refOf = (event: { data: unknown }) => (event.data as { reference?: string }).reference;

describe('the other providers’ callbacks, sent by the emulator', () => {
  it('transfer statuses: acked with 2xx, deduped on (transfer_id, status), refused without the path token', async () => {
    const url = `${stack.bffUrl}/callbacks/transfers/${TRANSFERS_TOKEN}`;
    const payload = { transfer_id: '239441503', status: 'done', date: '1596014146' };
    const first = await send('transfers', { url, payload });
    expect(first.attempts[0].status).toBe(200);
    const again = await send('transfers', { url, payload });
    expect(again.attempts[0].status).toBe(200);
    // Events reach the stream in commit order: once a later transfer's event is here, a second event for the
    // repeat would have come before it.
    await send('transfers', { url, payload: { ...payload, transfer_id: '239441504' } });
    await live.waitFor(() => eventsOf('transfer.status').some((e) => refOf(e) === '239441504'));
    expect(eventsOf('transfer.status').filter((e) => refOf(e) === '239441503')).toHaveLength(1);
    expect(eventsOf('transfer.status')[0]!.data).toMatchObject({
      provider: 'transfers',
      reference: '239441503',
      status: 'done',
    });
    const wrong = await send('transfers', { url: `${stack.bffUrl}/callbacks/transfers/guess`, payload });
    expect(wrong.attempts[0].status).toBe(401);
  });

  it('bank gateway: GET and POST with a checksum; a bad checksum is refused', async () => {
    const url = `${stack.bffUrl}/callbacks/gateway`;
    const get = await send('gateway', {
      url,
      method: 'GET',
      payload: { mdOrder: 'md-1', orderNumber: '0987', operation: 'deposited', status: '1' },
    });
    expect(get.attempts[0].status).toBe(200);
    const post = await send('gateway', {
      url,
      method: 'POST',
      payload: { mdOrder: 'md-2', orderNumber: '0988', operation: 'refunded', status: '1' },
    });
    expect(post.attempts[0].status).toBe(200);
    const bad = await send('gateway', {
      url,
      badSignature: true,
      payload: { mdOrder: 'md-3', operation: 'deposited', status: '1' },
    });
    expect(bad.attempts[0].status).toBe(401);
    // A later accepted callback's event comes after any the forged one had made.
    const later = await send('gateway', {
      url,
      payload: { mdOrder: 'md-4', orderNumber: '0989', operation: 'deposited', status: '1' },
    });
    expect(later.attempts[0].status).toBe(200);
    await live.waitFor(() => eventsOf('gateway.operation').some((e) => refOf(e) === 'md-4'));
    expect(eventsOf('gateway.operation').map(refOf)).toEqual(['md-1', 'md-2', 'md-4']);
  });

  it('gateway checksum matches an independent HMAC-SHA256 over name;value; pairs', async () => {
    const params = { mdOrder: 'md-9', operation: 'deposited', orderNumber: '1', status: '1' };
    const base = Object.keys(params)
      .sort()
      .map((k) => `${k};${params[k as keyof typeof params]};`)
      .join('');
    const checksum = createHmac('sha256', 'emulator-gateway-secret').update(base).digest('hex').toUpperCase();
    const query = new URLSearchParams({ ...params, checksum }).toString();
    expect((await fetch(`${stack.bffUrl}/callbacks/gateway?${query}`)).status).toBe(200);
    const tampered = new URLSearchParams({ ...params, status: '0', checksum }).toString();
    expect((await fetch(`${stack.bffUrl}/callbacks/gateway?${tampered}`)).status).toBe(401);
  });

  it('widget: check asks for the decision, pay is acked with {"code":0}', async () => {
    const payment = await operator.post('/api/payments', {
      amount: '250.00',
      customer: { email: 'b@example.com', phone: '+79001234567' },
      routing: [
        {
          accountId: '16f90c5e-6bc3-11eb-9439-0242ac130002',
          amount: { value: '250.00', currency: 'RUB' },
          platformFeeAmount: { value: '0.00', currency: 'RUB' },
        },
      ],
    });
    const orderId = (await stack.store.payments.get(payment.body.id))!.orderId;
    const url = (type: string) => `${stack.bffUrl}/callbacks/widget/${type}`;
    const check = (payload: Record<string, string>) =>
      send('widget', { url: url('check'), type: 'check', payload });
    expect((await check({ InvoiceId: orderId, Amount: '250.00', TransactionId: '101' })).decisionCode).toBe(
      0,
    );
    expect((await check({ InvoiceId: orderId, Amount: '249.99', TransactionId: '102' })).decisionCode).toBe(
      11,
    );
    expect(
      (await check({ InvoiceId: 'unknown-order', Amount: '250.00', TransactionId: '103' })).decisionCode,
    ).toBe(10);
    const pay = await send('widget', {
      url: url('pay'),
      type: 'pay',
      payload: { InvoiceId: orderId, TransactionId: '104' },
    });
    expect(pay.attempts[0]).toMatchObject({ status: 200, body: '{"code":0}' });
    const forged = await send('widget', {
      url: url('pay'),
      type: 'pay',
      badSignature: true,
      payload: { TransactionId: '105' },
    });
    expect(forged.attempts[0].status).toBe(401);
    await decideOnHostedPage(payment.body.payUrl, 'pay');
  });

  it('widget: refuses a notification that does not come from the provider’s address', async () => {
    const body = 'TransactionId=1&Amount=1.00';
    const hmac = createHmac('sha256', 'emulator-widget-secret').update(body).digest('base64');
    const response = await fetch(`${stack.bffUrl}/callbacks/widget/pay`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-hmac': hmac,
        'x-forwarded-for': '10.1.2.3',
      },
      body,
    });
    expect(response.status).toBe(403);
  });

  it('signed JSON processing: fresh and signed is acked, the same reply for a repeat, stale refused', async () => {
    const url = `${stack.bffUrl}/callbacks/processing`;
    const payload = { type: 'payout', id: 'p-1', status: 'completed' };
    const first = await send('processing', { url, payload });
    expect(first.attempts[0]).toMatchObject({ status: 200, body: 'OK' });
    const repeat = await send('processing', { url, payload });
    expect(repeat.attempts[0]).toMatchObject({ status: 200, body: 'OK' });
    const stale = await send('processing', {
      url,
      payload: { ...payload, id: 'p-2' },
      timestampOffsetMs: -60_000,
    });
    expect(stale.attempts[0].status).toBe(401);
    const forged = await send('processing', { url, payload: { ...payload, id: 'p-3' }, badSignature: true });
    expect(forged.attempts[0].status).toBe(401);
    // A later accepted callback's event comes after any the repeat, the stale or the forged one had made.
    expect((await send('processing', { url, payload: { ...payload, id: 'p-4' } })).attempts[0].status).toBe(
      200,
    );
    await live.waitFor(() => eventsOf('processing.status').some((e) => refOf(e) === 'p-4'));
    expect(eventsOf('processing.status').map(refOf)).toEqual(['p-1', 'p-4']);
  });

  it('processing signature matches an independent HMAC-SHA512 over timestamp, window, method, path and body', async () => {
    const body = JSON.stringify({ type: 'refund', id: 'r-77', status: 'done' });
    const timestamp = String(Date.now());
    const data = `${timestamp}5000POST/callbacks/processing?src=test${body}`;
    const key = Buffer.from(Buffer.from('emulator-processing-secret').toString('base64'), 'base64');
    const signature = createHmac('sha512', key).update(data).digest('base64');
    const headers = {
      'content-type': 'application/json',
      'x-processing-key': 'emulator-processing-key',
      'x-processing-timestamp': timestamp,
      'x-processing-recvwindow': '5000',
      'x-processing-signature': signature,
    };
    const url = `${stack.bffUrl}/callbacks/processing?src=test`;
    expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(200);
    const otherPath = `${stack.bffUrl}/callbacks/processing?src=other`;
    expect((await fetch(otherPath, { method: 'POST', headers, body })).status).toBe(401);
    const wrongKey = { ...headers, 'x-processing-key': 'old-key' };
    expect((await fetch(url, { method: 'POST', headers: wrongKey, body })).status).toBe(401);
  });

  it('widget Content-HMAC matches an independent base64 HMAC-SHA256 of the raw body', async () => {
    const body = new URLSearchParams({
      TransactionId: '900',
      Amount: '10.00',
      Currency: 'RUB',
      DateTime: '2026-11-23 10:00:00',
      CardFirstSix: '411111',
      CardLastFour: '1111',
      CardType: 'Visa',
      CardExpDate: '12/30',
      TestMode: '1',
      Reason: 'Insufficient funds',
      ReasonCode: '5051',
    }).toString();
    const hmac = createHmac('sha256', 'emulator-widget-secret').update(body).digest('base64');
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': '130.193.70.192',
    };
    const ok = await fetch(`${stack.bffUrl}/callbacks/widget/fail`, {
      method: 'POST',
      headers: { ...headers, 'content-hmac': hmac },
      body,
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('{"code":0}');
    const tampered = body.replace('10.00', '1000.00');
    const bad = await fetch(`${stack.bffUrl}/callbacks/widget/fail`, {
      method: 'POST',
      headers: { ...headers, 'content-hmac': hmac },
      body: tampered,
    });
    expect(bad.status).toBe(401);
  });
});
