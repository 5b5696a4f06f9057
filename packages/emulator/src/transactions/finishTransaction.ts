import { requireBoundCard } from '../cardBindings/boundCards.js';
import { issuerDecision } from '../cards/testCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { recipientName } from '../sbp/sandboxPhones.js';
import { type Wallet, WalletRefusal } from '../wallet/WalletStore.js';
import { isFinal, type TransactionRecord } from './TransactionRecord.js';
import { sendTransactionCallback } from './transactionCallback.js';

/** The wallet of an ESP that may take part in operations; Blocked, Suspended or unfinished ones may not. */
function activeWallet(emulator: EmulatorContext, espId: string | null): Wallet {
  const esp = espId === null ? undefined : emulator.esps.get(espId);
  const wallet = espId === null ? undefined : emulator.wallets.get(espId);
  if (!esp || !wallet || esp.status !== 'Success') {
    throw new WalletRefusal(`Wallet is not active (payment token status ${esp?.status ?? 'unknown'})`);
  }
  return wallet;
}

/** Moves money for a transaction that succeeds; throws WalletRefusal when it can't. */
function applyEffects(emulator: EmulatorContext, tx: TransactionRecord): void {
  const { wallets } = emulator;
  // A declined or unfinished card binding can't be charged or paid out to; a one-side one only paid out to.
  const binding = requireBoundCard(emulator, tx.request, tx.action === 'payout' ? 'payout' : 'charge');
  if (binding?.card) tx.payerCard = binding.card.masked;
  switch (tx.kind) {
    case 'deposit':
    case 'topUp':
      wallets.credit(activeWallet(emulator, tx.espId), tx.amount);
      return;
    case 'sbpPayout': {
      const customer = tx.request.customerInfo as Parameters<typeof recipientName>[0];
      if (recipientName(customer) === null) throw new WalletRefusal('SBP recipient not found at the bank');
      wallets.debit(activeWallet(emulator, tx.espId), tx.amount);
      return;
    }
    case 'payoutToCardNumber': {
      // The card's issuer has its say first: the declined sandbox cards refuse the payout.
      const r = tx.request as {
        destination?: { knownCardNumber?: string };
        target?: { knownCardNumber?: string };
      };
      const pan = r.destination?.knownCardNumber ?? r.target?.knownCardNumber ?? '';
      if (issuerDecision(pan) === 'failed') throw new WalletRefusal('Card declined by the issuer');
      wallets.debit(activeWallet(emulator, tx.espId), tx.amount);
      return;
    }
    case 'withdrawal':
    case 'payoutToBoundCard':
      wallets.debit(activeWallet(emulator, tx.espId), tx.amount);
      return;
    case 'transitPayout':
      wallets.passThrough(activeWallet(emulator, tx.espId), tx.amount);
      return;
    default:
      return;
  }
}

/**
 * Ends a transaction: on success its money moves (or it fails with the reason), then the signed callback
 * goes out. A finished transaction is never finished again.
 */
export function finishTransaction(
  emulator: EmulatorContext,
  tx: TransactionRecord,
  decision: 'success' | 'failed',
  reason?: string,
): void {
  if (isFinal(tx)) return;
  let status = decision;
  let failureReason = decision === 'failed' ? (reason ?? 'Declined') : null;
  let detail: string | undefined;
  if (decision === 'success') {
    try {
      applyEffects(emulator, tx);
    } catch (error) {
      if (!(error instanceof WalletRefusal)) throw error;
      status = 'failed';
      failureReason = error.message;
      detail = error.detail;
    }
  }
  tx.status = status;
  tx.failureReason = failureReason;
  tx.finishedAt = emulator.clock.iso();
  if (status === 'failed' && (tx.kind === 'capture' || tx.kind === 'release') && tx.targetId) {
    // A failed capture or release leaves the hold as it was: open.
    const hold = emulator.transactions.get(tx.targetId);
    if (hold) {
      hold.captured = false;
      hold.released = false;
    }
  }
  const why = [failureReason, detail].filter(Boolean).join(': ');
  emulator.log(`transaction ${tx.id} (${tx.kind}) ${status}${why ? `: ${why}` : ''}`);
  sendTransactionCallback(emulator, tx);
}

/** Server-side operations finish on their own after the (scaled) processing delay. */
export function scheduleProcessing(emulator: EmulatorContext, tx: TransactionRecord): void {
  if (tx.status !== 'processing') return;
  emulator.scheduler.after(emulator.options.delays.transactionSeconds, () =>
    finishTransaction(emulator, tx, 'success'),
  );
}
