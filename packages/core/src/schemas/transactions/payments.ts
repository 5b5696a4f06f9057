import { z } from 'zod';
import { positiveMoneyObjectSchema, positiveWireAmountSchema } from '../common.js';
import { orderActualTillSchema } from './orderActualTill.js';
import {
  cardBindingIdSchema,
  customerInfoSchema,
  customValuesSchema,
  metadataSchema,
  orderIdSchema,
  routingDestinationSchema,
  routingSourceSchema,
  transactionIdSchema,
  urlsSchema,
} from './parts.js';

/** Optional parts every transaction request may carry. */
export const transactionExtrasShape = {
  urls: urlsSchema.optional(),
  customValues: customValuesSchema.optional(),
  metadata: metadataSchema.optional(),
};

/**
 * One-step payment split between sub-merchants (`POST https://api.mandarin.io/secure/transactions`).
 * The routing family carries `payment.amount` as a money object; the classic API carries `payment.price`.
 */
export const routedPaymentRequestSchema = z.strictObject({
  payment: z.strictObject({
    action: z.literal('pay'),
    orderId: orderIdSchema,
    amount: positiveMoneyObjectSchema,
    orderActualTill: orderActualTillSchema.optional(),
  }),
  routing: routingDestinationSchema,
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Routed one-step payment request. */
export type RoutedPaymentRequest = z.infer<typeof routedPaymentRequestSchema>;

/**
 * First request of a two-step payment: authorise (hold) the amount on the payer's card.
 * Assumption: the seed only says authorisation "remains standard" and that routing goes with the second
 * request, so this one has action `preauth`, the routing family's `amount`, and no routing.
 */
export const twoStepAuthRequestSchema = z.strictObject({
  payment: z.strictObject({
    action: z.literal('preauth'),
    orderId: orderIdSchema,
    amount: positiveMoneyObjectSchema,
    orderActualTill: orderActualTillSchema.optional(),
  }),
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Two-step payment, authorisation request. */
export type TwoStepAuthRequest = z.infer<typeof twoStepAuthRequestSchema>;

/**
 * Second request of a two-step payment: charge the held amount (`target.transaction` is the id of the
 * authorisation) and split it. Assumption: it has an orderId of its own, an amount up to the held one,
 * and no customerInfo since the payer already took part in the first step.
 */
export const twoStepPayRequestSchema = z.strictObject({
  payment: z.strictObject({
    action: z.literal('pay'),
    orderId: orderIdSchema,
    amount: positiveMoneyObjectSchema,
  }),
  target: z.strictObject({ transaction: transactionIdSchema }),
  routing: routingDestinationSchema,
  ...transactionExtrasShape,
});
/** Two-step payment, charge request. */
export type TwoStepPayRequest = z.infer<typeof twoStepPayRequestSchema>;

/**
 * Recurring (auto-debit) payment from a bound card, split between sub-merchants. The payer is not present,
 * so customerInfo is optional. `target.card` is a card binding id.
 */
export const recurringPaymentRequestSchema = z.strictObject({
  payment: z.strictObject({
    action: z.literal('pay'),
    orderId: orderIdSchema,
    amount: positiveMoneyObjectSchema,
  }),
  target: z.strictObject({ card: cardBindingIdSchema }),
  routing: routingDestinationSchema,
  customerInfo: customerInfoSchema.optional(),
  ...transactionExtrasShape,
});
/** Recurring payment request. */
export type RecurringPaymentRequest = z.infer<typeof recurringPaymentRequestSchema>;

/** Full or partial reversal of a routed payment; `routing.source` says which accounts give back what. */
export const reversalRequestSchema = z.strictObject({
  payment: z.strictObject({
    action: z.literal('reversal'),
    orderId: orderIdSchema,
    price: positiveWireAmountSchema,
  }),
  target: z.strictObject({ transaction: transactionIdSchema }),
  routing: routingSourceSchema,
  ...transactionExtrasShape,
});
/** Reversal request. */
export type ReversalRequest = z.infer<typeof reversalRequestSchema>;
