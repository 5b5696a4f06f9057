import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import { parseAmount, type RouteReply, toRoutingDestination } from '@mandarin-kit/core';
import type { BffDeps } from '../BffDeps.js';
import { notFound } from '../http/BffError.js';
import { withExtras } from '../operations/mandarinRequests.js';
import { holdRoutes } from '../payments/holdRoutes.js';
import { freshView, money, payment, urls } from '../payments/paymentAccess.js';
import { refundRoutes } from '../payments/refundRoutes.js';
import { sharesFromBody } from '../payments/routingInput.js';
import { subMerchantRoutes } from '../payments/subMerchantRoutes.js';
import { paymentView } from '../payments/views.js';
import { pollPayment } from '../status/poll.js';
import { settlePayment } from '../status/settle.js';
import type { PaymentRecord } from '../store/records.js';
import { sendMoneyRequest } from '../upstream/sendMoneyRequest.js';
import { userOf } from './context.js';
import { idempotent } from './idempotent.js';
import { nextCursor, readCursor } from './pageCursor.js';
import { ok, route } from './route.js';

/** The answer to a request that creates a payment: created (201), or its outcome not known yet (202). */
type PaymentReply = RouteReply<'createPayment'>;

/** The payment stored for `orderId` by an earlier try of the same request, or a new pending one. */
async function pendingPayment(
  deps: BffDeps,
  fields: Pick<
    PaymentRecord,
    'ownerId' | 'orderId' | 'twoStep' | 'amount' | 'routing' | 'customerEmail' | 'description'
  >,
): Promise<PaymentRecord> {
  const stored = await deps.store.payments.findByTransactionOrOrder(null, fields.orderId);
  if (stored !== undefined) return stored;
  const now = new Date().toISOString();
  const record: PaymentRecord = {
    id: randomUUID(),
    ...fields,
    transactionId: null,
    captureOrderId: null,
    captureTransactionId: null,
    releaseOrderId: null,
    releaseTransactionId: null,
    failureMessage: null,
    status: 'pending',
    payUrl: null,
    jsOperationId: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (tx) => {
    await tx.payments.insert(record);
    await tx.reconcile.enqueue('payment', record.id, Date.now() + deps.reconcile.afterMs);
  });
  return record;
}

/**
 * Sends a payment's first transaction, once: 201 once Mandarin created it, 202 while its outcome is unknown (it
 * stays pending until Mandarin's word), Mandarin's refusal as 422 with the payment failed for its reason.
 */
async function sendPayment(
  deps: BffDeps,
  record: PaymentRecord,
  request: Record<string, unknown>,
  payer: 'present' | 'absent',
): Promise<PaymentReply> {
  if (record.transactionId !== null || record.status !== 'pending') {
    return { status: 201, body: paymentView(record, []) }; // sent before: Mandarin has it
  }
  const sent = await sendMoneyRequest(deps.mandarin, deps.logger, 'routedTransactionCreate', request);
  if (sent.kind === 'refused') {
    const refs = { orderId: record.orderId, transactionId: null };
    await deps.events.polled(refs, (tx, source) =>
      settlePayment(tx, record, 'first', 'failed', source, sent.error.message),
    );
    throw sent.error;
  }
  if (sent.kind === 'unknown') {
    return { status: 202, body: paymentView(await pollPayment(deps, record).catch(() => record), []) };
  }
  // A charge with no payer present has no page for anyone to open.
  const patch = {
    transactionId: sent.response.id,
    payUrl: payer === 'present' ? (sent.response.userWebLink ?? null) : null,
    jsOperationId: payer === 'present' ? (sent.response.jsOperationId ?? null) : null,
  };
  await deps.store.payments.update(record.id, patch);
  return { status: 201, body: paymentView({ ...record, ...patch }, []) };
}

/**
 * Operator routes: routed payments (one- and two-step: capture or release of the hold), recurring charges,
 * refunds with routing.source, sub-merchants. Shapes from Mandarin's payments reference: capture is `pay` with
 * `target.preauth`, release is `reversal` with `target.preauth`, a refund is `reversal` with `target.transaction`;
 * the routing goes with the capturing `pay` (seed).
 */
export function paymentRoutes(deps: BffDeps): Router {
  const router = new Router();

  route(router, 'createPayment', async (ctx, req) => {
    const user = userOf(ctx);
    const input = await req.body();
    const amount = parseAmount(input.amount);
    const routing = input.routing === undefined ? [] : sharesFromBody(amount, input.routing);
    return idempotent(ctx, deps, input, async (orderId) => {
      const record = await pendingPayment(deps, {
        ownerId: user.id,
        orderId,
        twoStep: input.twoStep,
        amount,
        routing,
        customerEmail: input.customer.email,
        description: input.description ?? null,
      });
      const customerInfo = { email: input.customer.email, phone: `+${input.customer.phone}` };
      const request = input.twoStep
        ? { payment: { action: 'preauth', orderId, amount: money(amount) }, customerInfo }
        : {
            payment: { action: 'pay', orderId, amount: money(amount) },
            routing: toRoutingDestination(routing),
            customerInfo,
          };
      return sendPayment(deps, record, withExtras(request, input, deps.callbackUrl), 'present');
    });
  });

  // Recurring (auto-debit): charged to a card a customer bound for it, with no payer present.
  route(router, 'createRecurringPayment', async (ctx, req) => {
    const user = userOf(ctx);
    const input = await req.body();
    const amount = parseAmount(input.amount);
    const routing = sharesFromBody(amount, input.routing);
    const card = await deps.store.cards.get(input.cardId.toLowerCase());
    if (card === undefined || card.status !== 'active') throw notFound('Card');
    return idempotent(ctx, deps, input, async (orderId) => {
      const record = await pendingPayment(deps, {
        ownerId: user.id,
        orderId,
        twoStep: false,
        amount,
        routing,
        customerEmail: '',
        description: input.description ?? null,
      });
      return sendPayment(
        deps,
        record,
        {
          payment: { action: 'pay', orderId, amount: money(amount) },
          target: { card: card.id },
          routing: toRoutingDestination(routing),
          ...urls(deps),
        },
        'absent',
      );
    });
  });

  // Every operator sees every payment (as `GET /payments/:id` does), a page at a time, refunds in one query.
  route(router, 'listPayments', async (_ctx, req) => {
    const q = req.query();
    const page = await deps.store.payments.page({
      statuses: q.status,
      orderId: q.orderId,
      from: q.from,
      to: q.to,
      after: readCursor(q.cursor),
      limit: q.limit,
    });
    const refunds = await deps.store.payments.refundsOf(page.rows.map((p) => p.id));
    return ok({
      payments: page.rows.map((p) => paymentView(p, refunds.get(p.id) ?? [])),
      nextCursor: nextCursor(page),
    });
  });

  route(router, 'getPayment', async (_ctx, req) =>
    ok(await freshView(deps, await payment(deps, req.params.paymentId))),
  );

  router.use(holdRoutes(deps).routes(), refundRoutes(deps).routes(), subMerchantRoutes(deps).routes());

  return router;
}
