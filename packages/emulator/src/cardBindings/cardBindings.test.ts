import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeEsp,
  CREDS,
  call,
  emulatorSuite,
  getToken,
  setBalance,
  startReceiver,
  waitUntil,
  xAuth,
} from '../fixtures/harness.js';

/** SPEC.md's `sign`, recomputed here: values sorted by key in code-unit order, joined by `-`, `-secret`, sha256. */
function expectedSign(fields: Record<string, string>, secret: string): string {
  const keys = Object.keys(fields)
    .filter((k) => k !== 'sign')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const base = `${keys.map((k) => fields[k]).join('-')}-${secret}`;
  return createHash('sha256').update(base, 'utf8').digest('hex');
}

const nextYear = String(new Date().getUTCFullYear() + 1).slice(-2);
const card = (cardNumber: string) => ({
  cardNumber,
  cardHolder: 'Ivan Ivanov',
  cardExpiration: `07/${nextYear}`,
  cardCvv: '123',
});

interface Binding {
  id: string;
  userWebLink: string;
  jsOperationId: string;
}

describe('card bindings', () => {
  const { emu, receiver: callbacks } = emulatorSuite();

  beforeEach(() => {
    emu.emulator.options.strictCards = false;
  });

  async function bind(
    body: unknown = { customerInfo: { email: 'user@example.com', phone: '+79001234567' } },
  ) {
    return call<Binding>(emu.url, '/api/card-bindings', { headers: { 'x-auth': xAuth() }, body });
  }

  /** Posts the hosted page's form as a browser would: hidden token, card inputs, the pressed button. */
  async function submitPage(userWebLink: string, decision: string, fields: Record<string, string>) {
    const html = await (await fetch(userWebLink)).text();
    // Once decided the page has no form; a stale tab still posts the token it was opened with.
    const transaction =
      /name="transaction" value="([^"]+)"/.exec(html)?.[1] ??
      new URL(userWebLink).searchParams.get('transaction')!;
    return fetch(new URL('/Pay', emu.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ transaction, decision, ...fields }),
      redirect: 'manual',
    });
  }

  const callbackFor = async (id: string) =>
    Object.fromEntries(
      new URLSearchParams(
        (await waitUntil(() => callbacks.requests.find((r) => r.body.includes(`card_binding=${id}`)))).body,
      ),
    );

  it('creates a binding with X-Auth: lowercase uuid, hosted page link and a 24-char jsOperationId', async () => {
    const res = await bind();
    expect(res.status).toBe(200);
    expect(res.json.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.json.userWebLink).toMatch(new RegExp(`^${emu.url}/Pay\\?transaction=[0-9a-f-]{36}$`));
    expect(res.json.jsOperationId).toMatch(/^[a-z0-9]{24}$/);
    const admin = await call<{ status: string; card: unknown }>(
      emu.url,
      `/__emulator/card-bindings/${res.json.id}`,
    );
    expect(admin.json).toMatchObject({ status: 'pending', card: null });
  });

  it('refuses a bad X-Auth with 401 and creates nothing; a bad body is a 400 with an error', async () => {
    const res = await call(emu.url, '/api/card-bindings', {
      headers: { 'x-auth': xAuth(CREDS.merchantId, 'wrong-secret') },
      body: { customerInfo: { email: 'user@example.com' } },
    });
    expect(res.status).toBe(401);
    const list = await call<{ cardBindings: unknown[] }>(emu.url, '/__emulator/card-bindings');
    expect(list.json.cardBindings).toEqual([]);

    const bad = await bind({ customerInfo: {} });
    expect(bad.status).toBe(400);
    expect(bad.json).toHaveProperty('error');
    expect((await bind('{nope')).status).toBe(400);
  });

  it('accepts Bearer with card-bindings.write and refuses a token without it', async () => {
    const body = { customerInfo: { phone: '+79001234567' } };
    const ok = await call(emu.url, '/api/card-bindings', {
      token: await getToken(emu.url, 'card-bindings.write'),
      body,
    });
    expect(ok.status).toBe(200);
    const wrong = await call(emu.url, '/api/card-bindings', {
      token: await getToken(emu.url, 'transactions.read'),
      body,
    });
    expect(wrong.status).toBe(403);
  });

  it('the hosted page shows labelled card inputs with Bind card and Cancel', async () => {
    const { userWebLink } = (await bind()).json;
    const html = await (await fetch(userWebLink)).text();
    expect(html).toMatch(/<h1>Link a card<\/h1>/);
    for (const [id, autocomplete] of [
      ['card-number', 'cc-number'],
      ['card-holder', 'cc-name'],
      ['card-expiration', 'cc-exp'],
      ['card-cvv', 'cc-csc'],
    ]) {
      expect(html).toMatch(new RegExp(`<label for="${id}">[^<]+</label>`));
      expect(html).toMatch(new RegExp(`<input id="${id}" [^>]*autocomplete="${autocomplete}"`));
    }
    expect(html).toMatch(/<button type="submit" name="decision" value="bind">Bind card<\/button>/);
    expect(html).toMatch(
      /<button type="submit" name="decision" value="cancel" formnovalidate>Cancel<\/button>/,
    );
  });

  it('binds the success test card and sends a signed card_binding callback', async () => {
    const { id, userWebLink } = (await bind()).json;
    const res = await submitPage(userWebLink, 'bind', card('4111 1111 1111 1111'));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<h1>Card bound<\/h1>/);

    const fields = await callbackFor(id);
    expect(fields).toMatchObject({
      merchantId: CREDS.merchantId,
      object_type: 'card_binding',
      card_binding: id,
      card_holder: 'IVAN IVANOV',
      card_number: '411111******1111',
      card_expiration_year: `20${nextYear}`,
      card_expiration_month: '07',
      status: 'success',
      sandbox: 'true',
    });
    expect(fields.cb_processed_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(fields.sign).toBe(expectedSign(fields, CREDS.secret));
    expect(callbacks.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');

    const admin = await call(emu.url, `/__emulator/card-bindings/${id}`);
    expect(admin.json).toMatchObject({ status: 'success', card: { masked: '411111******1111' } });
    expect(admin.text).not.toContain('4111111111111111');
    // Decided once: the page now shows the outcome, a second submit is refused.
    expect(await (await fetch(userWebLink)).text()).toMatch(/role="status">Card bound/);
    expect((await submitPage(userWebLink, 'cancel', {})).status).toBe(409);
  });

  it('declines 4000 0000 0000 0002 with a failed callback that still carries the masked card', async () => {
    const { id, userWebLink } = (await bind()).json;
    const res = await submitPage(userWebLink, 'bind', card('4000000000000002'));
    expect(await res.text()).toMatch(/<h1>Card declined<\/h1>/);
    const fields = await callbackFor(id);
    expect(fields).toMatchObject({ status: 'failed', card_number: '400000******0002' });
    expect(fields.sign).toBe(expectedSign(fields, CREDS.secret));
  });

  it('an invalid card is a form error that decides nothing', async () => {
    const { id, userWebLink } = (await bind()).json;
    const res = await submitPage(userWebLink, 'bind', {
      ...card('4111111111111112'),
      cardExpiration: '13/40',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/role="alert"/);
    expect(html).toMatch(
      /<input id="card-number" [^>]*aria-invalid="true" aria-describedby="card-number-error"/,
    );
    expect(html).toMatch(/<input id="card-expiration" [^>]*aria-invalid="true"/);
    expect(html).not.toMatch(/value="123"/); // the CVV is never echoed
    const admin = await call<{ status: string }>(emu.url, `/__emulator/card-bindings/${id}`);
    expect(admin.json.status).toBe('pending');
    // The card typed right this time decides the binding; its callback is sent after any the form error had
    // set off, so once it is here the only callback is the success.
    expect((await submitPage(userWebLink, 'bind', card('4111111111111111'))).status).not.toBe(422);
    expect(await callbackFor(id)).toMatchObject({ status: 'success' });
    expect(callbacks.requests.map((r) => new URLSearchParams(r.body).get('status'))).toEqual(['success']);
  });

  it('Cancel fails the binding without card fields and returns to urls.return; urls.callback wins', async () => {
    const other = await startReceiver();
    try {
      const { id, userWebLink } = (
        await bind({
          customerInfo: { email: 'user@example.com' },
          urls: { callback: `${other.url}/mine`, return: 'http://shop.test/cards' },
        })
      ).json;
      const res = await submitPage(userWebLink, 'cancel', {});
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('http://shop.test/cards');
      const received = await waitUntil(() => other.requests[0]);
      const fields = Object.fromEntries(new URLSearchParams(received.body));
      expect(fields).toMatchObject({ card_binding: id, status: 'failed' });
      expect(fields).not.toHaveProperty('card_number');
      expect(fields.sign).toBe(expectedSign(fields, CREDS.secret));
      expect(callbacks.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('re-sends a binding callback through notifications/bulk, identical', async () => {
    const { id, userWebLink } = (await bind()).json;
    await submitPage(userWebLink, 'bind', card('4111111111111111'));
    const first = await callbackFor(id);
    const res = await call<{ sent: string[] }>(emu.url, '/api/notifications/bulk', {
      token: await getToken(emu.url),
      body: { ids: [id] },
    });
    expect(res.json.sent).toEqual([id]);
    await waitUntil(() => callbacks.requests.length === 2);
    expect(Object.fromEntries(new URLSearchParams(callbacks.requests[1]!.body))).toEqual(first);
  });

  describe('transactions with bound cards', () => {
    const payout = (orderId: string, esp: string, cardId: string) => ({
      payment: { action: 'payout', orderId, price: '100.00' },
      customerInfo: { email: 'user@example.com' },
      source: { paymentToken: esp },
      destination: { card: cardId },
    });

    async function boundCard(number: string): Promise<string> {
      const { id, userWebLink } = (await bind()).json;
      await submitPage(userWebLink, 'bind', card(number));
      await callbackFor(id);
      return id;
    }

    const txCallback = async (id: string) =>
      Object.fromEntries(
        new URLSearchParams(
          (await waitUntil(() => callbacks.requests.find((r) => r.body.includes(`transaction=${id}`)))).body,
        ),
      );

    it('strictCards: a payout to a declined binding fails; an unknown card id is a 400', async () => {
      const config = await call(emu.url, '/__emulator/config', { body: { strictCards: true } });
      expect(config.json).toMatchObject({ strictCards: true });
      const token = await getToken(emu.url);
      const esp = await activeEsp(emu.url, token);
      await setBalance(emu.url, esp, 50_000);
      const declined = await boundCard('4000000000000002');

      const res = await call<{ id: string }>(emu.url, '/api/transactions', {
        headers: { 'x-auth': xAuth() },
        body: payout('strict-1', esp, declined),
      });
      expect(res.status).toBe(200);
      expect(await txCallback(res.json.id)).toMatchObject({ status: 'failed' });
      const tx = await call<{ failureReason: string }>(emu.url, `/__emulator/transactions/${res.json.id}`);
      expect(tx.json.failureReason).toMatch(/not active/);

      const unknown = await call(emu.url, '/api/transactions', {
        headers: { 'x-auth': xAuth() },
        body: payout('strict-2', esp, '0b7c7a52-5f0e-4bde-9a57-0c3c3e1f7a11'),
      });
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual({ error: 'Card binding 0b7c7a52-5f0e-4bde-9a57-0c3c3e1f7a11 not found' });
    });

    it('a payout to a bound card succeeds and its callback carries the masked card', async () => {
      emu.emulator.options.strictCards = true;
      const token = await getToken(emu.url);
      const esp = await activeEsp(emu.url, token);
      await setBalance(emu.url, esp, 50_000);
      const bound = await boundCard('5555555555554444');
      const res = await call<{ id: string }>(emu.url, '/api/transactions', {
        headers: { 'x-auth': xAuth() },
        body: payout('bound-1', esp, bound),
      });
      expect(await txCallback(res.json.id)).toMatchObject({
        status: 'success',
        card_number: '555555******4444',
      });
    });

    it('without strictCards, made-up card ids are still accepted', async () => {
      const token = await getToken(emu.url);
      const esp = await activeEsp(emu.url, token);
      await setBalance(emu.url, esp, 50_000);
      const res = await call<{ id: string }>(emu.url, '/api/transactions', {
        headers: { 'x-auth': xAuth() },
        body: payout('loose-1', esp, '63eed817-c56e-4aac-ad38-15113ed13722'),
      });
      expect(await txCallback(res.json.id)).toMatchObject({ status: 'success' });
    });
  });
});
