import { z } from 'zod';
import { moneyViewSchema, uuidSchema } from './common.js';

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
