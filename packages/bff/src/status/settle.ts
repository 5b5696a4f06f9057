import type { TransactionStatusEvent } from '@mandarin-kit/core';
import type { Audience, StoredEvent } from '../store/events.js';
import type {
  FailureReason,
  OperationRecord,
  PaymentRecord,
  RefundRecord,
  WalletRecord,
} from '../store/records.js';
import type { Store } from '../store/Store.js';

// The status machine: every status change the BFF stores goes through one of these, whether a callback, a poll
// or the reconciler learnt it. Each moves a status only forward (a late or repeated report changes nothing),
// records exactly one event per change, and stops the reconciler following what has ended.

/** How a wallet operation ends: Mandarin's two outcomes, or the payer rejecting a two-step SBP payout. */
export type FinalOperationStatus = 'success' | 'failed' | 'rejected';

/** Where a status change was learnt: Mandarin's references, and the inbox row of a callback (null for a poll). */
export interface StatusSource {
  orderId: string | null;
  transactionId: string | null;
  inboxId: bigint | null;
  /** Whether the host's onEvent hook is to be called for the event. */
  hook: boolean;
}

/** A `transaction.status` event's data: Mandarin's references from `source`, the rest from `fields`. */
export const transactionEvent = (
  source: StatusSource,
  fields: Partial<TransactionStatusEvent> & Pick<TransactionStatusEvent, 'status'>,
): TransactionStatusEvent => ({
  kind: 'unknown',
  operationId: null,
  paymentId: null,
  refundId: null,
  walletId: null,
  orderId: source.orderId,
  transactionId: source.transactionId,
  ...fields,
});

/** Stores one event for `audience`, tied to the callback's inbox row (none for a poll). */
export const recordEvent = (
  store: Store,
  audience: Audience,
  type: string,
  data: unknown,
  source: Pick<StatusSource, 'inboxId' | 'hook'>,
) => store.events.insert({ audience, type, data, inboxId: source.inboxId, hook: source.hook });

/**
 * Ends a wallet operation and records its `transaction.status` event for the owner, unless it had ended already.
 * Whoever learns of the end first (the callback, or a poll of Mandarin that got there before it) records the one
 * event; the other changes nothing. A status the BFF inferred (`inferred`) still gives way to a different one that
 * Mandarin reports later, relayed as a new event.
 */
export async function finishOperation(
  store: Store,
  op: OperationRecord,
  status: FinalOperationStatus,
  source: StatusSource,
  how: { failure: FailureReason | null; inferred: boolean },
): Promise<StoredEvent[]> {
  const moved = await store.operations.finish(op.id, status, { ...how, transactionId: source.transactionId });
  if (!moved) return [];
  await store.reconcile.remove('operation', op.id);
  const data = transactionEvent(source, {
    kind: 'operation',
    operationId: op.id,
    walletId: op.walletId,
    status,
    reason: status === 'success' ? null : (how.failure?.message ?? null),
  });
  return [await recordEvent(store, { ownerId: op.ownerId }, 'transaction.status', data, source)];
}

/** Which of a payment's transactions Mandarin's references name: its first, its capture or its release. */
export type PaymentStep = 'first' | 'capture' | 'release';

/** The step of `payment` that Mandarin's references (of a callback or a status read) are about. */
export function paymentStep(
  payment: PaymentRecord,
  refs: { orderId: string | null; transactionId: string | null },
): PaymentStep {
  const is = (order: string | null, id: string | null) =>
    (order !== null && order === refs.orderId) || (id !== null && id === refs.transactionId);
  if (is(payment.captureOrderId, payment.captureTransactionId)) return 'capture';
  if (is(payment.releaseOrderId, payment.releaseTransactionId)) return 'release';
  return 'first';
}

/**
 * Applies Mandarin's final word on one step of a payment and records its event for the operators, unless the
 * payment had moved already: the first transaction ends a one-step payment (or authorises a two-step one), the
 * capture completes it, the release lets its hold go (a failed release leaves it authorised and says nothing).
 */
export async function settlePayment(
  store: Store,
  payment: PaymentRecord,
  step: PaymentStep,
  outcome: 'success' | 'failed',
  source: StatusSource,
  failureMessage: string | null = null,
): Promise<StoredEvent[]> {
  let from: PaymentRecord['status'] = 'pending';
  let to: PaymentRecord['status'];
  if (step === 'release') {
    if (outcome === 'failed') {
      await store.payments.clearRelease(payment.id);
      await store.reconcile.remove('payment', payment.id);
      return [];
    }
    from = 'authorized';
    to = 'released';
  } else if (outcome === 'failed') {
    to = 'failed';
  } else {
    to = payment.twoStep && step === 'first' ? 'authorized' : 'success';
  }
  const moved = await store.payments.transition(payment.id, from, to, {
    failureMessage: to === 'failed' ? failureMessage : null,
    transactionId: step === 'first' ? source.transactionId : null,
  });
  if (!moved) return [];
  // An authorised payment waits for the operator, not for Mandarin.
  await store.reconcile.remove('payment', payment.id);
  const data = transactionEvent(source, {
    kind: 'payment',
    paymentId: payment.id,
    status: to,
    reason: to === 'failed' ? failureMessage : null,
  });
  return [await recordEvent(store, 'operator', 'transaction.status', data, source)];
}

/** Ends a pending refund and records its event for the operators, unless it had ended already. */
export async function settleRefund(
  store: Store,
  refund: RefundRecord,
  status: 'success' | 'failed',
  source: StatusSource,
  failureMessage: string | null = null,
): Promise<StoredEvent[]> {
  const moved = await store.payments.finishRefund(refund.id, status, {
    failureMessage: status === 'failed' ? failureMessage : null,
    transactionId: source.transactionId,
  });
  if (!moved) return [];
  await store.reconcile.remove('refund', refund.id);
  const data = transactionEvent(source, {
    kind: 'refund',
    paymentId: refund.paymentId,
    refundId: refund.id,
    status,
    reason: status === 'failed' ? failureMessage : null,
  });
  return [await recordEvent(store, 'operator', 'transaction.status', data, source)];
}

/** Completes a pending card binding and records its event for the owner, unless it had completed already. */
export async function settleCard(
  store: Store,
  card: { id: string; ownerId: string },
  result: Parameters<Store['cards']['complete']>[1],
  source: Pick<StatusSource, 'inboxId' | 'hook'>,
): Promise<StoredEvent[]> {
  if (!(await store.cards.complete(card.id, result))) return [];
  await store.reconcile.remove('card', card.id);
  const data = { cardId: card.id, status: result.status, cardMasked: result.cardMasked };
  return [await recordEvent(store, { ownerId: card.ownerId }, 'card_binding.status', data, source)];
}

/** Wallet statuses after which nothing more is awaited from Mandarin. */
export const WALLET_SETTLED: ReadonlySet<string> = new Set(['Success', 'Failed', 'Blocked', 'Suspended']);

/**
 * The owner's `esp.status` event when a wallet's status is news to the BFF: `before` is the wallet as stored until
 * now, `applied` whether the new status was written. The webhook and a poll of Mandarin may each be first; the
 * one that finds the status already stored relays nothing.
 */
export async function walletStatusEvents(
  store: Store,
  before: WalletRecord,
  status: string,
  applied: boolean,
  source: Pick<StatusSource, 'inboxId' | 'hook'>,
): Promise<StoredEvent[]> {
  if (applied && WALLET_SETTLED.has(status)) await store.reconcile.remove('wallet', before.id);
  if (!applied || before.status === status) return [];
  const data = { walletId: before.id, status };
  return [await recordEvent(store, { ownerId: before.ownerId }, 'esp.status', data, source)];
}
