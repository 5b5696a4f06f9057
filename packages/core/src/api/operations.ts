import { z } from 'zod';
import { moneyViewSchema, nextCursorSchema, uuidSchema } from './common.js';

/** Kinds of wallet operations. */
export const operationKindSchema = z.enum([
  'top_up',
  'payout_card_number',
  'payout_bound_card',
  'payout_sbp',
  'deposit',
  'withdrawal',
  'transit_payout',
]);
/** Kinds of wallet operations. */
export type OperationKind = z.infer<typeof operationKindSchema>;

/** Money into the wallet (`in`: top-ups, operator deposits) or out of it (payouts, withdrawals, transit payouts). */
export function operationDirection(kind: OperationKind): 'in' | 'out' {
  return kind === 'top_up' || kind === 'deposit' ? 'in' : 'out';
}

/** Where an operation stands; `awaiting_confirmation` is a two-step SBP payout waiting for the payer. */
export const operationStatusSchema = z.enum([
  'pending',
  'awaiting_confirmation',
  'success',
  'failed',
  'rejected',
]);
/** Where an operation stands. */
export type OperationStatus = z.infer<typeof operationStatusSchema>;

/** A wallet operation as its owner sees it. */
export const operationViewSchema = z.object({
  id: uuidSchema,
  kind: operationKindSchema,
  status: operationStatusSchema,
  amount: moneyViewSchema,
  walletId: uuidSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Masked destination for display: `•••• 1047`, `+7 *** ***-**-67`. */
  destinationMasked: z.string().nullable(),
  sbp: z.object({ bankId: z.string(), bankName: z.string().nullable(), twoStep: z.boolean() }).nullable(),
  /** Why it failed, in Mandarin's words (and its error code where it gave one); null unless failed. */
  failure: z.object({ code: z.string().nullable(), message: z.string() }).nullable(),
});
/** A wallet operation as its owner sees it. */
export type OperationView = z.infer<typeof operationViewSchema>;

/** A two-step SBP payout's recipient, as the bank registered them. */
export const sbpRecipientViewSchema = z.object({
  operationId: uuidSchema,
  fullName: z.string(),
  bankName: z.string().nullable(),
  phoneMasked: z.string(),
  amount: moneyViewSchema,
});
/** A two-step SBP payout's recipient. */
export type SbpRecipientView = z.infer<typeof sbpRecipientViewSchema>;

/** Banks matching a search, from Mandarin's SBP directory. */
export const sbpBankListViewSchema = z.object({
  banks: z.array(z.object({ bankId: z.string(), bankName: z.string(), bankBic: z.string() })),
});
/** Banks matching a search. */
export type SbpBankListView = z.infer<typeof sbpBankListViewSchema>;

/** An exact amount with its direction: `-100.25` leaves the wallet, `+13.00` arrives. */
export const signedWireAmountSchema = z.string().regex(/^[+-](0|[1-9]\d*)\.\d{2}$/, {
  error: 'Must be a signed amount such as -100.25 or +13.00',
});

/** Who is on the other side: a card (masked), or an SBP recipient (bank and masked phone). */
export const counterpartyViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), cardMasked: z.string() }),
  z.object({ type: z.literal('sbp'), bankName: z.string().nullable(), phoneMasked: z.string() }),
]);
/** Who is on the other side of an operation. */
export type CounterpartyView = z.infer<typeof counterpartyViewSchema>;

/** A row of a wallet's history: the operation, its direction and signed amount, and its counterparty. */
export const operationHistoryRowSchema = operationViewSchema.extend({
  direction: z.enum(['in', 'out']),
  signedAmount: signedWireAmountSchema,
  counterparty: counterpartyViewSchema.nullable(),
});
/** A row of a wallet's history. */
export type OperationHistoryRow = z.infer<typeof operationHistoryRowSchema>;

/** A page of a wallet's history, newest first; `nextCursor` is null on the last page. */
export const operationPageViewSchema = z.object({
  operations: z.array(operationHistoryRowSchema),
  nextCursor: nextCursorSchema,
});
/** A page of a wallet's history. */
export type OperationPageView = z.infer<typeof operationPageViewSchema>;

/** Filters and paging of a wallet's history, as the browser asks for them. */
export interface OperationHistoryFilter {
  kind?: OperationKind[];
  status?: OperationStatus[];
  /** An instant with its offset; inclusive. */
  from?: string;
  /** An instant with its offset; exclusive. */
  to?: string;
  cursor?: string;
  limit?: number;
}
