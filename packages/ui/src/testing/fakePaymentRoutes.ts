import {
  formatAmount,
  fromRoutingWire,
  type PaymentView,
  parseAmount,
  type RefundView,
  type RoutingEntryBody,
  splitRefund,
  toRoutingSource,
  validateRouting,
} from '@mandarin-kit/core';
import type { ApiErrorCode } from '../client/ApiError.js';
import type { FakeEventHub } from './FakeEventSource.js';
import { pageOf } from './fakeData.js';
import { json } from './fakeResponses.js';
import type { FakeEndpoint, FakeScenario } from './fakeScenario.js';

/** One route of the fake BFF: method, path, the endpoint a scenario names it by, and its answer. */
export type FakeRoute = [string, RegExp, FakeEndpoint | null, (body: unknown, url: URL) => Response];

type ErrorBody = (code: ApiErrorCode, message: string, fields?: Record<string, string[]>) => unknown;

const rub = (minor: bigint) => ({ amount: formatAmount(minor), currency: 'RUB' as const });
const idOf = (url: URL, back = 0) => decodeURIComponent(url.pathname.split('/').at(-1 - back) ?? '');

/**
 * The operator's payments in the fake BFF, as the real one keeps them: the list (paged and filtered), one
 * payment, the capture of a held two-step payment and refunds (never more than is refundable, split in
 * proportion by default), each finished later by a `transaction.status` event as Mandarin's callback would.
 */
export function fakePaymentRoutes(
  scenario: FakeScenario,
  errorBody: ErrorBody,
  hub: FakeEventHub,
  now: () => string,
) {
  let payments = (scenario.payments ?? []).map((p) => ({ ...p }));
  let refunds = 0;
  const find = (id: string) => payments.find((p) => p.id === id);
  const put = (next: PaymentView) => {
    payments = payments.map((p) => (p.id === next.id ? next : p));
    return next;
  };
  const emit = (p: PaymentView, status: string, refundId: string | null, reason: string | null) =>
    hub.emit('transaction.status', {
      kind: refundId === null ? 'payment' : 'refund',
      operationId: null,
      paymentId: p.id,
      refundId,
      walletId: null,
      status,
      orderId: p.orderId,
      transactionId: null,
      reason,
    });

  /** Finishes a payment (a capture, say) as Mandarin's callback would, and emits its event. */
  const settlePayment = (paymentId: string, status: 'success' | 'failed', reason?: string) => {
    const p = find(paymentId);
    if (!p) return;
    const failureReason = status === 'failed' ? (reason ?? 'Declined by the bank') : null;
    const next = put({ ...p, status, failureReason, refundable: status === 'success' ? p.amount : rub(0n) });
    emit(next, status, null, failureReason);
  };

  /** Finishes a refund as Mandarin's callback would; a failed one gives its amount back to what is refundable. */
  const settleRefund = (
    paymentId: string,
    refundId: string,
    status: 'success' | 'failed',
    reason?: string,
  ) => {
    const p = find(paymentId);
    const refund = p?.refunds.find((r) => r.id === refundId);
    if (!p || !refund) return;
    const failureReason = status === 'failed' ? (reason ?? 'Declined by the bank') : null;
    const back = status === 'failed' ? parseAmount(refund.amount.amount) : 0n;
    const next = put({
      ...p,
      refunds: p.refunds.map((r) => (r.id === refundId ? { ...r, status, failureReason } : r)),
      refundable: rub(parseAmount(p.refundable.amount) + back),
    });
    emit(next, status, refundId, failureReason);
  };

  const later = (
    final: 'success' | 'failed' | null | undefined,
    delay: number | undefined,
    fn: (s: 'success' | 'failed') => void,
  ) => {
    const status = final === undefined ? 'success' : final;
    if (status !== null) setTimeout(() => fn(status), delay ?? 30);
  };

  const routes: FakeRoute[] = [
    [
      'GET',
      /^\/api\/payments$/,
      'listPayments',
      (_, url) => {
        const page = pageOf(payments, url.searchParams);
        return json(200, { payments: page.rows, nextCursor: page.nextCursor });
      },
    ],
    [
      'GET',
      /^\/api\/payments\/[^/]+$/,
      'getPayment',
      (_, url) => {
        const p = find(idOf(url));
        return p ? json(200, p) : json(404, errorBody('NOT_FOUND', 'Payment not found'));
      },
    ],
    [
      'POST',
      /^\/api\/payments\/[^/]+\/complete$/,
      'completePayment',
      (raw, url) => {
        const p = find(idOf(url, 1));
        if (!p) return json(404, errorBody('NOT_FOUND', 'Payment not found'));
        if (p.status !== 'authorized')
          return json(409, errorBody('CONFLICT', 'Only an authorised two-step payment can be completed'));
        const routing = (raw as { routing: RoutingEntryBody[] }).routing;
        const issues = validateRouting(parseAmount(p.amount.amount), fromRoutingWire(routing));
        if (issues.length > 0)
          return json(
            400,
            errorBody('VALIDATION_FAILED', 'The split is not valid', {
              routing: issues.map((i) => i.message),
            }),
          );
        const next = put({ ...p, status: 'pending', routing });
        later(scenario.capture?.finalStatus, scenario.capture?.eventDelayMs, (status) =>
          settlePayment(p.id, status, scenario.capture?.failure),
        );
        return json(200, next);
      },
    ],
    [
      'POST',
      /^\/api\/payments\/[^/]+\/refunds$/,
      'createRefund',
      (raw, url) => {
        const p = find(idOf(url, 1));
        if (!p) return json(404, errorBody('NOT_FOUND', 'Payment not found'));
        if (p.status !== 'success')
          return json(409, errorBody('CONFLICT', 'Only a paid payment can be refunded'));
        const body = raw as { amount: string; routing?: RoutingEntryBody[] };
        const amount = parseAmount(body.amount);
        const refundable = parseAmount(p.refundable.amount);
        if (amount > refundable)
          return json(
            400,
            errorBody('VALIDATION_FAILED', 'More than can be refunded', {
              amount: [`At most ${formatAmount(refundable)} can be refunded`],
            }),
          );
        const done = p.refunds
          .filter((r) => r.status !== 'failed')
          .flatMap((r) => fromRoutingWire(r.routing));
        const routing =
          body.routing ?? toRoutingSource(splitRefund(fromRoutingWire(p.routing), done, amount)).source;
        refunds++;
        const refund: RefundView = {
          id: `c1c2c3d4-${String(refunds).padStart(4, '0')}-4000-8000-000000000000`,
          status: 'pending',
          amount: rub(amount),
          routing,
          failureReason: null,
          createdAt: now(),
        };
        put({ ...p, refunds: [...p.refunds, refund], refundable: rub(refundable - amount) });
        later(scenario.refund?.finalStatus, scenario.refund?.eventDelayMs, (status) =>
          settleRefund(p.id, refund.id, status, scenario.refund?.failure),
        );
        return json(201, refund);
      },
    ],
  ];
  return { routes, payments: () => payments, settlePayment, settleRefund };
}
