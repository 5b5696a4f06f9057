import { allocate } from '../money/allocate.js';
import { formatAmount } from '../money/formatAmount.js';
import { MoneyError } from '../money/MoneyError.js';
import type { RoutingShare } from './RoutingShare.js';

/** Options for {@link splitRefund}. */
export interface SplitRefundOptions {
  /** Also give back the platform fee, in proportion to the amount refunded from each account. */
  refundFee?: boolean;
}

interface Holding {
  share: RoutingShare;
  amountLeft: bigint;
  feeLeft: bigint;
}

/** What each original recipient still holds of a payment after earlier refunds. */
export function remainingByAccount(
  original: readonly RoutingShare[],
  refunded: readonly RoutingShare[],
): Array<{ accountId: string; amount: bigint; platformFee: bigint }> {
  return holdings(original, refunded).map((h) => ({
    accountId: h.share.accountId,
    amount: h.amountLeft,
    platformFee: h.feeLeft,
  }));
}

function holdings(original: readonly RoutingShare[], refunded: readonly RoutingShare[]): Holding[] {
  return original.map((share) => {
    const key = share.accountId.toLowerCase();
    let amountLeft = share.amount;
    let feeLeft = share.platformFee;
    for (const refund of refunded) {
      if (refund.accountId.toLowerCase() !== key) continue;
      amountLeft -= refund.amount;
      feeLeft -= refund.platformFee;
    }
    return { share, amountLeft: amountLeft > 0n ? amountLeft : 0n, feeLeft: feeLeft > 0n ? feeLeft : 0n };
  });
}

/**
 * Splits a (partial or full) reversal of `amount` across the original recipients in proportion to what each
 * still holds, so no account ever gives back more than it received. Parts add up to `amount` exactly;
 * recipients whose part is zero are left out (Mandarin wants positive amounts).
 * @throws MoneyError `INVALID_AMOUNT` for a non-positive amount, `INSUFFICIENT_REMAINING` beyond what remains.
 */
export function splitRefund(
  original: readonly RoutingShare[],
  refunded: readonly RoutingShare[],
  amount: bigint,
  options: SplitRefundOptions = {},
): RoutingShare[] {
  if (amount <= 0n) throw new MoneyError('INVALID_AMOUNT', 'A refund amount must be positive');
  const held = holdings(original, refunded);
  const remaining = held.reduce((sum, h) => sum + h.amountLeft, 0n);
  if (amount > remaining) {
    throw new MoneyError(
      'INSUFFICIENT_REMAINING',
      `Refund ${formatAmount(amount)} exceeds the ${formatAmount(remaining)} that remains of the payment`,
    );
  }
  // Proportional to what is left, so each part is at most that account's remainder (largest remainder
  // never rounds a share above its exact value by a whole unit).
  const parts = allocate(
    amount,
    held.map((h) => h.amountLeft),
  );
  const result: RoutingShare[] = [];
  held.forEach((h, i) => {
    const part = parts[i]!;
    if (part === 0n) return;
    // Floor keeps the fee at or below both the fee left and the part; a final refund returns all of it.
    const fee = options.refundFee ? (h.feeLeft * part) / h.amountLeft : 0n;
    result.push({
      accountId: h.share.accountId,
      amount: part,
      platformFee: fee,
      ...(h.share.description ? { description: h.share.description } : {}),
    });
  });
  return result;
}
