import { z } from 'zod';
import { moneyObjectSchema } from '../common.js';

/** The merchant's order id: Mandarin's idempotency key, so a retry of the same operation reuses it. */
export const orderIdSchema = z.string().min(1, 'orderId is required').max(255);

/** One entry of `customValues`, shown in the merchant account and echoed back as `cs2`…`cs9`. */
export const customValueSchema = z.strictObject({ name: z.string().min(1), value: z.string() });
/** A custom value. */
export type CustomValue = z.infer<typeof customValueSchema>;

/** At most 8 custom values: callbacks only have room for `cs2`…`cs9`. */
export const customValuesSchema = z.array(customValueSchema).max(8, 'At most 8 customValues are allowed');

/** Free key/value strings echoed in callbacks only, never shown to the payer. */
export const metadataSchema = z.record(z.string(), z.string());

const httpUrl = z.url({ protocol: /^https?$/, error: 'Must be an http(s) URL' });

/** Where Mandarin sends the callback and where the payment page returns the payer. */
export const urlsSchema = z.strictObject({ callback: httpUrl.optional(), return: httpUrl.optional() });
/** Callback and return URLs of a transaction. */
export type Urls = z.infer<typeof urlsSchema>;

// Upstream phones are loosely formatted (the seed itself has `+7926087626`); strict checks live in kyc/.
const wirePhoneSchema = z.string().regex(/^\+?\d{10,15}$/, 'phone must be digits with an optional leading +');

const contactShape = {
  email: z.email().optional(),
  phone: wirePhoneSchema.optional(),
  /** Some clients send the payer's or payee's full name; Mandarin documents no use for it. */
  fullName: z.string().optional(),
};

/** The payer's contacts; at least one of email and phone. Extra fields clients add are tolerated. */
export const customerInfoSchema = z
  .looseObject(contactShape)
  .refine((c) => c.email !== undefined || c.phone !== undefined, 'customerInfo needs an email or a phone');
/** Payer contacts. */
export type CustomerInfo = z.infer<typeof customerInfoSchema>;

/**
 * The payee of a payout to a bound card, as public clients send it (`fullName`, contacts): every field
 * optional, since the card already says where the money goes.
 */
export const payeeInfoSchema = z.looseObject(contactShape);

/** Who sends a payout (`senderInfo`), as some public clients add it; an object of the sender's details. */
export const senderInfoSchema = z.looseObject({
  fullName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  middleName: z.string().optional(),
});

/** A card number given in full (`knownCardNumber`): 13 to 19 digits. */
export const knownCardNumberSchema = z
  .string()
  .regex(/^\d{13,19}$/, 'knownCardNumber must be 13 to 19 digits');

/** The SBP recipient: the bank matches the phone (and the name, when given). */
export const sbpCustomerInfoSchema = z.looseObject({
  phone: wirePhoneSchema,
  email: z.email().optional(),
  // Optional: a two-step payout may be sent without the name and learn it from the bank (SPEC.md sandbox).
  firstName: z.string().min(1).optional(),
  middleName: z.string().optional(),
  lastName: z.string().min(1).optional(),
});
/** SBP payout recipient. */
export type SbpCustomerInfo = z.infer<typeof sbpCustomerInfoSchema>;

/**
 * One account of a split: what it receives (or, in `routing.source`, gives back) and the platform fee taken
 * from that amount. Sums and limits are checked by `routing/`, not here.
 */
export const routingEntrySchema = z.strictObject({
  accountId: z.string().min(1),
  amount: moneyObjectSchema,
  platformFeeAmount: moneyObjectSchema,
  description: z.string().optional(),
});
/** A routing entry. */
export type RoutingEntry = z.infer<typeof routingEntrySchema>;

/** `routing` of a payment: who receives the money. */
export const routingDestinationSchema = z.strictObject({
  destination: z.array(routingEntrySchema).min(1, 'routing.destination needs at least one account'),
});

/** `routing` of a reversal: which accounts give the money back. */
export const routingSourceSchema = z.strictObject({
  source: z.array(routingEntrySchema).min(1, 'routing.source needs at least one account'),
});

/** A Mandarin transaction id (`target.transaction`). */
export const transactionIdSchema = z.string().min(1);
/** An ESP id, the `payment_token_id` of the tokens API. */
export const paymentTokenSchema = z.string().min(1);
/** A preauth (hold) transaction id (`target.preauth`). */
export const preauthIdSchema = z.string().min(1);
/** A card binding id from a card-binding callback. */
export const cardBindingIdSchema = z.string().min(1);
