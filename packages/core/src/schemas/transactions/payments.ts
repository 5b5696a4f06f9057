import { z } from 'zod';
import {
  cardBindingIdSchema,
  customerInfoSchema,
  routingDestinationSchema,
  routingSourceSchema,
  transactionIdSchema,
} from './parts.js';
import {
  classicPayment,
  eitherPayment,
  requestShape,
  reversalPaymentSchema,
  routedPayment,
  transactionExtrasShape,
} from './requestShape.js';

/**
 * One-step payment split between sub-merchants (`POST https://api.mandarin.io/secure/transactions`).
 * The routing family carries `payment.amount` as a money object; the classic API carries `payment.price`.
 */
export const routedPaymentRequestSchema = requestShape({
  payment: routedPayment('pay'),
  routing: routingDestinationSchema,
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Routed one-step payment request. */
export type RoutedPaymentRequest = z.infer<typeof routedPaymentRequestSchema>;

/**
 * A payment by a card not bound yet (payments reference, "Card pay"): the payer enters it at `userWebLink`
 * or in the hosted fields. Answered `{id, userWebLink}`.
 */
export const cardPaymentRequestSchema = requestShape({
  payment: classicPayment('pay'),
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Card payment request. */
export type CardPaymentRequest = z.infer<typeof cardPaymentRequestSchema>;

/**
 * A payout to a card not bound yet (payments reference, "Card payout"): the payee enters the card that
 * receives the money at `userWebLink`. Answered `{id, userWebLink}`.
 */
export const cardPayoutRequestSchema = requestShape({
  payment: classicPayment('payout'),
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Card payout request. */
export type CardPayoutRequest = z.infer<typeof cardPayoutRequestSchema>;

/**
 * Auto-debit of a bound card (`target.card` = a card binding id), with no payer present. Classic (`price`)
 * or routing family (`amount`); the split goes with it when there is one.
 */
export const recurringPaymentRequestSchema = requestShape({
  payment: eitherPayment('pay'),
  target: z.strictObject({ card: cardBindingIdSchema }),
  routing: routingDestinationSchema.optional(),
  customerInfo: customerInfoSchema.optional(),
  ...transactionExtrasShape,
});
/** Recurring payment request. */
export type RecurringPaymentRequest = z.infer<typeof recurringPaymentRequestSchema>;

/**
 * Rebill (payments reference): charge the card of an earlier successful `pay` again, with no payer present
 * (`target.rebill` = that transaction's id).
 */
export const rebillRequestSchema = requestShape({
  payment: eitherPayment('pay'),
  target: z.strictObject({ rebill: transactionIdSchema }),
  routing: routingDestinationSchema.optional(),
  customerInfo: customerInfoSchema.optional(),
  ...transactionExtrasShape,
});
/** Rebill request. */
export type RebillRequest = z.infer<typeof rebillRequestSchema>;

/**
 * Refund: a full or partial reversal of a successful payment (`target.transaction`). Without `price` the
 * whole remaining amount is refunded; a routed payment's refund says in `routing.source` which accounts
 * give back what.
 */
export const reversalRequestSchema = requestShape({
  payment: reversalPaymentSchema,
  target: z.strictObject({ transaction: transactionIdSchema }),
  routing: routingSourceSchema.optional(),
  ...transactionExtrasShape,
});
/** Reversal (refund) request. */
export type ReversalRequest = z.infer<typeof reversalRequestSchema>;
