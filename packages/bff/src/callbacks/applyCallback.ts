import type { TransactionStatusEvent } from '@mandarin-kit/core';
import type { Audience, StoredEvent } from '../store/events.js';
import type { OperationRecord, PaymentRecord, RefundRecord, WalletRecord } from '../store/records.js';
import type { Store } from '../store/Store.js';
import type { NormalisedCallback } from './types.js';

const PROVIDER_EVENT = {
  transfers: 'transfer.status',
  gateway: 'gateway.operation',
  widget: 'widget.notification',
  processing: 'processing.status',
} as const;

/**
 * Applies a newly stored callback inside the inbox transaction: moves the status of what it is about (only
 * forward: a late or repeated report changes nothing) and records events for the owner the BFF recorded when
 * it created the operation. What the BFF can't attribute goes to the operator stream.
 */
export async function applyCallback(
  store: Store,
  callback: NormalisedCallback,
  inboxId: bigint,
  hook: boolean,
): Promise<StoredEvent[]> {
  const emit = (audience: Audience, type: string, data: unknown) =>
    recordEvent(store, audience, type, data, { inboxId, hook });

  if (callback.kind === 'esp') {
    const wallet = await store.wallets.get(callback.paymentTokenId);
    const data = { walletId: callback.paymentTokenId, status: callback.status };
    if (wallet === undefined) return [await emit('operator', 'esp.status', data)];
    const applied = await store.wallets.applyStatus(wallet.id, callback.status, callback.createdAt);
    return walletStatusEvents(store, wallet, callback.status, applied, { inboxId, hook });
  }

  if (callback.kind === 'provider') {
    const data = {
      provider: callback.provider,
      reference: callback.reference,
      status: callback.status,
      details: {
        ...callback.details,
        ...(callback.orderReference ? { orderReference: callback.orderReference } : {}),
      },
    };
    return [await emit('operator', PROVIDER_EVENT[callback.provider], data)];
  }

  if (callback.objectType === 'card_binding' && callback.card !== null) {
    const card = await store.cards.get(callback.card.bindingId);
    const status = callback.status === 'success' ? 'active' : 'failed';
    const data = { cardId: callback.card.bindingId, status, cardMasked: callback.card.masked };
    if (card === undefined) return [await emit('operator', 'card_binding.status', data)];
    const changed = await store.cards.complete(card.id, {
      status,
      cardMasked: callback.card.masked,
      cardHolder: callback.card.holder,
      expiryMonth: callback.card.month,
      expiryYear: callback.card.year,
    });
    return changed ? [await emit({ ownerId: card.ownerId }, 'card_binding.status', data)] : [];
  }

  const { orderId, transactionId, status } = callback;
  const source: StatusSource = { orderId, transactionId, inboxId, hook };

  const op = await store.operations.findByTransactionOrOrder(transactionId, orderId);
  if (op !== undefined) return finishOperation(store, op, status, source);

  const refund = await store.payments.findRefund(transactionId, orderId);
  if (refund !== undefined) return settleRefund(store, refund, status, source);

  const payment = await store.payments.findByTransactionOrOrder(transactionId, orderId);
  if (payment !== undefined) {
    const capture =
      payment.captureOrderId === orderId ||
      (transactionId !== null && payment.captureTransactionId === transactionId);
    // The first step of a two-step payment only holds the money; its completion is the second request.
    const to = status === 'failed' ? 'failed' : payment.twoStep && !capture ? 'authorized' : 'success';
    return settlePayment(store, payment, to, source);
  }

  // Nothing the BFF created: the operators see it as Mandarin reported it.
  return [
    await recordEvent(store, 'operator', 'transaction.status', transactionEvent(source, { status }), source),
  ];
}

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

const transactionEvent = (
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
const recordEvent = (
  store: Store,
  audience: Audience,
  type: string,
  data: unknown,
  source: Pick<StatusSource, 'inboxId' | 'hook'>,
) => store.events.insert({ audience, type, data, inboxId: source.inboxId, hook: source.hook });

/**
 * Ends a wallet operation and records its `transaction.status` event for the owner, unless it had ended already.
 * Whoever learns of the end first (the callback, or a poll of Mandarin that got there before it) records the one
 * event; the other changes nothing.
 */
export async function finishOperation(
  store: Store,
  op: OperationRecord,
  status: FinalOperationStatus,
  source: StatusSource,
): Promise<StoredEvent[]> {
  if (!(await store.operations.finish(op.id, status))) return [];
  const data = transactionEvent(source, {
    kind: 'operation',
    operationId: op.id,
    walletId: op.walletId,
    status,
  });
  return [await recordEvent(store, { ownerId: op.ownerId }, 'transaction.status', data, source)];
}

/** Moves a pending payment to `to` and records its event for the operators, unless it had moved already. */
export async function settlePayment(
  store: Store,
  payment: PaymentRecord,
  to: 'authorized' | 'success' | 'failed',
  source: StatusSource,
): Promise<StoredEvent[]> {
  if (!(await store.payments.transition(payment.id, 'pending', to))) return [];
  const data = transactionEvent(source, { kind: 'payment', paymentId: payment.id, status: to });
  return [await recordEvent(store, 'operator', 'transaction.status', data, source)];
}

/** Ends a pending refund and records its event for the operators, unless it had ended already. */
export async function settleRefund(
  store: Store,
  refund: RefundRecord,
  status: 'success' | 'failed',
  source: StatusSource,
): Promise<StoredEvent[]> {
  if (!(await store.payments.finishRefund(refund.id, status))) return [];
  const data = transactionEvent(source, {
    kind: 'refund',
    paymentId: refund.paymentId,
    refundId: refund.id,
    status,
  });
  return [await recordEvent(store, 'operator', 'transaction.status', data, source)];
}

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
  if (!applied || before.status === status) return [];
  const data = { walletId: before.id, status };
  return [await recordEvent(store, { ownerId: before.ownerId }, 'esp.status', data, source)];
}
