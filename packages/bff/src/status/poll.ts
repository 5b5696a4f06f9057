import {
  cardBindingStatusResponseSchema,
  type EspStatusResponse,
  espStatusResponseSchema,
  type TransactionStatusResponse,
  transactionByOrderIdResponseSchema,
  transactionStatusResponseSchema,
} from '@mandarin-kit/core';
import type { BffDeps } from '../BffDeps.js';
import type { CardRecord } from '../store/cards.js';
import type {
  FailureReason,
  OperationRecord,
  PaymentRecord,
  RefundRecord,
  WalletRecord,
} from '../store/records.js';
import { UpstreamRejected } from '../upstream/MandarinClient.js';
import { finishOperation, settleCard, settlePayment, settleRefund, walletStatusEvents } from './settle.js';

// Asking Mandarin where something stands, and settling it through the status machine when Mandarin says it has
// ended. The routes that show a status call these (a lost callback must not leave a person looking at "pending"),
// and so does the reconciler for what nobody looks at. Each returns the record as it now stands.

/** Mandarin's words for a request it never received: it created nothing, and nothing will follow. */
export const NEVER_RECEIVED = 'Mandarin has no record of this request: nothing was charged or paid out';

/** Mandarin's status of a transaction by id, or by orderId where the answer carrying its id was lost. */
async function readTransaction(
  deps: BffDeps,
  refs: { transactionId: string | null; orderId: string },
): Promise<TransactionStatusResponse | undefined> {
  try {
    return refs.transactionId !== null
      ? await deps.mandarin.call('transactionStatus', {
          params: { id: refs.transactionId },
          schema: transactionStatusResponseSchema,
        })
      : await deps.mandarin.call('transactionByOrder', {
          query: { orderId: refs.orderId },
          schema: transactionByOrderIdResponseSchema,
        });
  } catch (error) {
    if (error instanceof UpstreamRejected && error.upstreamStatus === 404) return undefined;
    throw error;
  }
}

/** Mandarin's reason for a failed transaction, where its status answer gives one. */
function failureOf(t: TransactionStatusResponse): FailureReason | null {
  return t.error ? { code: null, message: t.error } : null;
}

/**
 * Whether Mandarin's "no such order" may end something: only for the reconciler (`concludeAbsence`), and only for
 * something old enough that a request still in flight would have arrived.
 */
export interface PollOptions {
  concludeAbsence?: boolean;
}
const neverSent = (deps: BffDeps, createdAt: string, options: PollOptions) =>
  options.concludeAbsence === true && Date.now() - Date.parse(createdAt) >= deps.reconcile.afterMs;

/** Brings a wallet operation up to date from Mandarin. */
export async function pollOperation(
  deps: BffDeps,
  op: OperationRecord,
  options: PollOptions = {},
): Promise<OperationRecord> {
  const open = op.status === 'pending' || op.status === 'awaiting_confirmation' || op.statusInferred;
  if (!open) return op;
  const upstream = await readTransaction(deps, op);
  const refs = { orderId: op.orderId, transactionId: upstream?.id ?? op.transactionId };
  if (upstream === undefined) {
    if (op.transactionId !== null || op.statusInferred || !neverSent(deps, op.createdAt, options)) return op;
    // Inferred: should the request surface after all, Mandarin's callback still moves it.
    await deps.events.polled(refs, (tx, source) =>
      finishOperation(tx, op, 'failed', source, {
        failure: { code: null, message: NEVER_RECEIVED },
        inferred: true,
      }),
    );
  } else if (upstream.status === 'pending') {
    if (op.transactionId === null) {
      const awaiting = op.kind === 'payout_sbp' && op.sbp?.twoStep === true;
      await deps.store.operations.attach(op.id, upstream.id, awaiting);
    }
  } else {
    const status = upstream.status;
    await deps.events.polled(refs, (tx, source) =>
      finishOperation(tx, op, status, source, { failure: failureOf(upstream), inferred: false }),
    );
  }
  return (await deps.store.operations.get(op.id)) ?? op;
}

/** The step of a payment that waits for Mandarin, with its references; none when it waits for nobody. */
function awaitedStep(p: PaymentRecord) {
  if (p.status === 'pending' && p.captureOrderId !== null) {
    return { step: 'capture' as const, orderId: p.captureOrderId, transactionId: p.captureTransactionId };
  }
  if (p.status === 'pending')
    return { step: 'first' as const, orderId: p.orderId, transactionId: p.transactionId };
  if (p.status === 'authorized' && p.releaseOrderId !== null) {
    return { step: 'release' as const, orderId: p.releaseOrderId, transactionId: p.releaseTransactionId };
  }
  return undefined;
}

/**
 * Brings a payment up to date from Mandarin: the step it waits for (its first transaction, its capture or the
 * release of its hold) is read at Mandarin and settled.
 */
export async function pollPayment(
  deps: BffDeps,
  p: PaymentRecord,
  options: PollOptions = {},
): Promise<PaymentRecord> {
  const awaited = awaitedStep(p);
  if (awaited === undefined) return p;
  const upstream = await readTransaction(deps, awaited);
  if (upstream === undefined) {
    // Only a first transaction that never arrived ends the payment; a lost capture or release is asked again.
    if (awaited.step !== 'first' || p.transactionId !== null || !neverSent(deps, p.createdAt, options)) {
      return p;
    }
    const refs = { orderId: awaited.orderId, transactionId: null };
    await deps.events.polled(refs, (tx, source) =>
      settlePayment(tx, p, 'first', 'failed', source, NEVER_RECEIVED),
    );
  } else if (upstream.status === 'pending') {
    if (awaited.transactionId === null) {
      // The payer's page too, as the lost create answer would have given it.
      const page =
        awaited.step === 'first' && p.payUrl === null
          ? { payUrl: upstream.userWebLink ?? null, jsOperationId: upstream.jsOperationId ?? null }
          : {};
      await deps.store.payments.update(p.id, { ...stepIdPatch(awaited.step, upstream.id), ...page });
    }
  } else {
    const outcome = upstream.status;
    const refs = { orderId: awaited.orderId, transactionId: upstream.id };
    if (awaited.transactionId === null)
      await deps.store.payments.update(p.id, stepIdPatch(awaited.step, upstream.id));
    const message = failureOf(upstream)?.message ?? null;
    await deps.events.polled(refs, (tx, source) =>
      settlePayment(tx, p, awaited.step, outcome, source, message),
    );
  }
  return (await deps.store.payments.get(p.id)) ?? p;
}

const stepIdPatch = (step: 'first' | 'capture' | 'release', id: string) =>
  step === 'first'
    ? { transactionId: id }
    : step === 'capture'
      ? { captureTransactionId: id }
      : { releaseTransactionId: id };

/** Brings a pending refund up to date from Mandarin. */
export async function pollRefund(
  deps: BffDeps,
  r: RefundRecord,
  options: PollOptions = {},
): Promise<RefundRecord> {
  if (r.status !== 'pending') return r;
  const upstream = await readTransaction(deps, r);
  if (upstream === undefined) {
    if (r.transactionId !== null || !neverSent(deps, r.createdAt, options)) return r;
    await deps.events.polled(r, (tx, source) => settleRefund(tx, r, 'failed', source, NEVER_RECEIVED));
    return { ...r, status: 'failed', failureMessage: NEVER_RECEIVED };
  }
  if (upstream.status === 'pending') {
    if (r.transactionId === null)
      await deps.store.payments.updateRefund(r.id, { transactionId: upstream.id });
    return { ...r, transactionId: upstream.id };
  }
  const status = upstream.status;
  const message = failureOf(upstream)?.message ?? null;
  const refs = { orderId: r.orderId, transactionId: upstream.id };
  await deps.events.polled(refs, (tx, source) => settleRefund(tx, r, status, source, message));
  return { ...r, status, transactionId: upstream.id, failureMessage: status === 'failed' ? message : null };
}

/** Brings a pending card binding up to date from Mandarin. */
export async function pollCard(deps: BffDeps, card: CardRecord): Promise<CardRecord> {
  if (card.status !== 'pending') return card;
  const upstream = await deps.mandarin.call('cardBindingStatus', {
    params: { id: card.id },
    schema: cardBindingStatusResponseSchema,
  });
  if (upstream.status === 'pending') return card;
  const result = {
    status: upstream.status === 'success' ? ('active' as const) : ('failed' as const),
    cardMasked: upstream.card_number ?? null,
    cardHolder: upstream.card_holder ?? null,
    expiryMonth: upstream.card_expiration_month ?? null,
    expiryYear: upstream.card_expiration_year ?? null,
  };
  await deps.events.polled({ orderId: null, transactionId: null }, (tx, source) =>
    settleCard(tx, card, result, source),
  );
  return { ...card, ...result };
}

/** A wallet's status fields as Mandarin reports them. */
export function walletFromUpstream(s: EspStatusResponse) {
  return {
    status: s.status,
    createdAt: s.created_at,
    processedAt: s.processed_at ?? null,
    finishedAt: s.finished_at ?? null,
  };
}

/**
 * Brings a wallet's status up to date from Mandarin. A status that is news to the BFF is relayed from here (the
 * webhook may be late or lost), and the webhook then adds nothing.
 */
export async function pollWallet(deps: BffDeps, wallet: WalletRecord): Promise<WalletRecord> {
  const status = await deps.mandarin.call('espStatus', {
    params: { id: wallet.id },
    schema: espStatusResponseSchema,
  });
  const fresh = { ...wallet, ...walletFromUpstream(status), createdAt: wallet.createdAt };
  if (fresh.status === wallet.status) {
    await deps.store.wallets.updateStatus(wallet.id, fresh);
  } else {
    await deps.events.polled({ orderId: null, transactionId: null }, async (tx, source) => {
      const before = (await tx.wallets.get(wallet.id)) ?? wallet;
      const applied = await tx.wallets.updateStatus(wallet.id, fresh);
      return walletStatusEvents(tx, before, fresh.status, applied, source);
    });
  }
  return fresh;
}
