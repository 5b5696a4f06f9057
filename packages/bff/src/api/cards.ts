import Router from '@koa/router';
import { type CardView, cardBindingResponseSchema } from '@mandarin-kit/core';
import type { BffDeps } from '../BffDeps.js';
import { BffError, notFound } from '../http/BffError.js';
import type { CardRecord } from '../store/cards.js';
import { userOf } from './context.js';
import { idempotent } from './idempotent.js';
import { ok, route } from './route.js';

/** A card as its owner sees it: masked number only. */
export function cardView(c: CardRecord): CardView {
  return {
    id: c.id,
    status: c.status,
    cardMasked: c.cardMasked,
    cardHolder: c.cardHolder,
    expiryMonth: c.expiryMonth,
    expiryYear: c.expiryYear,
    createdAt: c.createdAt,
  };
}

/**
 * Card binding (tokenization): start a binding for the signed-in user (the card itself is typed into
 * Mandarin's hosted fields or page, never into the kit), list my cards, remove one from my list. The binding's
 * result arrives as a `card_binding` callback, which completes the record and emits an event.
 */
export function cardRoutes(deps: BffDeps): Router {
  const router = new Router();

  route(router, 'startCardBinding', async (ctx, req) => {
    const input = await req.body();
    const user = userOf(ctx);
    const wallet = (await deps.store.wallets.listByOwner(user.id))[0];
    const email = input.email ?? wallet?.contactEmail;
    const phone = input.phone === undefined ? wallet?.contactPhone : `+${input.phone}`;
    if (email === undefined && phone === undefined) {
      throw new BffError(400, 'VALIDATION_FAILED', 'An email or a phone is needed to bind a card', {
        fields: { email: ['Required when you have no wallet'] },
      });
    }
    return idempotent(ctx, deps, input, async () => {
      const created = await deps.mandarin.call('cardBindingCreate', {
        body: {
          customerInfo: { ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
          ...(deps.callbackUrl === undefined ? {} : { urls: { callback: deps.callbackUrl } }),
        },
        schema: cardBindingResponseSchema,
      });
      const id = created.id.toLowerCase();
      await deps.store.transaction(async (tx) => {
        await tx.cards.insert({
          id,
          ownerId: user.id,
          status: 'pending',
          cardMasked: null,
          cardHolder: null,
          expiryMonth: null,
          expiryYear: null,
          createdAt: new Date().toISOString(),
        });
        // A lost binding callback must not leave the card pending for ever: the reconciler reads its status.
        await tx.reconcile.enqueue('card', id, Date.now() + deps.reconcile.afterMs);
      });
      return {
        status: 201 as const,
        body: {
          id: created.id.toLowerCase(),
          status: 'pending' as const,
          jsOperationId: created.jsOperationId,
          payUrl: created.userWebLink,
        },
      };
    });
  });

  route(router, 'listCards', async (ctx) => {
    const cards = await deps.store.cards.listByOwner(userOf(ctx).id);
    return ok({ cards: cards.map(cardView) });
  });

  route(router, 'removeCard', async (ctx, req) => {
    const id = req.params.cardId.toLowerCase();
    if (!(await deps.store.cards.remove(userOf(ctx).id, id))) throw notFound('Card');
    return { status: 204 as const, body: undefined };
  });

  return router;
}
