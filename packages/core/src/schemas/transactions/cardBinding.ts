import { z } from 'zod';
import { customerInfoSchema, urlsSchema } from './parts.js';

/**
 * Body of `POST /api/card-bindings`. `urls` is an assumption (the binding result comes back as a callback,
 * which has to go somewhere when the merchant account sets no URL).
 */
export const cardBindingRequestSchema = z.strictObject({
  customerInfo: customerInfoSchema,
  urls: urlsSchema.optional(),
});
/** Card binding request. */
export type CardBindingRequest = z.infer<typeof cardBindingRequestSchema>;

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
