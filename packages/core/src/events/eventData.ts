import { z } from 'zod';
import { espStatusValueSchema } from '../schemas/espStatus.js';

/** `esp.status`: a wallet's ESP status changed (from the ESP webhook). */
export const espStatusEventSchema = z.object({ walletId: z.string(), status: espStatusValueSchema });
/** `esp.status` payload. */
export type EspStatusEvent = z.infer<typeof espStatusEventSchema>;

/**
 * `transaction.status`: a Mandarin transaction finished. `operationId` (wallet operations) or `paymentId`
 * (routed payments; `refundId` too for a refund) identifies it; all are null for one the BFF did not create.
 */
export const transactionStatusEventSchema = z.object({
  kind: z.enum(['operation', 'payment', 'refund', 'unknown']),
  operationId: z.string().nullable(),
  paymentId: z.string().nullable(),
  refundId: z.string().nullable(),
  walletId: z.string().nullable(),
  status: z.string(),
  /** Mandarin's references, so an operator can match an event the BFF could not attribute. */
  orderId: z.string().nullable(),
  transactionId: z.string().nullable(),
  /** Mandarin's words for a failure, where it gave any. */
  reason: z.string().nullable().optional(),
});
/** `transaction.status` payload. */
export type TransactionStatusEvent = z.infer<typeof transactionStatusEventSchema>;

/** `card_binding.status`: a card binding finished; only the masked number is ever relayed. */
export const cardBindingEventSchema = z.object({
  cardId: z.string(),
  status: z.enum(['active', 'failed']),
  cardMasked: z.string().nullable(),
});
/** `card_binding.status` payload. */
export type CardBindingEvent = z.infer<typeof cardBindingEventSchema>;
