import { formatAmount } from '@mandarin-kit/core';
import type { EspRecord } from '../esp/EspService.js';
import type { TransactionRecord } from '../transactions/TransactionRecord.js';
import type { Wallet, WalletStore } from '../wallet/WalletStore.js';

// Admin answers are JSON, which has no bigint: amounts go out as wire strings, balances as minor units.

/** Admin view of a wallet. */
export function walletView(wallets: WalletStore, wallet: Wallet) {
  return {
    espId: wallet.espId,
    walletId: wallet.walletId,
    balance: Number(wallet.balance),
    balanceFormatted: formatAmount(wallet.balance),
    monthTurnover: formatAmount(wallets.monthTurnover(wallet)),
  };
}

/** Admin view of an ESP, OTP code left out (it has its own route). */
export function espView(esp: EspRecord) {
  return {
    id: esp.id,
    status: esp.status,
    outcome: esp.outcome,
    phone: esp.phone,
    created_at: esp.createdAt,
    processed_at: esp.processedAt,
    finished_at: esp.finishedAt,
    otp: esp.otp && {
      retries: esp.otp.retries,
      verified: esp.otp.verified,
      ttl: Math.floor(esp.otp.expiresAt / 1000),
    },
  };
}

/** Admin view of a transaction with everything the emulator knows about it. */
export function transactionAdminView(tx: TransactionRecord) {
  return {
    id: tx.id,
    kind: tx.kind,
    action: tx.action,
    orderId: tx.orderId,
    amount: formatAmount(tx.amount),
    status: tx.status,
    failureReason: tx.failureReason,
    createdAt: tx.createdAt,
    finishedAt: tx.finishedAt,
    payToken: tx.payToken,
    jsOperationId: tx.jsOperationId,
    targetId: tx.targetId,
    espId: tx.espId,
    captured: tx.captured,
    sbp: tx.sbp,
    routing: tx.routing.map((share) => ({
      accountId: share.accountId,
      amount: formatAmount(share.amount),
      platformFee: formatAmount(share.platformFee),
    })),
    callbackUrl: tx.callbackUrl ?? null,
    callbackFields: tx.callbackFields,
    request: tx.request,
  };
}
