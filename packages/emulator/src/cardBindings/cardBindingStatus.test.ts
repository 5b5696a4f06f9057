import { cardBindingStatusResponseSchema } from '@mandarin-kit/core';
import { describe, expect, it } from 'vitest';
import { CREDS, call, emulatorSuite, getToken, waitUntil, xAuth } from '../fixtures/harness.js';

const nextYear = String(new Date().getUTCFullYear() + 1).slice(-2);
const customerInfo = { email: 'user@example.com', phone: '+79001234567' };

describe('card binding status lookup', () => {
  const { emu, receiver: callbacks } = emulatorSuite();

  const bind = async () =>
    (
      await call<{ id: string; userWebLink: string }>(emu.url, '/api/card-bindings', {
        headers: { 'x-auth': xAuth() },
        body: { customerInfo },
      })
    ).json;
  const status = (id: string, auth: { token?: string; headers?: Record<string, string> } = {}) =>
    call(
      emu.url,
      `/api/card-bindings/${id}`,
      auth.token || auth.headers ? auth : { headers: { 'x-auth': xAuth() } },
    );
  /** Enters a card on the hosted page, as the payer would, and waits for the binding's callback. */
  const enterCard = async (userWebLink: string, cardNumber: string, decision = 'bind') => {
    await fetch(new URL('/Pay', emu.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        transaction: new URL(userWebLink).searchParams.get('transaction')!,
        decision,
        cardNumber,
        cardHolder: 'Ivan Ivanov',
        cardExpiration: `07/${nextYear}`,
        cardCvv: '123',
      }),
      redirect: 'manual',
    });
    await waitUntil(() => callbacks.requests.length > 0);
  };

  it('reads pending, then bound with the masked card, as core parses it', async () => {
    const { id, userWebLink } = await bind();
    const pending = await status(id);
    expect(pending.status).toBe(200);
    expect(cardBindingStatusResponseSchema.parse(pending.json)).toEqual({ id, status: 'pending' });
    await enterCard(userWebLink, '4111111111111111');
    const bound = await status(id);
    expect(cardBindingStatusResponseSchema.parse(bound.json)).toEqual({
      id,
      status: 'success',
      card_number: '411111******1111',
      card_holder: 'IVAN IVANOV',
      card_expiration_month: '07',
      card_expiration_year: `20${nextYear}`,
    });
    expect(bound.text).not.toContain('4111111111111111');
  });

  it('reads a declined binding as failed, and a cancelled one without card fields', async () => {
    const declined = await bind();
    await enterCard(declined.userWebLink, '4000000000000002');
    expect((await status(declined.id)).json).toMatchObject({
      status: 'failed',
      card_number: '400000******0002',
    });
    callbacks.requests.length = 0;
    const cancelled = await bind();
    await enterCard(cancelled.userWebLink, '', 'cancel');
    expect((await status(cancelled.id)).json).toEqual({ id: cancelled.id, status: 'failed' });
  });

  it('takes X-Auth or a Bearer token with card-bindings.read, and answers 404 for an unknown id', async () => {
    const { id } = await bind();
    expect((await status(id, { token: await getToken(emu.url, 'card-bindings.read') })).status).toBe(200);
    expect((await status(id, { token: await getToken(emu.url, 'card-bindings.write') })).status).toBe(403);
    expect((await status(id, { headers: { 'x-auth': xAuth(CREDS.merchantId, 'wrong') } })).status).toBe(401);
    const unknown = await status('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: expect.any(String) });
  });
});
