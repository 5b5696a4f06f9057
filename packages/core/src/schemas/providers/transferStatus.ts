import { z } from 'zod';

/** Statuses of a wallet transfer, in the order the seed lists them. */
export const transferStatusSchema = z.enum([
  'waiting_funds',
  'waiting_registration',
  'waiting_password',
  'reserved',
  'rejected',
  'revoked',
  'failed',
  'done',
]);
/** Transfer status. */
export type TransferStatus = z.infer<typeof transferStatusSchema>;

/** Form body of a transfer status callback: `transfer_id=239441503&status=done&date=1596014146`. */
export const transferStatusCallbackSchema = z
  .object({
    transfer_id: z.string().min(1),
    status: transferStatusSchema,
    date: z.string().regex(/^\d+$/, 'date must be unix seconds'),
  })
  .catchall(z.string());
/** Transfer status callback. */
export type TransferStatusCallback = z.infer<typeof transferStatusCallbackSchema>;
