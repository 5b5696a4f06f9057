import {
  finishOperation,
  paymentStep,
  recordEvent,
  type StatusSource,
  settleCard,
  settlePayment,
  settleRefund,
  transactionEvent,
  walletStatusEvents,
} from '../status/settle.js';
import type { StoredEvent } from '../store/events.js';
import type { Store } from '../store/Store.js';
import type { NormalisedCallback } from './types.js';

const PROVIDER_EVENT = {
  transfers: 'transfer.status',
  gateway: 'gateway.operation',
  widget: 'widget.notification',
  processing: 'processing.status',
} as const;

/**
 * Applies a newly stored callback inside the inbox transaction: finds what it is about and hands Mandarin's word
 * to the status machine (`status/settle.ts`), which records events for the owner the BFF recorded when it created
 * the operation. What the BFF can't attribute goes to the operator stream.
 */
export async function applyCallback(
  store: Store,
  callback: NormalisedCallback,
  inboxId: bigint,
  hook: boolean,
): Promise<StoredEvent[]> {
  const plain = { inboxId, hook };

  if (callback.kind === 'esp') {
    const wallet = await store.wallets.get(callback.paymentTokenId);
    const data = { walletId: callback.paymentTokenId, status: callback.status };
    if (wallet === undefined) return [await recordEvent(store, 'operator', 'esp.status', data, plain)];
    const applied = await store.wallets.applyStatus(wallet.id, callback.status, callback.createdAt);
    return walletStatusEvents(store, wallet, callback.status, applied, plain);
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
    return [await recordEvent(store, 'operator', PROVIDER_EVENT[callback.provider], data, plain)];
  }

  // A callback with no status Mandarin documents is kept (its inbox row) and changes nothing.
  const { orderId, transactionId, status, failure } = callback;
  if (status === null) return [];

  if (callback.objectType === 'card_binding' && callback.card !== null) {
    const { bindingId, masked, holder, month, year } = callback.card;
    const result = {
      status: status === 'success' ? ('active' as const) : ('failed' as const),
      cardMasked: masked,
      cardHolder: holder,
      expiryMonth: month,
      expiryYear: year,
    };
    const card = await store.cards.get(bindingId);
    if (card !== undefined) return settleCard(store, card, result, plain);
    const data = { cardId: bindingId, status: result.status, cardMasked: masked };
    return [await recordEvent(store, 'operator', 'card_binding.status', data, plain)];
  }

  const source: StatusSource = { orderId, transactionId, inboxId, hook };
  // One statement says which of operation, refund or payment it is about (the one found first, in that order).
  const found = await store.operations.findForCallback(transactionId, orderId);
  if (found.operation !== undefined) {
    return finishOperation(store, found.operation, status, source, { failure, inferred: false });
  }

  const refund = found.refund ? await store.payments.findRefund(transactionId, orderId) : undefined;
  if (refund !== undefined) return settleRefund(store, refund, status, source, failure?.message);

  const payment = found.payment
    ? await store.payments.findByTransactionOrOrder(transactionId, orderId)
    : undefined;
  if (payment !== undefined) {
    const step = paymentStep(payment, { orderId, transactionId });
    return settlePayment(store, payment, step, status, source, failure?.message);
  }

  // Nothing the BFF created: the operators see it as Mandarin reported it.
  const data = transactionEvent(source, { status, reason: failure?.message ?? null });
  return [await recordEvent(store, 'operator', 'transaction.status', data, source)];
}
