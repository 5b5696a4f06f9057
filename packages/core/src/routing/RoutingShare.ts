/** One recipient (destination) or payer (source) of a routed payment, in minor units. */
export interface RoutingShare {
  accountId: string;
  amount: bigint;
  platformFee: bigint;
  description?: string;
}

/** What is wrong with a split; the UI localises by `code`, the message is for logs and developers. */
export type RoutingIssueCode =
  | 'EMPTY'
  | 'SUM_MISMATCH'
  | 'FEE_EXCEEDS_AMOUNT'
  | 'DUPLICATE_ACCOUNT'
  | 'NON_POSITIVE_AMOUNT'
  | 'NEGATIVE_FEE'
  | 'INVALID_ACCOUNT_ID';

/** A single problem found by `validateRouting`. */
export interface RoutingIssue {
  code: RoutingIssueCode;
  message: string;
  /** The share the issue is about; absent for issues of the whole split (`EMPTY`, `SUM_MISMATCH`). */
  index?: number;
  /** For `SUM_MISMATCH`: shares total minus payment total, in minor units (positive = too much). */
  difference?: bigint;
}
