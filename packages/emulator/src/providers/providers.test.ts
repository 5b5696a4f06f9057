import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, emulatorSuite, type Received, waitUntil } from '../fixtures/harness.js';
import { processingRetryDelay } from './processing.js';

const SECRETS = {
  gatewaySecret: 'gw-secret',
  widgetSecret: 'widget-secret',
  processingPublicKey: 'pk_test_1',
  processingSecret: Buffer.from('processing-secret-bytes').toString('base64'),
};

interface DeliveryJson {
  id: string;
  state: string;
  decisionCode?: number | null;
  attempts: Array<{ status: number | null; body: string }>;
}

const sameString = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

describe('other providers’ callback senders', () => {
  const { emu, receiver } = emulatorSuite({
    emulator: () => ({ providers: SECRETS }),
    reply: () => ({ status: 200, body: '' }),
  });

  const send = async (provider: string, body: Record<string, unknown>) => {
    const res = await call<DeliveryJson>(emu.url, `/__emulator/send/${provider}`, { body });
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    return res.json.id;
  };
  const finished = (id: string) =>
    waitUntil(async () => {
      const d = (await call<DeliveryJson>(emu.url, `/__emulator/callbacks/${id}`)).json;
      return d.state === 'pending' ? undefined : d;
    });

  it('transfers: unsigned form POST, retried on anything but 2xx (3xx included)', async () => {
    receiver.reply = (_, i) =>
      [
        { status: 302, body: '' },
        { status: 500, body: '' },
      ][i] ?? { status: 204, body: '' };
    const id = await send('transfers', {
      url: `${receiver.url}/cb/transfers/s3cret`,
      payload: { status: 'reserved' },
      intervalSeconds: 1,
    });
    const delivery = await finished(id);
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a) => a.status)).toEqual([302, 500, 204]);
    const request = receiver.requests[0]!;
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(request.body));
    expect(fields).toEqual({
      transfer_id: expect.stringMatching(/^\d+$/),
      status: 'reserved',
      date: expect.stringMatching(/^\d+$/),
    });
  });

  /** checksum as SPEC.md states it: HMAC-SHA256 over `name;value;` sorted by name, uppercase hex. */
  const gatewayChecksumOk = (params: URLSearchParams, secret: string) => {
    const names = [...params.keys()]
      .filter((n) => n !== 'checksum')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const data = names.map((n) => `${n};${params.get(n)};`).join('');
    const expected = createHmac('sha256', secret).update(data).digest('hex').toUpperCase();
    return sameString(params.get('checksum') ?? '', expected);
  };

  it('gateway: GET query with checksum and custom header; 3 attempts, then it stops', async () => {
    receiver.reply = () => ({ status: 500, body: '' });
    const id = await send('gateway', {
      url: `${receiver.url}/cb/gateway?x=1`,
      payload: { orderNumber: '0987', operation: 'deposited', status: '1' },
      headers: { Authorization: 'token' },
    });
    const delivery = await finished(id);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    expect(receiver.requests).toHaveLength(3);
    const request = receiver.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.headers.authorization).toBe('token');
    const params = new URL(request.url, 'http://x').searchParams;
    expect(params.get('x')).toBe('1');
    params.delete('x');
    expect(params.get('orderNumber')).toBe('0987');
    expect(params.get('mdOrder')).toBeTruthy();
    expect(params.get('checksum')).toMatch(/^[0-9A-F]{64}$/);
    expect(gatewayChecksumOk(params, SECRETS.gatewaySecret)).toBe(true);
    expect(gatewayChecksumOk(params, 'other')).toBe(false);
  });

  it('gateway: POST form body, acknowledged by 200 only; badSignature signs with another key', async () => {
    receiver.reply = (_, i) => (i === 0 ? { status: 204, body: '' } : { status: 200, body: '' });
    const id = await send('gateway', {
      url: `${receiver.url}/cb/gateway`,
      method: 'POST',
      badSignature: true,
    });
    const delivery = await finished(id);
    expect(delivery.attempts.map((a) => a.status)).toEqual([204, 200]);
    const request = receiver.requests[0]!;
    expect(request.method).toBe('POST');
    expect(gatewayChecksumOk(new URLSearchParams(request.body), SECRETS.gatewaySecret)).toBe(false);
  });

  const widgetHmacOk = (request: Received) =>
    sameString(
      String(request.headers['content-hmac']),
      createHmac('sha256', SECRETS.widgetSecret).update(request.body).digest('base64'),
    );

  it('widget pay: Content-HMAC of the raw body, X-Forwarded-For the widget IP, retried until code 0', async () => {
    receiver.reply = (_, i) => ({ status: 200, body: i === 0 ? '{"code":13}' : '{"code":0}' });
    const id = await send('widget', { url: `${receiver.url}/cb/widget/pay`, payload: { Amount: '10.00' } });
    const delivery = await finished(id);
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts).toHaveLength(2);
    const request = receiver.requests[0]!;
    expect(request.headers['x-forwarded-for']).toBe('130.193.70.192');
    expect(widgetHmacOk(request)).toBe(true);
    const fields = Object.fromEntries(new URLSearchParams(request.body));
    expect(fields).toMatchObject({ Amount: '10.00', Currency: 'RUB', Status: 'Completed', TestMode: '1' });
    expect(fields.DateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('widget check: asked once, and the decision code is recorded', async () => {
    receiver.reply = () => ({ status: 200, body: '{"code":11}' });
    const decided = await finished(
      await send('widget', { url: `${receiver.url}/cb/widget/check`, type: 'check' }),
    );
    expect(decided).toMatchObject({ state: 'delivered', decisionCode: 11 });
    receiver.reply = () => ({ status: 500, body: 'oops' });
    const broken = await finished(
      await send('widget', { url: `${receiver.url}/cb/widget/check`, type: 'check' }),
    );
    expect(broken).toMatchObject({ state: 'failed', decisionCode: null });
    expect(broken.attempts).toHaveLength(1);
  });

  it('widget fail/recurrent: retried every interval up to the cap', async () => {
    receiver.reply = () => ({ status: 200, body: 'nope' });
    const delivery = await finished(
      await send('widget', {
        url: `${receiver.url}/cb/widget/fail`,
        type: 'fail',
        maxAttempts: 3,
        intervalSeconds: 1,
      }),
    );
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    expect(new URLSearchParams(receiver.requests[0]!.body).get('ReasonCode')).toBe('5051');
    receiver.reply = () => ({ status: 200, body: '{"code":0}' });
    await finished(await send('widget', { url: `${receiver.url}/cb/widget/recurrent`, type: 'recurrent' }));
    expect(new URLSearchParams(receiver.requests.at(-1)!.body).get('Interval')).toBe('Month');
  });

  /** The processing signature as SPEC.md states it, recomputed from the raw request. */
  const processingSignatureOk = (request: Received) => {
    const h = request.headers;
    const data = `${h['x-processing-timestamp']}${h['x-processing-recvwindow'] ?? ''}${request.method}${request.url}${request.body}`;
    const expected = createHmac('sha512', Buffer.from(SECRETS.processingSecret, 'base64'))
      .update(data)
      .digest('base64');
    return sameString(String(h['x-processing-signature']), expected);
  };

  it('processing: signed JSON; 5xx is retried, each attempt signed afresh', async () => {
    receiver.reply = (_, i) => (i === 0 ? { status: 502, body: '' } : { status: 200, body: '' });
    const id = await send('processing', {
      url: `${receiver.url}/cb/processing?v=2`,
      payload: { status: 'refunded' },
    });
    const delivery = await finished(id);
    expect(delivery.attempts.map((a) => a.status)).toEqual([502, 200]);
    for (const request of receiver.requests) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-processing-key']).toBe(SECRETS.processingPublicKey);
      expect(request.headers['x-processing-recvwindow']).toBe('5000');
      expect(Math.abs(Number(request.headers['x-processing-timestamp']) - Date.now())).toBeLessThan(60_000);
      expect(processingSignatureOk(request)).toBe(true);
      expect(JSON.parse(request.body)).toMatchObject({ type: 'payment', status: 'refunded' });
    }
  });

  it('processing: 4xx is not retried; recvWindow can be left out; badSignature fails verification', async () => {
    receiver.reply = () => ({ status: 400, body: '' });
    const id = await send('processing', {
      url: `${receiver.url}/cb/processing`,
      recvWindow: null,
      badSignature: true,
    });
    const delivery = await finished(id);
    expect(delivery).toMatchObject({ state: 'failed' });
    expect(delivery.attempts).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.headers['x-processing-recvwindow']).toBeUndefined();
    expect(processingSignatureOk(request)).toBe(false);
  });

  it('processing back-off follows the seed table: 60 s + n^4, 10 retries', () => {
    const delays = Array.from({ length: 11 }, (_, i) => processingRetryDelay(i + 1));
    expect(delays).toEqual([61, 76, 141, 316, 685, 1356, 2461, 4156, 6621, 10060, null]);
  });

  it('answers 404 for an unknown provider and 400 for a body without url', async () => {
    expect(
      (await call(emu.url, '/__emulator/send/carrier-pigeon', { body: { url: receiver.url } })).status,
    ).toBe(404);
    expect((await call(emu.url, '/__emulator/send/gateway', { body: {} })).status).toBe(400);
  });
});
