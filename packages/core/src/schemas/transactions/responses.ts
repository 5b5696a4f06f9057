import { z } from 'zod';

/** Answer to a created transaction; a reversal answers with `id` only. */
export const transactionResponseSchema = z.object({
  id: z.string().min(1),
  userWebLink: z.url().optional(),
  jsOperationId: z.string().min(1).optional(),
});
/** Transaction creation response. */
export type TransactionResponse = z.infer<typeof transactionResponseSchema>;

/**
 * Answer to `GET /api/transactions/{id}` (*assumption*: the emulator's status lookup): where a transaction
 * stands, with Mandarin's reason when it failed (other fields pass through).
 */
export const transactionStatusResponseSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['pending', 'success', 'failed']),
  orderId: z.string().optional(),
  /** Why a failed transaction failed (`"Insufficient funds"`, …); null or absent otherwise. */
  error: z.string().nullish(),
  /** Where the payer enters the card, while the transaction waits for one (as the create answer gave it). */
  userWebLink: z.string().optional(),
  jsOperationId: z.string().optional(),
});
/** Transaction status response. */
export type TransactionStatusResponse = z.infer<typeof transactionStatusResponseSchema>;

/**
 * Answer to `GET /api/transactions?orderId=` (*assumption*, like the lookup by id): the same view, found by
 * the merchant's orderId, so an operation whose create answer was lost can be looked up (404: nothing was
 * created).
 */
export const transactionByOrderIdResponseSchema = transactionStatusResponseSchema.extend({
  orderId: z.string(),
});
/** Transaction found by orderId. */
export type TransactionByOrderIdResponse = z.infer<typeof transactionByOrderIdResponseSchema>;

/** A 4xx from Mandarin; `errorCode` -2 means a duplicate orderId of an unfinished payout. */
export const mandarinErrorResponseSchema = z.object({
  error: z.string(),
  errorCode: z.int().optional(),
});
/** Mandarin error response. */
export type MandarinErrorResponse = z.infer<typeof mandarinErrorResponseSchema>;
