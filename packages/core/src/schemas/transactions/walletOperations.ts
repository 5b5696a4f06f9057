import { z } from 'zod';
import { sbpBankBicSchema, sbpBankIdSchema } from '../sbp.js';
import {
  cardBindingIdSchema,
  customerInfoSchema,
  knownCardNumberSchema,
  paymentTokenSchema,
  sbpCustomerInfoSchema,
} from './parts.js';
import { classicPayment, requestShape, transactionExtrasShape } from './requestShape.js';

const paymentTokenRef = z.strictObject({ paymentToken: paymentTokenSchema });
const cardRef = z.strictObject({ card: cardBindingIdSchema });

/** Business account → ESP (`action: payout`, `target.paymentToken`). */
export const depositRequestSchema = requestShape({
  payment: classicPayment('payout'),
  target: paymentTokenRef,
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Deposit to an ESP. */
export type DepositRequest = z.infer<typeof depositRequestSchema>;

/** ESP → business account (`action: pay`, `target.paymentToken`). */
export const withdrawalRequestSchema = requestShape({
  payment: classicPayment('pay'),
  target: paymentTokenRef,
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Withdrawal from an ESP to the business. */
export type WithdrawalRequest = z.infer<typeof withdrawalRequestSchema>;

/** ESP → a card given by its number. */
export const payoutToCardNumberRequestSchema = requestShape({
  payment: classicPayment('payout'),
  customerInfo: customerInfoSchema,
  source: paymentTokenRef,
  destination: z.strictObject({ knownCardNumber: knownCardNumberSchema }),
  ...transactionExtrasShape,
});
/** Payout to a card number. */
export type PayoutToCardNumberRequest = z.infer<typeof payoutToCardNumberRequestSchema>;

/** ESP → a bound card (`destination.card` is a card binding id). */
export const payoutToBoundCardRequestSchema = requestShape({
  payment: classicPayment('payout'),
  customerInfo: customerInfoSchema,
  source: paymentTokenRef,
  destination: cardRef,
  ...transactionExtrasShape,
});
/** Payout to a bound card. */
export type PayoutToBoundCardRequest = z.infer<typeof payoutToBoundCardRequestSchema>;

/** ESP → SBP. The same body starts the one-step and the two-step (confirm the recipient's name) flows. */
export const sbpPayoutRequestSchema = requestShape({
  payment: classicPayment('payout'),
  customerInfo: sbpCustomerInfoSchema,
  source: paymentTokenRef,
  destination: z.strictObject({
    sbp: z.strictObject({ bankId: sbpBankIdSchema, bankBic: sbpBankBicSchema }),
  }),
  ...transactionExtrasShape,
});
/** SBP payout request. */
export type SbpPayoutRequest = z.infer<typeof sbpPayoutRequestSchema>;

/** Payout to a bound card passing through an ESP (`transit.paymentToken`, `target.card`). */
export const transitPayoutRequestSchema = requestShape({
  payment: classicPayment('payout'),
  customerInfo: customerInfoSchema,
  transit: paymentTokenRef,
  target: cardRef,
  ...transactionExtrasShape,
});
/** Transit payout request. */
export type TransitPayoutRequest = z.infer<typeof transitPayoutRequestSchema>;

/** Bound card → ESP (`source.card`, `destination.paymentToken`). */
export const topUpRequestSchema = requestShape({
  payment: classicPayment('pay'),
  customerInfo: customerInfoSchema,
  source: cardRef,
  destination: paymentTokenRef,
  ...transactionExtrasShape,
});
/** ESP top-up request. */
export type TopUpRequest = z.infer<typeof topUpRequestSchema>;
