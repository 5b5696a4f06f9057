import { z } from 'zod';
import { normalizePhone } from '../kyc/phone.js';
import { amountBodySchema, moneyViewSchema, uuidSchema } from './common.js';

/** A card number passes the Luhn check (13 to 19 digits). */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const cardNumberSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine(isLuhnValid, { error: 'Card number is not valid' });

const russianPhoneSchema = z.string().transform((value, ctx) => {
  try {
    return normalizePhone(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Phone must be a Russian number such as +7 900 123-45-67' });
    return z.NEVER;
  }
});

const nameSchema = z.string().trim().min(1).max(100);

/** Where a payout from a wallet goes. */
export const payoutDestinationBodySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('card_number'), cardNumber: cardNumberSchema }),
  z.strictObject({ type: z.literal('bound_card'), cardId: uuidSchema }),
  z.strictObject({
    type: z.literal('sbp'),
    phone: russianPhoneSchema,
    bankId: z.string().regex(/^\d{12}$/, { error: 'bankId is the 12-digit SBP bank id' }),
    /** Two-step: the recipient's name is fetched from the bank and confirmed before money moves. */
    confirmRecipient: z.boolean().default(true),
    firstName: nameSchema.optional(),
    middleName: nameSchema.optional(),
    lastName: nameSchema.optional(),
  }),
]);
/** Where a payout from a wallet goes. */
export type PayoutDestinationBody = z.infer<typeof payoutDestinationBodySchema>;

/** A payout from the wallet in the URL. */
export const createPayoutBodySchema = z.strictObject({
  amount: amountBodySchema,
  destination: payoutDestinationBodySchema,
});
/** A payout from the wallet in the URL. */
export type CreatePayoutBody = z.infer<typeof createPayoutBodySchema>;

/** A top-up of the wallet in the URL from a card the same user bound. */
export const createTopUpBodySchema = z.strictObject({ amount: amountBodySchema, cardId: uuidSchema });
/** A top-up from a bound card. */
export type CreateTopUpBody = z.infer<typeof createTopUpBodySchema>;

/** Operator: move funds between the business account and a wallet. */
export const walletTransferBodySchema = z.strictObject({ amount: amountBodySchema });
/** Operator: move funds between the business account and a wallet. */
export type WalletTransferBody = z.infer<typeof walletTransferBodySchema>;

/** Operator: pay out to a bound card with transit through a wallet. */
export const createTransitPayoutBodySchema = z.strictObject({
  amount: amountBodySchema,
  walletId: uuidSchema,
  cardId: uuidSchema,
});
/** Operator: pay out to a bound card with transit through a wallet. */
export type CreateTransitPayoutBody = z.infer<typeof createTransitPayoutBodySchema>;

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
