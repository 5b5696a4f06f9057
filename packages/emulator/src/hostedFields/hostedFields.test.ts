import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { call, emulatorSuite, getToken, waitUntil, xAuth } from '../fixtures/harness.js';

const nextYear = String(new Date().getUTCFullYear() + 1).slice(-2);
const validCard = {
  cardNumber: '4111 1111 1111 1111',
  cardHolder: 'Ivan Ivanov',
  cardExpiration: `12/${nextYear}`,
  cardCvv: '123',
};

describe('hosted card fields (HTTP)', () => {
  const { emu, receiver: callbacks } = emulatorSuite();

  const binding = async () =>
    (
      await call<{ id: string; jsOperationId: string }>(emu.url, '/api/card-bindings', {
        headers: { 'x-auth': xAuth() },
        body: { customerInfo: { email: 'user@example.com', phone: '+79001234567' } },
      })
    ).json;
  const processCard = (body: unknown, headers: Record<string, string> = {}) =>
    call<Record<string, unknown>>(emu.url, '/hosted/process', { body, headers });

  it('serves /api/hosted.js as cacheable, CORS-readable JavaScript with the mandarinpay.hosted API', async () => {
    const res = await fetch(`${emu.url}/api/hosted.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const source = await res.text();
    // A plain script (no import or export) that installs the API on the page that loads it.
    const window: { mandarinpay?: { hosted?: object }; addEventListener(): void } = { addEventListener() {} };
    new Script(source).runInNewContext({
      window,
      document: { currentScript: { src: `${emu.url}/api/hosted.js` } },
      location: { href: 'http://shop.test/', origin: 'http://shop.test' },
      URL,
    });
    expect(Object.keys(window.mandarinpay!.hosted!)).toEqual(['setup', 'process', 'emulator']);
    for (const needle of [
      'mandarinpay-field-',
      'card-number',
      'card-holder',
      'card-expiration',
      'card-cvv',
      'focused',
      'empty',
      'valid',
      'error',
      '/hosted/field?field=',
    ]) {
      expect(source).toContain(needle);
    }
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${emu.url}/api/hosted.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the field iframe with a label, autofill token, its own CSP and frame-ancestors = parent', async () => {
    const { jsOperationId } = await binding();
    const parent = 'http://127.0.0.1:5999';
    const url = `${emu.url}/hosted/field?field=card-number&op=${jsOperationId}&parent=${encodeURIComponent(parent)}&channel=abcdef0123456789`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(`frame-ancestors ${parent}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<label class="sr-only" for="field">Card number<\/label>/);
    expect(html).toMatch(/<input id="field" [^>]*autocomplete="cc-number"/);
    expect(html).toContain('<script src="/hosted/field.js"></script>');
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)![1]!;
    expect(html).toContain(`<style nonce="${nonce}">`);

    const script = await fetch(`${emu.url}/hosted/field.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const fieldSource = await script.text();
    expect(() => new Script(fieldSource)).not.toThrow();

    for (const bad of [
      `field=card-pin&op=${jsOperationId}&parent=${encodeURIComponent(parent)}&channel=abcdef0123456789`,
      `field=card-cvv&op=${jsOperationId}&parent=${encodeURIComponent(`${parent}/path`)}&channel=abcdef0123456789`,
      `field=card-cvv&op=${jsOperationId}&parent=javascript:alert(1)&channel=abcdef0123456789`,
    ]) {
      expect((await fetch(`${emu.url}/hosted/field?${bad}`)).status).toBe(400);
    }
  });

  it('/hosted/process binds a card given valid data and sends the callback', async () => {
    const { id, jsOperationId } = await binding();
    const res = await processCard({ operationId: jsOperationId, ...validCard });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      operationId: jsOperationId,
      id,
      objectType: 'card_binding',
      status: 'success',
    });
    const received = await waitUntil(() =>
      callbacks.requests.find((r) => r.body.includes(`card_binding=${id}`)),
    );
    expect(new URLSearchParams(received.body).get('card_number')).toBe('411111******1111');
    // Done once.
    expect((await processCard({ operationId: jsOperationId, ...validCard })).status).toBe(409);
  });

  it('/hosted/process refuses invalid data field by field and decides nothing', async () => {
    const { id, jsOperationId } = await binding();
    const res = await processCard({
      operationId: jsOperationId,
      cardNumber: '4111 1111 1111 1112',
      cardHolder: '',
      cardExpiration: '01/20',
      cardCvv: '12',
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('Check the card details');
    expect(Object.keys(res.json.fields as object).sort()).toEqual([
      'card-cvv',
      'card-expiration',
      'card-holder',
      'card-number',
    ]);
    const admin = await call<{ status: string }>(emu.url, `/__emulator/card-bindings/${id}`);
    expect(admin.json.status).toBe('pending');
    // …and the payer can correct it.
    expect((await processCard({ operationId: jsOperationId, ...validCard })).status).toBe(200);
  });

  it('declines the declined test card, refuses unknown operations and foreign origins', async () => {
    const { jsOperationId } = await binding();
    const declined = await processCard({
      operationId: jsOperationId,
      ...validCard,
      cardNumber: '4000 0000 0000 0002',
    });
    expect(declined.json).toMatchObject({ status: 'failed', error: 'Card declined by the issuer' });
    expect((await processCard({ operationId: 'nope', ...validCard })).status).toBe(404);
    const other = await binding();
    const foreign = await processCard(
      { operationId: other.jsOperationId, ...validCard },
      { origin: 'http://evil.test' },
    );
    expect(foreign.status).toBe(403);
    const form = await call(emu.url, '/hosted/process', {
      body: new URLSearchParams({ operationId: other.jsOperationId, ...validCard }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('pays a routed payment by its jsOperationId, like Pay on the hosted page', async () => {
    const token = await getToken(emu.url);
    const created = await call<{ id: string; jsOperationId: string }>(emu.url, '/secure/transactions', {
      token,
      body: {
        payment: { action: 'pay', orderId: 'fields-1', amount: { value: '500.00', currency: 'RUB' } },
        routing: {
          destination: [
            {
              accountId: '16f90c5e-6bc3-11eb-9439-0242ac130002',
              amount: { value: '500.00', currency: 'RUB' },
              platformFeeAmount: { value: '5.00', currency: 'RUB' },
            },
          ],
        },
        customerInfo: { email: 'user@example.com' },
      },
    });
    const { id, jsOperationId } = created.json;
    const res = await processCard({
      operationId: jsOperationId,
      ...validCard,
      cardNumber: '5555555555554444',
    });
    expect(res.json).toEqual({
      operationId: jsOperationId,
      id,
      objectType: 'transaction',
      status: 'success',
    });
    const received = await waitUntil(() =>
      callbacks.requests.find((r) => r.body.includes(`transaction=${id}`)),
    );
    const fields = new URLSearchParams(received.body);
    expect(fields.get('status')).toBe('success');
    expect(fields.get('card_number')).toBe('555555XXXXXX4444');
  });

  it("honours Mandarin's sandbox cards: 4929… pays, 4485… is declined, for payments and bindings alike", async () => {
    const sandbox = (cardNumber: string) => ({
      cardNumber,
      cardHolder: 'CARD HOLDER',
      cardExpiration: `12/${nextYear}`,
      cardCvv: '123',
    });
    const cardPayment = async (orderId: string, action: 'pay' | 'preauth') =>
      (
        await call<{ id: string; jsOperationId: string }>(emu.url, '/api/transactions', {
          headers: { 'x-auth': xAuth() },
          body: {
            payment: { orderId, action, price: '10' },
            customerInfo: { email: 'user@example.com', phone: '+79001234567' },
          },
        })
      ).json;
    const paid = await cardPayment('sandbox-1', 'pay');
    expect(
      (await processCard({ operationId: paid.jsOperationId, ...sandbox('4929509947106878') })).json,
    ).toMatchObject({
      id: paid.id,
      status: 'success',
    });
    const held = await cardPayment('sandbox-2', 'preauth');
    expect(
      (await processCard({ operationId: held.jsOperationId, ...sandbox('4485913187374384') })).json,
    ).toMatchObject({
      id: held.id,
      status: 'failed',
      error: 'Card declined by the issuer',
    });
    const bind = await binding();
    expect(
      (await processCard({ operationId: bind.jsOperationId, ...sandbox('4485913187374384') })).json,
    ).toMatchObject({
      objectType: 'card_binding',
      status: 'failed',
    });
    const bound = await binding();
    expect(
      (await processCard({ operationId: bound.jsOperationId, ...sandbox('4929509947106878') })).json,
    ).toMatchObject({
      objectType: 'card_binding',
      status: 'success',
    });
  });
});
