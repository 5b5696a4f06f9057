import { z } from 'zod';

/** Answer to a created transaction; a reversal answers with `id` only. */
export const transactionResponseSchema = z.object({
  id: z.string().min(1),
  userWebLink: z.url().optional(),
  jsOperationId: z.string().min(1).optional(),
});
/** Transaction creation response. */
export type TransactionResponse = z.infer<typeof transactionResponseSchema>;

/** Answer to `GET /api/transactions/{id}`: where a transaction stands (other fields pass through). */
export const transactionStatusResponseSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['pending', 'success', 'failed']),
});
/** Transaction status response. */
export type TransactionStatusResponse = z.infer<typeof transactionStatusResponseSchema>;

/** A 4xx from Mandarin; `errorCode` -2 means a duplicate orderId of an unfinished payout. */
export const mandarinErrorResponseSchema = z.object({
  error: z.string(),
  errorCode: z.int().optional(),
});
/** Mandarin error response. */
export type MandarinErrorResponse = z.infer<typeof mandarinErrorResponseSchema>;
