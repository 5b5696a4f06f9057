import { formatAmount, type PaymentView, type RefundView, toRoutingDestination } from '@mandarin-kit/core';
import type { PaymentRecord, RefundRecord } from '../store/records.js';

const money = (minor: bigint) => ({ amount: formatAmount(minor), currency: 'RUB' as const });

/** Refunds that have not failed count against what can still be refunded. */
export function refundedShares(refunds: readonly RefundRecord[]) {
  return refunds.filter((r) => r.status !== 'failed').flatMap((r) => r.routing);
}

/** A refund as the operator sees it. */
export function refundView(r: RefundRecord): RefundView {
  return {
    id: r.id,
    status: r.status,
    amount: money(r.amount),
    routing: toRoutingDestination(r.routing).destination,
    failureReason: r.failureMessage,
    createdAt: r.createdAt,
  };
}

/** A payment with its refunds and what remains refundable. */
export function paymentView(p: PaymentRecord, refunds: readonly RefundRecord[]): PaymentView {
  const refunded = refunds.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amount, 0n);
  return {
    id: p.id,
    orderId: p.orderId,
    status: p.status,
    twoStep: p.twoStep,
    amount: money(p.amount),
    routing: toRoutingDestination(p.routing).destination,
    payUrl: p.payUrl,
    jsOperationId: p.jsOperationId,
    refunds: refunds.map(refundView),
    refundable: money(p.status === 'success' ? p.amount - refunded : 0n),
    description: p.description,
    failureReason: p.failureMessage,
    createdAt: p.createdAt,
  };
}
