import { describe, expect, it } from 'vitest';
import { bindOnHostedPage, onboardWallet, waitFor } from '../testkit/flows.js';
import { openSse } from '../testkit/sse.js';
import { walletSuite } from '../testkit/suites.js';

const { stack, owner, wallet } = walletSuite(50_000n);

describe('card binding through the BFF', () => {
  it('binds a card, shows it live with the masked number only, and uses it for a top-up and a payout', async () => {
    const sse = await openSse(stack.bffUrl, { cookie: owner.cookieHeader });
    const started = await owner.post('/api/cards', {});
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'pending', jsOperationId: expect.any(String) });
    expect((await owner.get('/api/cards')).body.cards).toEqual([
      expect.objectContaining({ id: started.body.id, status: 'pending' }),
    ]);
    expect(await bindOnHostedPage(started.body.payUrl, '4111111111111111')).toBeLessThan(400);
    await sse.waitFor((es) =>
      es.some(
        (e) => e.type === 'card_binding.status' && (e.data as { cardId: string }).cardId === started.body.id,
      ),
    );
    sse.close();
    const [card] = (await owner.get('/api/cards')).body.cards;
    expect(card).toMatchObject({ id: started.body.id, status: 'active' });
    expect(card.cardMasked).toMatch(/1111$/);
    expect(JSON.stringify(card)).not.toContain('4111111111111111');

    const topUp = await owner.post(`/api/wallets/${wallet.id}/top-ups`, { amount: '10.00', cardId: card.id });
    expect(topUp.status).toBe(201);
    const payout = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '5.00',
      destination: { type: 'bound_card', cardId: card.id },
    });
    expect(payout.status).toBe(201);
    await waitFor(
      () => owner.get(`/api/operations/${payout.body.id}`),
      (r) => r.body.status === 'success',
    );
  });

  it("keeps one user's cards away from another", async () => {
    const [card] = (await owner.get('/api/cards')).body.cards;
    const stranger = stack.client();
    const theirWallet = await onboardWallet(stack, stranger, 10_000n);
    expect((await stranger.get('/api/cards')).body.cards).toEqual([]);
    expect(
      (await stranger.post(`/api/wallets/${theirWallet}/top-ups`, { amount: '1.00', cardId: card.id }))
        .status,
    ).toBe(404);
    expect((await stranger.request('DELETE', `/api/cards/${card.id}`)).status).toBe(404);
  });

  it('removes a card from my list, after which it can no longer be used', async () => {
    const [card] = (await owner.get('/api/cards')).body.cards;
    expect((await owner.request('DELETE', `/api/cards/${card.id}`)).status).toBe(204);
    expect((await owner.get('/api/cards')).body.cards).toEqual([]);
    expect(
      (await owner.post(`/api/wallets/${wallet.id}/top-ups`, { amount: '1.00', cardId: card.id })).status,
    ).toBe(404);
  });

  it('marks a declined binding failed', async () => {
    const started = await owner.post('/api/cards', {});
    await bindOnHostedPage(started.body.payUrl, '4000000000000002');
    await waitFor(
      () => owner.get('/api/cards'),
      (r) =>
        r.body.cards.some(
          (c: { id: string; status: string }) => c.id === started.body.id && c.status === 'failed',
        ),
    );
  });

  it('charges a recurring routed payment to a bound card with no payer present (operator)', async () => {
    const started = await owner.post('/api/cards', {});
    await bindOnHostedPage(started.body.payUrl, '4111111111111111');
    await waitFor(
      () => owner.get('/api/cards'),
      (r) => r.body.cards.some((c: { status: string }) => c.status === 'active'),
    );
    const operator = stack.client();
    await operator.post('/api/session/operator');
    const account = (
      await operator.post('/api/sub-merchants', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.recurring-shop' })
    ).body.id;
    const charged = await operator.post('/api/payments/recurring', {
      amount: '99.00',
      cardId: started.body.id,
      routing: [
        {
          accountId: account,
          amount: { value: '99.00', currency: 'RUB' },
          platformFeeAmount: { value: '1.00', currency: 'RUB' },
        },
      ],
    });
    expect(charged.status).toBe(201);
    expect(charged.body.payUrl).toBeNull();
    await waitFor(
      () => operator.get(`/api/payments/${charged.body.id}`),
      (r) => r.body.status === 'success',
    );
  });
});
