import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import {
  businessAccountCreateResponseSchema,
  completePaymentBodySchema,
  createPaymentBodySchema,
  createRecurringPaymentBodySchema,
  createRefundBodySchema,
  formatAmount,
  linkSubMerchantBodySchema,
  MoneyError,
  parseAmount,
  splitRefund,
  toRoutingDestination,
  toRoutingSource,
  uuidSchema,
} from '@mandarin-kit/core';
import type { Context } from 'koa';
import type { BffDeps } from '../BffDeps.js';
import { BffError, notFound } from '../http/BffError.js';
import { withExtras } from '../operations/mandarinRequests.js';
import { checkRefundSplit, sharesFromBody } from '../payments/routingInput.js';
import { paymentView, refundedShares, refundView } from '../payments/views.js';
import { pollPayment, pollRefund } from '../status/poll.js';
import { settlePayment, settleRefund } from '../status/settle.js';
import type { PaymentRecord } from '../store/records.js';
import { sendMoneyRequest } from '../upstream/sendMoneyRequest.js';
import { body, param, requireRole } from './context.js';
import { idempotent } from './idempotent.js';

async function payment(ctx: Context, deps: BffDeps): Promise<PaymentRecord> {
  requireRole(ctx, 'operator');
  const id = param(ctx, 'paymentId', uuidSchema, 'Payment');
  const found = await deps.store.payments.get(id.toLowerCase());
  if (found === undefined) throw notFound('Payment');
  return found;
}

/** A payment (brought up to date from Mandarin) and its refunds (each pending one too), as the operator sees them. */
async function freshView(deps: BffDeps, p: PaymentRecord) {
  const now = await pollPayment(deps, p);
  const refunds = await Promise.all(
    (await deps.store.payments.refunds(p.id)).map((r) => pollRefund(deps, r)),
  );
  return paymentView(now, refunds);
}

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
) {
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

const urls = (deps: BffDeps) =>
  deps.callbackUrl === undefined ? {} : { urls: { callback: deps.callbackUrl } };
const money = (amount: bigint) => ({ value: formatAmount(amount), currency: 'RUB' });

/**
 * Operator routes: routed payments (one- and two-step: capture or release of the hold), recurring charges,
 * refunds with routing.source, sub-merchants. Shapes from Mandarin's payments reference: capture is `pay` with
 * `target.preauth`, release is `reversal` with `target.preauth`, a refund is `reversal` with `target.transaction`;
 * the routing goes with the capturing `pay` (seed).
 */
export function paymentRoutes(deps: BffDeps): Router {
  const router = new Router();

  router.post('/payments', async (ctx) => {
    const user = requireRole(ctx, 'operator');
    const input = await body(ctx, createPaymentBodySchema);
    const amount = parseAmount(input.amount);
    const routing = input.routing === undefined ? [] : sharesFromBody(amount, input.routing);
    await idempotent(ctx, deps, input, async (orderId) => {
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
  router.post('/payments/recurring', async (ctx) => {
    const user = requireRole(ctx, 'operator');
    const input = await body(ctx, createRecurringPaymentBodySchema);
    const amount = parseAmount(input.amount);
    const routing = sharesFromBody(amount, input.routing);
    const card = await deps.store.cards.get(input.cardId.toLowerCase());
    if (card === undefined || card.status !== 'active') throw notFound('Card');
    await idempotent(ctx, deps, input, async (orderId) => {
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

  router.get('/payments', async (ctx) => {
    requireRole(ctx, 'operator');
    const payments = await deps.store.payments.list();
    ctx.body = {
      payments: await Promise.all(
        payments.map(async (p) => paymentView(p, await deps.store.payments.refunds(p.id))),
      ),
    };
  });

  router.get('/payments/:paymentId', async (ctx) => {
    ctx.body = await freshView(deps, await payment(ctx, deps));
  });

  // Capture: `pay` with `target.preauth`, carrying the routing (seed), for the held amount.
  router.post('/payments/:paymentId/complete', async (ctx) => {
    const held = await payment(ctx, deps);
    const input = await body(ctx, completePaymentBodySchema);
    const routing = sharesFromBody(held.amount, input.routing);
    await idempotent(ctx, deps, input, async (orderId) => {
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
      return { status: sent.kind === 'created' ? 200 : 202, body: await freshView(deps, p) };
    });
  });

  // Release: `reversal` with `target.preauth` lets an uncaptured hold go; the payment ends `released`.
  router.post('/payments/:paymentId/release', async (ctx) => {
    const held = await payment(ctx, deps);
    await idempotent(ctx, deps, {}, async (orderId) => {
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
      return { status: 202, body: await freshView(deps, p) };
    });
  });

  router.post('/payments/:paymentId/refunds', async (ctx) => {
    const paid = await payment(ctx, deps);
    const input = await body(ctx, createRefundBodySchema);
    const amount = parseAmount(input.amount);
    await idempotent(ctx, deps, input, async (orderId) => {
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

  router.post('/sub-merchants', async (ctx) => {
    const user = requireRole(ctx, 'operator');
    const input = await body(ctx, linkSubMerchantBodySchema);
    await idempotent(ctx, deps, input, async () => {
      const account = await deps.mandarin.call('businessAccountCreate', {
        body: { accountType: 'business', token: input.token },
        schema: businessAccountCreateResponseSchema,
      });
      const record = {
        id: account.id,
        ownerId: user.id,
        type: account.type,
        linkedAt: new Date().toISOString(),
      };
      await deps.store.payments.insertSubMerchant(record);
      return { status: 201, body: { id: record.id, type: record.type, linkedAt: record.linkedAt } };
    });
  });

  router.get('/sub-merchants', async (ctx) => {
    requireRole(ctx, 'operator');
    const all = await deps.store.payments.subMerchants();
    ctx.body = { subMerchants: all.map((s) => ({ id: s.id, type: s.type, linkedAt: s.linkedAt })) };
  });

  return router;
}

/** Only a held (authorised) two-step payment, not being released already, can be captured or released. */
function requireHeld(p: PaymentRecord): asserts p is PaymentRecord & { transactionId: string } {
  if (!p.twoStep || p.status !== 'authorized' || p.transactionId === null || p.releaseOrderId !== null) {
    throw new BffError(409, 'CONFLICT', 'Only an authorised two-step payment can be completed or released');
  }
}
