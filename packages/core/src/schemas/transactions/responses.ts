import { z } from 'zod';

/** Answer to a created transaction; a reversal answers with `id` only. */
export const transactionResponseSchema = z.object({
  id: z.string().min(1),
  userWebLink: z.url().optional(),
  jsOperationId: z.string().min(1).optional(),
});
/** Transaction creation response. */
export type TransactionResponse = z.infer<typeof transactionResponseSchema>;

/** A 4xx from Mandarin; `errorCode` -2 means a duplicate orderId of an unfinished payout. */
export const mandarinErrorResponseSchema = z.object({
  error: z.string(),
  errorCode: z.int().optional(),
});
/** Mandarin error response. */
export type MandarinErrorResponse = z.infer<typeof mandarinErrorResponseSchema>;
