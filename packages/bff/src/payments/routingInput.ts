import {
  fromRoutingWire,
  type RoutingEntryBody,
  type RoutingShare,
  remainingByAccount,
  validateRouting,
} from '@mandarin-kit/core';
import { BffError } from '../http/BffError.js';

/**
 * Reads a split from the browser and checks it with `validateRouting`; every issue becomes a field error at
 * `routing.N` (or `routing` for the whole split) so the editor can show it on the right row.
 */
export function sharesFromBody(total: bigint, routing: readonly RoutingEntryBody[]): RoutingShare[] {
  const shares = fromRoutingWire(routing);
  const issues = validateRouting(total, shares);
  if (issues.length > 0) {
    const fields: Record<string, string[]> = {};
    for (const issue of issues) {
      const path = issue.index === undefined ? 'routing' : `routing.${issue.index}`;
      fields[path] = [...(fields[path] ?? []), issue.message];
    }
    throw new BffError(400, 'VALIDATION_FAILED', 'The split is not valid', { fields });
  }
  return shares;
}

/** An explicit refund split must take from original recipients only, and no more than each still holds. */
export function checkRefundSplit(
  original: readonly RoutingShare[],
  refunded: readonly RoutingShare[],
  split: readonly RoutingShare[],
): void {
  const left = new Map(remainingByAccount(original, refunded).map((r) => [r.accountId.toLowerCase(), r]));
  const fields: Record<string, string[]> = {};
  split.forEach((share, index) => {
    const holding = left.get(share.accountId.toLowerCase());
    if (holding === undefined)
      fields[`routing.${index}`] = ['This account did not receive any of the payment'];
    else if (share.amount > holding.amount)
      fields[`routing.${index}`] = ['More than this account still holds of the payment'];
    else if (share.platformFee > holding.platformFee)
      fields[`routing.${index}`] = ['More fee than this account still holds'];
  });
  if (Object.keys(fields).length > 0) {
    throw new BffError(400, 'VALIDATION_FAILED', 'The refund split takes more than remains', { fields });
  }
}
