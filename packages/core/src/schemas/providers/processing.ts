import { z } from 'zod';

/**
 * JSON body of a signed processing callback. `type` + `id` identify the transaction and
 * `type` + `id` + `status` a repeat; the rest of the body is kept as sent.
 */
export const processingCallbackSchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1),
  status: z.string().min(1),
  amount: z.union([z.string(), z.number()]).optional(),
  currency: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
/** Processing callback body. */
export type ProcessingCallback = z.infer<typeof processingCallbackSchema>;
