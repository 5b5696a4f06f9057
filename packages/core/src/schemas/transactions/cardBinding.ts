import { z } from 'zod';
import { customerInfoSchema, knownCardNumberSchema, urlsSchema } from './parts.js';
import { requestShape } from './requestShape.js';

/**
 * Body of `POST /api/card-bindings`: the payer enters the card on the hosted page or in the hosted fields.
 * `urls` is an assumption (the binding result comes back as a callback, which has to go somewhere when the
 * merchant account sets no URL). No `orderId`: a binding has none, so a repeated request binds again.
 */
export const cardBindingRequestSchema = requestShape({
  customerInfo: customerInfoSchema,
  urls: urlsSchema.optional(),
});
/** Card binding request. */
export type CardBindingRequest = z.infer<typeof cardBindingRequestSchema>;

/**
 * One-side binding (payments reference): tokenises a card number the merchant knows
 * (`target.knownCardNumber`), so it needn't store it. The binding serves payouts only; answered `{id}`.
 */
export const oneSideCardBindingRequestSchema = requestShape({
  customerInfo: customerInfoSchema,
  target: z.strictObject({ knownCardNumber: knownCardNumberSchema }),
  urls: urlsSchema.optional(),
});
/** One-side card binding request. */
export type OneSideCardBindingRequest = z.infer<typeof oneSideCardBindingRequestSchema>;

/** Answer to a one-side binding: its id, usable at once as a payout's `target.card`. */
export const oneSideCardBindingResponseSchema = z.looseObject({ id: z.string().min(1) });
/** One-side card binding response. */
export type OneSideCardBindingResponse = z.infer<typeof oneSideCardBindingResponseSchema>;

/** A started card binding: the payer enters the card at `userWebLink` or in hosted fields (`jsOperationId`). */
export const cardBindingResponseSchema = z.object({
  id: z.string().min(1),
  userWebLink: z.url(),
  jsOperationId: z.string().min(1),
});
/** Card binding response. */
export type CardBindingResponse = z.infer<typeof cardBindingResponseSchema>;

/**
 * Answer to `GET /api/card-bindings/{id}` (*assumption*: the emulator's status lookup, for bindings whose
 * callback was lost). The card fields, as the callback carries them, are there once a card was entered.
 */
export const cardBindingStatusResponseSchema = z.looseObject({
  id: z.string().min(1),
  status: z.enum(['pending', 'success', 'failed']),
  /** Masked: `411111******1111`. */
  card_number: z.string().optional(),
  card_holder: z.string().optional(),
  /** Two digits. */
  card_expiration_month: z.string().optional(),
  /** Four digits. */
  card_expiration_year: z.string().optional(),
});
/** Card binding status response. */
export type CardBindingStatusResponse = z.infer<typeof cardBindingStatusResponseSchema>;
