import { formatAmount } from '../money/formatAmount.js';
import type { RoutingIssue, RoutingShare } from './RoutingShare.js';

// Mandarin's sub-merchant account ids are UUIDs (the seed shows both v1 and v4).
const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` looks like a Mandarin sub-merchant account id. */
export function isAccountId(id: string): boolean {
  return ACCOUNT_ID.test(id);
}

/**
 * Checks a split of `total` minor units against Mandarin's routing rules and returns every problem found
 * (an empty array means the split can be sent). Per-share issues carry the share's `index`.
 */
export function validateRouting(total: bigint, shares: readonly RoutingShare[]): RoutingIssue[] {
  if (shares.length === 0) {
    return [{ code: 'EMPTY', message: 'A routed payment needs at least one recipient' }];
  }
  const issues: RoutingIssue[] = [];
  const seen = new Map<string, number>();
  let sum = 0n;
  shares.forEach((share, index) => {
    sum += share.amount;
    const key = share.accountId.toLowerCase();
    if (!isAccountId(share.accountId)) {
      issues.push({
        code: 'INVALID_ACCOUNT_ID',
        index,
        message: `Share ${index + 1}: account id must be a UUID`,
      });
    } else if (seen.has(key)) {
      issues.push({
        code: 'DUPLICATE_ACCOUNT',
        index,
        message: `Share ${index + 1}: account ${share.accountId} already appears in share ${seen.get(key)! + 1}`,
      });
    } else {
      seen.set(key, index);
    }
    if (share.amount <= 0n) {
      issues.push({
        code: 'NON_POSITIVE_AMOUNT',
        index,
        message: `Share ${index + 1}: amount must be positive`,
      });
    }
    if (share.platformFee < 0n) {
      issues.push({
        code: 'NEGATIVE_FEE',
        index,
        message: `Share ${index + 1}: platform fee must not be negative`,
      });
    } else if (share.platformFee > share.amount) {
      issues.push({
        code: 'FEE_EXCEEDS_AMOUNT',
        index,
        message: `Share ${index + 1}: platform fee ${formatAmount(share.platformFee)} exceeds its amount ${formatAmount(share.amount)}`,
      });
    }
  });
  const difference = sum - total;
  if (difference !== 0n) {
    const off =
      difference > 0n ? `${formatAmount(difference)} more than` : `${formatAmount(-difference)} short of`;
    issues.push({
      code: 'SUM_MISMATCH',
      difference,
      message: `Shares add up to ${formatAmount(sum)}, ${off} the total ${formatAmount(total)}`,
    });
  }
  return issues;
}
