import { z } from 'zod';
import { normalizePhone } from '../kyc/phone.js';
import { orderActualTillSchema } from '../schemas/transactions/orderActualTill.js';
import { customValuesSchema } from '../schemas/transactions/parts.js';
import { amountBodySchema, uuidSchema } from './common.js';
import { isLuhnValid } from './luhn.js';
import { routingEntryBodySchema } from './payments.js';

// The bodies the browser sends and the BFF validates, kept apart from the views (what the BFF answers and the
// browser parses): a bundler can't drop a zod call at the top of a module, but it leaves out a module nobody
// imports, so browser bundles never carry these.

/** The code the user typed. */
export const otpVerifyBodySchema = z.strictObject({
  code: z
    .string()
    .regex(/^\d{4,8}$/, { error: 'The code is 4 to 8 digits' })
    .describe('The SMS code, 4 to 8 digits'),
});
/** The code the user typed. */
export type OtpVerifyBody = z.infer<typeof otpVerifyBodySchema>;

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

/** The amount to move, as the body carries it. */
const amount = amountBodySchema.describe(
  'A positive amount in roubles, a string with up to two decimals: "150.00"',
);
/** A card the signed-in user bound (an active one). */
const boundCardId = uuidSchema.describe('A card the same user bound (GET /api/cards), active');

/** Where a payout from a wallet goes. */
export const payoutDestinationBodySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('card_number'),
    cardNumber: cardNumberSchema.describe('The full card number; spaces and dashes are ignored'),
  }),
  z.strictObject({ type: z.literal('bound_card'), cardId: boundCardId }),
  z.strictObject({
    type: z.literal('sbp'),
    phone: russianPhoneSchema.describe("The recipient's Russian phone number"),
    bankId: z
      .string()
      .regex(/^\d{12}$/, { error: 'bankId is the 12-digit SBP bank id' })
      .describe("The recipient's bank: its 12-digit id from GET /api/sbp/banks"),
    /**
     * Ignored, kept so that existing pages don't break: whether the payer confirms the recipient's name is the
     * merchant account's SBP mode (the BFF's `sbpMode`), not the page's choice.
     * @deprecated
     */
    confirmRecipient: z.boolean().describe('Ignored: the SBP mode is the merchant account’s').optional(),
    firstName: nameSchema.optional(),
    middleName: nameSchema.optional(),
    lastName: nameSchema.optional(),
  }),
]);
/** Where a payout from a wallet goes. */
export type PayoutDestinationBody = z.infer<typeof payoutDestinationBodySchema>;

/** Callback field names a metadata key may not take: metadata is echoed among them, unsigned by meaning. */
const RESERVED_CALLBACK_FIELDS = new Set([
  'merchantId',
  'orderId',
  'email',
  'orderActualTill',
  'price',
  'action',
  'transaction',
  'object_type',
  'status',
  'sign',
  'error',
  'sandbox',
  'card_number',
  'card_binding',
]);

/**
 * What the seed lets a merchant attach to a transaction, as the browser API takes it: the page's deadline in
 * Mandarin's own format, up to 8 custom values (shown in Mandarin's account, echoed as `cs2`…`cs9`), metadata
 * (echoed in callbacks only), and where the hosted page sends the payer back.
 */
export const orderExtrasBodySchema = {
  orderActualTill: orderActualTillSchema
    .describe('Until when the payment page is valid, in Mandarin’s own format')
    .optional(),
  customValues: customValuesSchema
    .describe("Up to 8 values shown in Mandarin's account, echoed in callbacks as cs2…cs9")
    .optional(),
  metadata: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z][\w-]{0,63}$/, { error: 'Metadata keys are letters, digits, _ or -' })
        .refine((key) => !RESERVED_CALLBACK_FIELDS.has(key) && !/^cs\d$/.test(key), {
          error: 'This metadata key is a callback field of its own',
        }),
      z.string().max(1000),
    )
    .refine((m) => Object.keys(m).length <= 20, { error: 'At most 20 metadata keys' })
    .describe('Up to 20 keys of your own, echoed in callbacks only')
    .optional(),
  returnUrl: z
    .url({ protocol: /^https?$/, error: 'Must be an http(s) URL' })
    .max(2048)
    .describe('Where the hosted page sends the payer back')
    .optional(),
};

/** A payout from the wallet in the URL. */
export const createPayoutBodySchema = z.strictObject({
  amount,
  destination: payoutDestinationBodySchema,
});
/** A payout from the wallet in the URL. */
export type CreatePayoutBody = z.infer<typeof createPayoutBodySchema>;

/** A top-up of the wallet in the URL from a card the same user bound. */
export const createTopUpBodySchema = z.strictObject({ amount, cardId: boundCardId });
/** A top-up from a bound card. */
export type CreateTopUpBody = z.infer<typeof createTopUpBodySchema>;

/** Operator: move funds between the business account and a wallet. */
export const walletTransferBodySchema = z.strictObject({
  amount,
  ...orderExtrasBodySchema,
});
/** Operator: move funds between the business account and a wallet. */
export type WalletTransferBody = z.infer<typeof walletTransferBodySchema>;

/** Operator: pay out to a bound card with transit through a wallet. */
export const createTransitPayoutBodySchema = z.strictObject({
  amount,
  walletId: uuidSchema.describe('The wallet the money passes through'),
  cardId: uuidSchema.describe("A card the wallet's owner bound, active"),
});
/** Operator: pay out to a bound card with transit through a wallet. */
export type CreateTransitPayoutBody = z.infer<typeof createTransitPayoutBodySchema>;

const routingSchema = z
  .array(routingEntryBodySchema)
  .min(1)
  .max(100)
  .describe('Where the money goes: an account and its share per row, 1 to 100 rows, adding up to the amount');

/** Operator: create a routed payment; a two-step payment gets its routing when it is completed. */
export const createPaymentBodySchema = z
  .strictObject({
    amount,
    twoStep: z
      .boolean()
      .default(false)
      .describe('Hold the money first, and capture (complete) or release it later'),
    routing: routingSchema.optional(),
    customer: z
      .strictObject({
        email: z.email(),
        phone: russianPhoneSchema,
      })
      .describe("The payer's contacts"),
    /** Kept with the payment and shown to operators (Mandarin's payment request has no field for it). */
    description: z.string().max(255).describe('Shown to operators; not sent to Mandarin').optional(),
    ...orderExtrasBodySchema,
  })
  .refine((body) => body.twoStep || body.routing !== undefined, {
    path: ['routing'],
    error: 'A one-step payment needs its routing',
  });
/** Operator: create a routed payment. */
export type CreatePaymentBody = z.infer<typeof createPaymentBodySchema>;

/** Operator: the second step of a two-step payment, with its routing. */
export const completePaymentBodySchema = z.strictObject({ routing: routingSchema });
/** Operator: the second step of a two-step payment. */
export type CompletePaymentBody = z.infer<typeof completePaymentBodySchema>;

/** Operator: refund part or all of a payment; without `routing` the BFF splits what remains in proportion. */
export const createRefundBodySchema = z.strictObject({
  amount,
  routing: routingSchema.describe('How much each account gives back; in proportion when absent').optional(),
  refundFee: z.boolean().default(false).describe('Refund the platform fee too (when split in proportion)'),
  customValues: orderExtrasBodySchema.customValues,
  metadata: orderExtrasBodySchema.metadata,
});
/** Operator: refund part or all of a payment. */
export type CreateRefundBody = z.infer<typeof createRefundBodySchema>;

/** The operator's name for a sub-merchant account: 1 to 80 characters, no control characters. */
export const subMerchantLabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}]*$/u, { error: 'Must not contain control characters' });

/** Operator: link a sub-merchant by the token from its personal account, optionally naming it. */
export const linkSubMerchantBodySchema = z.strictObject({
  token: z.string().trim().min(10).max(4096).describe("The token from the sub-merchant's personal account"),
  label: subMerchantLabelSchema.describe("The operator's name for it").optional(),
});
/** Operator: link a sub-merchant. */
export type LinkSubMerchantBody = z.infer<typeof linkSubMerchantBodySchema>;

/** Operator: rename a sub-merchant (`null` clears the label). */
export const renameSubMerchantBodySchema = z.strictObject({
  label: subMerchantLabelSchema.nullable().describe('The new name; null clears it'),
});
/** Operator: rename a sub-merchant. */
export type RenameSubMerchantBody = z.infer<typeof renameSubMerchantBodySchema>;

/** Start binding a card; contacts default to those of the user's wallet. */
export const startCardBindingBodySchema = z.strictObject({
  email: z.email().describe("Default: the user's wallet's").optional(),
  phone: russianPhoneSchema.describe("Default: the user's wallet's").optional(),
});
/** Start binding a card. */
export type StartCardBindingBody = z.infer<typeof startCardBindingBodySchema>;

/** Operator: a recurring (auto-debit) routed payment charged to a card a customer bound, no payer present. */
export const createRecurringPaymentBodySchema = z.strictObject({
  amount,
  cardId: uuidSchema.describe('A card a customer bound for it, active'),
  routing: routingSchema,
  description: z.string().max(255).describe('Shown to operators; not sent to Mandarin').optional(),
});
/** Operator: a recurring routed payment. */
export type CreateRecurringPaymentBody = z.infer<typeof createRecurringPaymentBodySchema>;
