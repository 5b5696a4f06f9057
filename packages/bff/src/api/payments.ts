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
  transactionResponseSchema,
  transactionStatusResponseSchema,
  uuidSchema,
} from '@mandarin-kit/core';
import type { Context } from 'koa';
import { z } from 'zod';
import type { BffDeps } from '../BffDeps.js';
import { settlePayment, settleRefund } from '../callbacks/applyCallback.js';
import { BffError, notFound } from '../http/BffError.js';
import { checkRefundSplit, sharesFromBody } from '../payments/routingInput.js';
import { paymentView, refundedShares, refundView } from '../payments/views.js';
import type { PaymentRecord, RefundRecord } from '../store/records.js';
import { body, param, requireRole } from './context.js';
import { idempotent } from './idempotent.js';

async function payment(ctx: Context, deps: BffDeps): Promise<PaymentRecord> {
  requireRole(ctx, 'operator');
  const id = param(ctx, 'paymentId', uuidSchema, 'Payment');
  const found = await deps.store.payments.get(id.toLowerCase());
  if (found === undefined) throw notFound('Payment');
  return found;
}

/** Brings a pending payment up to date from Mandarin (callbacks do this too; this covers a missed one). */
async function refresh(deps: BffDeps, p: PaymentRecord): Promise<PaymentRecord> {
  // A captured two-step payment is followed through its second transaction, everything else through its first.
  const id = p.captureTransactionId ?? p.transactionId;
  if (p.status !== 'pending' || id === null) return p;
  const upstream = await deps.mandarin.call('transactionStatus', {
    params: { id },
    schema: transactionStatusResponseSchema,
  });
  if (upstream.status === 'pending') return p;
  const held = p.twoStep && p.captureTransactionId === null;
  const status = upstream.status === 'failed' ? 'failed' : held ? 'authorized' : 'success';
  // Learnt before the callback: the payment moves here, and its event is relayed from here.
  const refs = { orderId: p.captureOrderId ?? p.orderId, transactionId: id };
  await deps.events.polled(refs, (tx, source) => settlePayment(tx, p, status, source));
  return { ...p, status };
}

/** A payment's refunds, each pending one brought up to date from Mandarin the way `refresh` does the payment. */
async function refreshRefunds(deps: BffDeps, p: PaymentRecord): Promise<RefundRecord[]> {
  const refunds = await deps.store.payments.refunds(p.id);
  return Promise.all(
    refunds.map(async (r) => {
      if (r.status !== 'pending' || r.transactionId === null) return r;
      const upstream = await deps.mandarin.call('transactionStatus', {
        params: { id: r.transactionId },
        schema: transactionStatusResponseSchema,
      });
      if (upstream.status === 'pending') return r;
      const status = upstream.status;
      await deps.events.polled(r, (tx, source) => settleRefund(tx, r, status, source));
      return { ...r, status };
    }),
  );
}

/** The payment stored for `orderId` by an earlier try of the same request, or a new pending one. */
async function pendingPayment(
  deps: BffDeps,
  fields: Pick<PaymentRecord, 'ownerId' | 'orderId' | 'twoStep' | 'amount' | 'routing' | 'customerEmail'>,
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
    status: 'pending',
    payUrl: null,
    jsOperationId: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.payments.insert(record);
  return record;
}

/** Creates a payment's (first) transaction; when Mandarin refuses it (4xx), the payment is failed. */
function createPaymentTransaction(deps: BffDeps, record: PaymentRecord, body: unknown) {
  return deps.mandarin
    .call('routedTransactionCreate', { body, schema: transactionResponseSchema, repeatable: true })
    .catch(async (error: unknown) => {
      if (error instanceof BffError && error.status < 500)
        await deps.store.payments.update(record.id, { status: 'failed' });
      throw error;
    });
}

const urls = (deps: BffDeps) =>
  deps.callbackUrl === undefined ? {} : { urls: { callback: deps.callbackUrl } };

/** Operator routes: routed payments (one- and two-step), refunds with routing.source, sub-merchants. */
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
      });
      const customerInfo = { email: input.customer.email, phone: `+${input.customer.phone}` };
      const money = { value: formatAmount(amount), currency: 'RUB' };
      const request = input.twoStep
        ? { payment: { action: 'preauth', orderId, amount: money }, customerInfo, ...urls(deps) }
        : {
            payment: { action: 'pay', orderId, amount: money },
            routing: toRoutingDestination(routing),
            customerInfo,
            ...urls(deps),
          };
      const created = await createPaymentTransaction(deps, record, request);
      const patch = {
        transactionId: created.id,
        payUrl: created.userWebLink ?? null,
        jsOperationId: created.jsOperationId ?? null,
      };
      await deps.store.payments.update(record.id, patch);
      return { status: 201, body: paymentView({ ...record, ...patch }, []) };
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
      });
      const created = await createPaymentTransaction(deps, record, {
        payment: { action: 'pay', orderId, amount: { value: formatAmount(amount), currency: 'RUB' } },
        target: { card: card.id },
        routing: toRoutingDestination(routing),
        ...urls(deps),
      });
      await deps.store.payments.update(record.id, { transactionId: created.id });
      return { status: 201, body: paymentView({ ...record, transactionId: created.id }, []) };
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
    const p = await refresh(deps, await payment(ctx, deps));
    ctx.body = paymentView(p, await refreshRefunds(deps, p));
  });

  router.post('/payments/:paymentId/complete', async (ctx) => {
    const p = await refresh(deps, await payment(ctx, deps));
    const input = await body(ctx, completePaymentBodySchema);
    if (!p.twoStep || p.status !== 'authorized' || p.transactionId === null) {
      throw new BffError(409, 'CONFLICT', 'Only an authorised two-step payment can be completed');
    }
    const routing = sharesFromBody(p.amount, input.routing);
    await idempotent(ctx, deps, input, async (orderId) => {
      await deps.store.payments.update(p.id, { captureOrderId: orderId, routing });
      const created = await deps.mandarin.call('routedTransactionCreate', {
        body: {
          payment: { action: 'pay', orderId, amount: { value: formatAmount(p.amount), currency: 'RUB' } },
          target: { preauth: p.transactionId },
          routing: toRoutingDestination(routing),
          ...urls(deps),
        },
        schema: transactionResponseSchema,
        repeatable: true,
      });
      await deps.store.payments.update(p.id, { captureTransactionId: created.id, status: 'pending' });
      const fresh = (await deps.store.payments.get(p.id))!;
      return { status: 200, body: paymentView(fresh, await deps.store.payments.refunds(p.id)) };
    });
  });

  router.post('/payments/:paymentId/refunds', async (ctx) => {
    const p = await refresh(deps, await payment(ctx, deps));
    const input = await body(ctx, createRefundBodySchema);
    const target = p.captureTransactionId ?? p.transactionId;
    if (p.status !== 'success' || target === null)
      throw new BffError(409, 'CONFLICT', 'Only a paid payment can be refunded');
    const amount = parseAmount(input.amount);
    await idempotent(ctx, deps, input, async (orderId) => {
      const refunds = await deps.store.payments.refunds(p.id);
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
      const refund = {
        id: randomUUID(),
        paymentId: p.id,
        orderId,
        transactionId: null,
        status: 'pending' as const,
        amount,
        routing: split,
        createdAt: new Date().toISOString(),
      };
      await deps.store.payments.insertRefund(refund);
      const created = await deps.mandarin
        .call('transactionCreate', {
          body: {
            payment: { action: 'reversal', orderId, price: formatAmount(amount) },
            target: { transaction: target },
            routing: toRoutingSource(split),
            ...urls(deps),
          },
          schema: z.looseObject({ id: z.string() }),
          repeatable: true,
        })
        .catch(async (error: unknown) => {
          if (error instanceof BffError && error.status < 500)
            await deps.store.payments.updateRefund(refund.id, { status: 'failed' });
          throw error;
        });
      await deps.store.payments.updateRefund(refund.id, { transactionId: created.id });
      return { status: 201, body: refundView({ ...refund, transactionId: created.id }) };
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
