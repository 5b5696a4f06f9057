import { z } from 'zod';
import { cardBindingIdSchema, customerInfoSchema, knownCardNumberSchema, payeeInfoSchema } from './parts.js';
import { classicPayment, requestShape, transactionExtrasShape } from './requestShape.js';

/**
 * Payout from the merchant to a card given by its number (payments reference, "knownCardNumber":
 * `target.knownCardNumber`). The ESP seed's wallet payouts use `destination.knownCardNumber` instead.
 */
export const cardNumberPayoutRequestSchema = requestShape({
  payment: classicPayment('payout'),
  customerInfo: customerInfoSchema,
  target: z.strictObject({ knownCardNumber: knownCardNumberSchema }),
  ...transactionExtrasShape,
});
/** Payout to a known card number (classic). */
export type CardNumberPayoutRequest = z.infer<typeof cardNumberPayoutRequestSchema>;

/**
 * Payout from the merchant to a bound card (`target.card` = a card binding id, one-side bindings
 * included), as the payments reference and public clients send it: `customerInfo` (with `fullName`) and
 * `senderInfo` optional.
 */
export const boundCardPayoutRequestSchema = requestShape({
  payment: classicPayment('payout'),
  target: z.strictObject({ card: cardBindingIdSchema }),
  customerInfo: payeeInfoSchema.optional(),
  ...transactionExtrasShape,
});
/** Payout to a bound card (classic). */
export type BoundCardPayoutRequest = z.infer<typeof boundCardPayoutRequestSchema>;
