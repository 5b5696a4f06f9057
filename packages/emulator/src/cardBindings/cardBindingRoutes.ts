import type { Router } from '@koa/router';
import { requireAuth } from '../auth/requireAuth.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { notFound } from '../http/HttpError.js';
import { publicOrigin } from '../http/origin.js';
import { readJson } from '../http/readBody.js';
import { SCOPES } from '../oauth/scopes.js';
import type { CardBindingRecord } from './CardBindingRecord.js';
import { createCardBinding } from './createCardBinding.js';

/** Admin view of a binding: everything the emulator keeps (which never includes the full card number). */
export function cardBindingAdminView(binding: CardBindingRecord) {
  return {
    id: binding.id,
    status: binding.status,
    failureReason: binding.failureReason,
    card: binding.card,
    customerInfo: binding.customerInfo,
    payToken: binding.payToken,
    jsOperationId: binding.jsOperationId,
    callbackUrl: binding.callbackUrl ?? null,
    returnUrl: binding.returnUrl ?? null,
    createdAt: binding.createdAt,
    finishedAt: binding.finishedAt,
    callbackFields: binding.callbackFields,
  };
}

/**
 * The public status of a binding (an emulator assumption, see README): the card fields, as the callback
 * carries them, once a card was entered.
 */
export function cardBindingStatusView(binding: CardBindingRecord) {
  const { card } = binding;
  return {
    id: binding.id,
    status: binding.status,
    ...(card && { card_number: card.masked }),
    ...(card?.holder !== undefined && { card_holder: card.holder }),
    ...(card?.expirationMonth !== undefined && { card_expiration_month: card.expirationMonth }),
    ...(card?.expirationYear !== undefined && { card_expiration_year: card.expirationYear }),
  };
}

/**
 * `POST /api/card-bindings` (classic host: X-Auth, or Bearer with `card-bindings.write`), the status lookup
 * `GET /api/card-bindings/{id}` (X-Auth, or Bearer with `card-bindings.read`) and the admin views.
 */
export function registerCardBindingRoutes(router: Router, emulator: EmulatorContext): void {
  // requireAuth runs before the body is read: a bad X-Auth is a 401 and creates nothing.
  router.post(
    '/api/card-bindings',
    requireAuth(emulator, SCOPES.cardBindingsWrite, 'bearer-or-xauth'),
    async (ctx) => {
      const binding = createCardBinding(emulator, await readJson(ctx));
      if (binding.oneSide) {
        ctx.body = { id: binding.id }; // the payments reference's answer: nobody enters a card
        return;
      }
      ctx.body = {
        id: binding.id,
        userWebLink: `${publicOrigin(emulator.options.publicUrl, ctx)}/Pay?transaction=${binding.payToken}`,
        jsOperationId: binding.jsOperationId,
      };
    },
  );

  router.get(
    '/api/card-bindings/:id',
    requireAuth(emulator, SCOPES.cardBindingsRead, 'bearer-or-xauth'),
    (ctx) => {
      const binding = emulator.cardBindings.get(ctx.params.id!);
      if (!binding) throw notFound(`Card binding ${ctx.params.id} not found`);
      ctx.body = cardBindingStatusView(binding);
    },
  );

  router.get('/__emulator/card-bindings', (ctx) => {
    ctx.body = { cardBindings: emulator.cardBindings.list().map(cardBindingAdminView) };
  });
  router.get('/__emulator/card-bindings/:id', (ctx) => {
    const binding = emulator.cardBindings.get(ctx.params.id!);
    if (!binding) throw notFound(`Card binding ${ctx.params.id} not found`);
    ctx.body = cardBindingAdminView(binding);
  });
}
