import { beforeEach, describe, expect, it } from 'vitest';
import { call, emulatorSuite, getToken, waitUntil } from '../fixtures/harness.js';

const rub = (value: string) => ({ value, currency: 'RUB' });

describe('hosted payment page', () => {
  const { emu, receiver: callbacks } = emulatorSuite();
  let token: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
  });

  async function payment(returnUrl?: string) {
    const res = await call<{ id: string; userWebLink: string }>(emu.url, '/secure/transactions', {
      token,
      body: {
        payment: { action: 'pay', orderId: 'page-1', amount: rub('1500.00') },
        routing: {
          destination: [
            {
              accountId: '16f90c5e-6bc3-11eb-9439-0242ac130002',
              amount: rub('1500.00'),
              platformFeeAmount: rub('15.00'),
            },
          ],
        },
        customerInfo: { email: 'user@example.com' },
        ...(returnUrl ? { urls: { return: returnUrl } } : {}),
      },
    });
    return res.json;
  }

  /** Reads the form on the page and submits it with the named button, as a browser would. */
  async function submit(html: string, decision: string) {
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
    const transaction = /name="transaction" value="([^"]+)"/.exec(html)![1]!;
    return fetch(new URL(action, emu.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ transaction, decision }),
      redirect: 'manual',
    });
  }
  const callbackStatus = async (id: string) =>
    new URLSearchParams(
      (await waitUntil(() => callbacks.requests.find((r) => r.body.includes(`transaction=${id}`)))).body,
    ).get('status');

  it('shows an accessible page with the amount and real Pay/Decline buttons', async () => {
    const { userWebLink } = await payment();
    const res = await fetch(userWebLink);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<h1>Payment<\/h1>/);
    expect(html).toContain('1500.00 RUB');
    expect(html).toMatch(/<button type="submit" name="decision" value="pay">Pay<\/button>/);
    expect(html).toMatch(
      /<button type="submit" name="decision" value="decline" formnovalidate>Decline<\/button>/,
    );
    for (const [id, autocomplete] of [
      ['card-number', 'cc-number'],
      ['card-holder', 'cc-name'],
      ['card-expiration', 'cc-exp'],
      ['card-cvv', 'cc-csc'],
    ]) {
      expect(html).toMatch(new RegExp(`<input id="${id}" [^>]*autocomplete="${autocomplete}"`));
    }
  });

  it('Pay completes the payment with a success callback; a second decision is refused', async () => {
    const { id, userWebLink } = await payment();
    const html = await (await fetch(userWebLink)).text();
    const res = await submit(html, 'pay');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/Payment accepted/);
    expect(await callbackStatus(id)).toBe('success');
    expect((await submit(html, 'decline')).status).toBe(409);
    expect(await (await fetch(userWebLink)).text()).toMatch(/role="status">Paid/);
  });

  it("takes Mandarin's sandbox cards typed on the page: 4929… succeeds, 4485… is declined", async () => {
    const expiry = `12/${String(new Date().getUTCFullYear() + 2).slice(-2)}`;
    const typed = (cardNumber: string) => ({
      cardNumber,
      cardHolder: 'CARD HOLDER',
      cardExpiration: expiry,
      cardCvv: '123',
    });
    const post = (userWebLink: string, fields: Record<string, string>) =>
      fetch(new URL('/Pay', emu.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          transaction: new URL(userWebLink).searchParams.get('transaction')!,
          decision: 'pay',
          ...fields,
        }),
        redirect: 'manual',
      });
    const fieldsOf = async (id: string) =>
      Object.fromEntries(
        new URLSearchParams(
          (await waitUntil(() => callbacks.requests.find((r) => r.body.includes(`transaction=${id}`)))).body,
        ),
      );

    const ok = await payment();
    const wrong = await post(ok.userWebLink, typed('4929509947106879'));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toMatch(/aria-invalid="true" aria-describedby="card-number-error"/);
    expect(callbacks.requests).toHaveLength(0);
    expect((await post(ok.userWebLink, typed('4929 5099 4710 6878'))).status).toBe(200);
    expect(await fieldsOf(ok.id)).toMatchObject({ status: 'success', card_number: '492950XXXXXX6878' });

    emu.emulator.reset();
    token = await getToken(emu.url);
    const declined = await payment();
    const res = await post(declined.userWebLink, typed('4485913187374384'));
    expect(await res.text()).toMatch(/Card declined/);
    expect(await fieldsOf(declined.id)).toMatchObject({
      status: 'failed',
      card_number: '448591XXXXXX4384',
      error: 'Card declined by the issuer',
    });
  });

  it('Decline fails the payment and redirects to urls.return', async () => {
    const { id, userWebLink } = await payment('http://shop.test/orders/1');
    const res = await submit(await (await fetch(userWebLink)).text(), 'decline');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://shop.test/orders/1');
    expect(await callbackStatus(id)).toBe('failed');
  });

  it('answers 404 for an unknown payment and 400 for a form without a decision', async () => {
    const missing = await fetch(`${emu.url}/Pay?transaction=nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/<h1>Payment not found<\/h1>/);
    const { userWebLink } = await payment();
    const html = await (await fetch(userWebLink)).text();
    expect((await submit(html, 'maybe')).status).toBe(400);
  });
});
