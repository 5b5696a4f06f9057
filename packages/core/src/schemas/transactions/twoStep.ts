import { z } from 'zod';
import { customerInfoSchema, preauthIdSchema, routingDestinationSchema } from './parts.js';
import {
  eitherPayment,
  requestShape,
  reversalPaymentSchema,
  transactionExtrasShape,
} from './requestShape.js';

/**
 * First step of a two-step payment: hold (`preauth`) the amount on the payer's card, entered at
 * `userWebLink` or in the hosted fields. The split is not here: it goes with the capture (seed).
 */
export const twoStepAuthRequestSchema = requestShape({
  payment: eitherPayment('preauth'),
  customerInfo: customerInfoSchema,
  ...transactionExtrasShape,
});
/** Two-step payment, authorisation request. */
export type TwoStepAuthRequest = z.infer<typeof twoStepAuthRequestSchema>;

/**
 * Capture ("confirmauth" in the payments reference): `action: "pay"` with `target.preauth` = the hold's
 * transaction id, for the whole held amount or part of it. A routed payment's split goes here (seed:
 * "the routing object is added to the second request with action pay").
 */
export const captureRequestSchema = requestShape({
  payment: eitherPayment('pay'),
  target: z.strictObject({ preauth: preauthIdSchema }),
  routing: routingDestinationSchema.optional(),
  ...transactionExtrasShape,
});
/** Capture of a two-step payment. */
export type CaptureRequest = z.infer<typeof captureRequestSchema>;

/**
 * Release of a hold that was not captured: `action: "reversal"` with `target.preauth`. The hold ends; it
 * can't be captured afterwards.
 */
export const releaseRequestSchema = requestShape({
  payment: reversalPaymentSchema,
  target: z.strictObject({ preauth: preauthIdSchema }),
  ...transactionExtrasShape,
});
/** Release of an uncaptured hold. */
export type ReleaseRequest = z.infer<typeof releaseRequestSchema>;
