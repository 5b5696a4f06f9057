import { formatAmount, type RoutingShare, remainingByAccount, validateRouting } from '@mandarin-kit/core';
import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest } from '../http/HttpError.js';
import type { TransactionRecord } from './TransactionRecord.js';

/**
 * Enforces Mandarin's routing rules on a split of `total` (sum equals the total, fee ≤ amount, positive
 * amounts, no account twice); with `strictAccounts`, only linked sub-merchant accounts may receive money.
 */
export function checkRouting(emulator: EmulatorContext, total: bigint, shares: RoutingShare[]): void {
  checkSplit(total, shares);
  if (emulator.options.strictAccounts) {
    const unknown = shares.find((share) => !emulator.accounts.has(share.accountId));
    if (unknown) throw badRequest(`Unknown account ${unknown.accountId}: link it first`);
  }
}

/** The arithmetic rules of a split, as `validateRouting` of core states them. */
function checkSplit(total: bigint, shares: RoutingShare[]): void {
  const issues = validateRouting(total, shares);
  if (issues.length > 0) {
    throw badRequest(issues.map((issue) => issue.message).join('; '), {
      // `difference` is a bigint, which JSON can't carry; the message states it.
      issues: issues.map(({ code, message, index }) => ({ code, message, index })),
    });
  }
}

/**
 * A reversal may give back, per account, only what that account still holds of the payment after the
 * earlier reversals (those that succeeded or may still succeed), and only from accounts of the payment.
 */
export function checkReversal(
  emulator: EmulatorContext,
  payment: TransactionRecord,
  total: bigint,
  sources: RoutingShare[],
): void {
  checkSplit(total, sources);
  const earlier = emulator.transactions.activeReversalsOf(payment.id).flatMap((tx) => tx.routing);
  const remaining = remainingByAccount(payment.routing, earlier);
  for (const source of sources) {
    const left = remaining.find((r) => r.accountId.toLowerCase() === source.accountId.toLowerCase());
    if (!left)
      throw badRequest(`Account ${source.accountId} received nothing from transaction ${payment.id}`);
    if (source.amount > left.amount) {
      throw badRequest(
        `Account ${source.accountId} can give back at most ${formatAmount(left.amount)}, not ${formatAmount(source.amount)}`,
      );
    }
    if (source.platformFee > left.platformFee) {
      throw badRequest(
        `Account ${source.accountId} has ${formatAmount(left.platformFee)} of platform fee left, not ${formatAmount(source.platformFee)}`,
      );
    }
  }
}
