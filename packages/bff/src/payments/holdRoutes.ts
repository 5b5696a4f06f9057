import Router from '@koa/router';
import { formatAmount, toRoutingDestination } from '@mandarin-kit/core';
import { idempotent } from '../api/idempotent.js';
import { route } from '../api/route.js';
import type { BffDeps } from '../BffDeps.js';
import { BffError } from '../http/BffError.js';
import { pollPayment } from '../status/poll.js';
import type { PaymentRecord } from '../store/records.js';
import { sendMoneyRequest } from '../upstream/sendMoneyRequest.js';
import { freshView, money, payment, urls } from './paymentAccess.js';
import { sharesFromBody } from './routingInput.js';

/**
 * The second step of a two-step payment, by the operator: capture the held money (`pay` with `target.preauth`,
 * carrying the routing, as the seed wants) or let the hold go (`reversal` with `target.preauth`).
 */
export function holdRoutes(deps: BffDeps): Router {
  const router = new Router();

  // Capture: `pay` with `target.preauth`, carrying the routing (seed), for the held amount.
  route(router, 'completePayment', async (ctx, req) => {
    const held = await payment(deps, req.params.paymentId);
    const input = await req.body();
    const routing = sharesFromBody(held.amount, input.routing);
    return idempotent(ctx, deps, input, async (orderId) => {
      const p = await pollPayment(deps, held);
      requireHeld(p);
      await deps.store.transaction(async (tx) => {
        // Pending again until Mandarin reports the capture; the reconciler follows it.
        await tx.payments.update(p.id, { captureOrderId: orderId, routing, status: 'pending' });
        await tx.reconcile.enqueue('payment', p.id, Date.now() + deps.reconcile.afterMs);
      });
      const sent = await sendMoneyRequest(deps.mandarin, deps.logger, 'routedTransactionCreate', {
        payment: { action: 'pay', orderId, amount: money(p.amount) },
        target: { preauth: p.transactionId },
        routing: toRoutingDestination(routing),
        ...urls(deps),
      });
      if (sent.kind === 'refused') {
        // Nothing was captured: the hold stands, and can be captured again.
        await deps.store.payments.transition(p.id, 'pending', 'authorized');
        await deps.store.reconcile.remove('payment', p.id);
        throw sent.error;
      }
      if (sent.kind === 'created') {
        await deps.store.payments.update(p.id, { captureTransactionId: sent.response.id });
      }
      return {
        status: sent.kind === 'created' ? (200 as const) : (202 as const),
        body: await freshView(deps, p),
      };
    });
  });

  // Release: `reversal` with `target.preauth` lets an uncaptured hold go; the payment ends `released`.
  route(router, 'releasePayment', async (ctx, req) => {
    const held = await payment(deps, req.params.paymentId);
    return idempotent(ctx, deps, {}, async (orderId) => {
      const p = await pollPayment(deps, held);
      requireHeld(p);
      await deps.store.transaction(async (tx) => {
        await tx.payments.update(p.id, { releaseOrderId: orderId });
        await tx.reconcile.enqueue('payment', p.id, Date.now() + deps.reconcile.afterMs);
      });
      const sent = await sendMoneyRequest(deps.mandarin, deps.logger, 'transactionCreate', {
        payment: { action: 'reversal', orderId, price: formatAmount(p.amount) },
        target: { preauth: p.transactionId },
        ...urls(deps),
      });
      if (sent.kind === 'refused') {
        await deps.store.payments.clearRelease(p.id);
        await deps.store.reconcile.remove('payment', p.id);
        throw sent.error;
      }
      if (sent.kind === 'created') {
        await deps.store.payments.update(p.id, { releaseTransactionId: sent.response.id });
      }
      return { status: 202 as const, body: await freshView(deps, p) };
    });
  });

  return router;
}

/** Only a held (authorised) two-step payment, not being released already, can be captured or released. */
function requireHeld(p: PaymentRecord): asserts p is PaymentRecord & { transactionId: string } {
  if (!p.twoStep || p.status !== 'authorized' || p.transactionId === null || p.releaseOrderId !== null) {
    throw new BffError(409, 'CONFLICT', 'Only an authorised two-step payment can be completed or released');
  }
}
