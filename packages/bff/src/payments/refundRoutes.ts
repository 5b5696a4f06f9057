import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import {
  formatAmount,
  MoneyError,
  parseAmount,
  type RouteReply,
  splitRefund,
  toRoutingSource,
} from '@mandarin-kit/core';
import { idempotent } from '../api/idempotent.js';
import { route } from '../api/route.js';
import type { BffDeps } from '../BffDeps.js';
import { BffError } from '../http/BffError.js';
import { withExtras } from '../operations/mandarinRequests.js';
import { pollPayment, pollRefund } from '../status/poll.js';
import { settleRefund } from '../status/settle.js';
import { sendMoneyRequest } from '../upstream/sendMoneyRequest.js';
import { payment } from './paymentAccess.js';
import { checkRefundSplit, sharesFromBody } from './routingInput.js';
import { refundedShares, refundView } from './views.js';

/**
 * Refunds of a paid payment, by the operator: `reversal` with `target.transaction` and `routing.source`, split in
 * proportion by default, never more than each account still holds of the payment.
 */
export function refundRoutes(deps: BffDeps): Router {
  const router = new Router();

  route(router, 'createRefund', async (ctx, req) => {
    const paid = await payment(deps, req.params.paymentId);
    const input = await req.body();
    const amount = parseAmount(input.amount);
    return idempotent(ctx, deps, input, async (orderId): Promise<RouteReply<'createRefund'>> => {
      const p = await pollPayment(deps, paid);
      const target = p.captureTransactionId ?? p.transactionId;
      if (p.status !== 'success' || target === null)
        throw new BffError(409, 'CONFLICT', 'Only a paid payment can be refunded');
      // A refund that ended without its callback must not hold back what can still be refunded.
      const refunds = await Promise.all(
        (await deps.store.payments.refunds(p.id)).map((r) => pollRefund(deps, r)),
      );
      const refunded = refundedShares(refunds);
      let split = input.routing === undefined ? undefined : sharesFromBody(amount, input.routing);
      if (split === undefined) {
        try {
          split = splitRefund(p.routing, refunded, amount, { refundFee: input.refundFee });
        } catch (error) {
          if (error instanceof MoneyError) {
            throw new BffError(400, 'VALIDATION_FAILED', error.message, {
              fields: { amount: [error.message] },
            });
          }
          throw error;
        }
      } else {
        checkRefundSplit(p.routing, refunded, split);
      }
      let refund = refunds.find((r) => r.orderId === orderId);
      if (refund === undefined) {
        refund = {
          id: randomUUID(),
          paymentId: p.id,
          orderId,
          transactionId: null,
          status: 'pending' as const,
          amount,
          routing: split,
          failureMessage: null,
          createdAt: new Date().toISOString(),
        };
        const created = refund;
        await deps.store.transaction(async (tx) => {
          await tx.payments.insertRefund(created);
          await tx.reconcile.enqueue('refund', created.id, Date.now() + deps.reconcile.afterMs);
        });
      }
      const pending = refund;
      const sent = await sendMoneyRequest(
        deps.mandarin,
        deps.logger,
        'transactionCreate',
        withExtras(
          {
            payment: { action: 'reversal', orderId, price: formatAmount(amount) },
            target: { transaction: target },
            routing: toRoutingSource(split),
          },
          input,
          deps.callbackUrl,
        ),
      );
      if (sent.kind === 'refused') {
        const refs = { orderId, transactionId: null };
        await deps.events.polled(refs, (tx, source) =>
          settleRefund(tx, pending, 'failed', source, sent.error.message),
        );
        throw sent.error;
      }
      if (sent.kind === 'unknown') {
        return { status: 202, body: refundView(await pollRefund(deps, pending).catch(() => pending)) };
      }
      await deps.store.payments.updateRefund(pending.id, { transactionId: sent.response.id });
      return { status: 201, body: refundView({ ...pending, transactionId: sent.response.id }) };
    });
  });

  return router;
}
