import { z } from 'zod';
import { operationKindSchema, operationStatusSchema } from './operations.js';
import { csvListQuery, periodPageQueryShape } from './paging.js';
import { paymentStatusSchema } from './payments.js';

// The query strings the BFF parses, kept apart from the views like the bodies (bodies.ts): browser bundles never
// carry them (the browser builds its queries from plain filter objects, `OperationHistoryFilter`).

/**
 * The query of `GET /api/wallets/:id/operations` (and of its `.csv`): `kind` and `status` take one value or
 * several (comma-separated), `from` inclusive and `to` exclusive, `cursor` from the page before.
 */
export const operationHistoryQuerySchema = z.object({
  kind: csvListQuery(operationKindSchema)
    .describe('One kind or several, comma-separated: `top_up,deposit`')
    .optional(),
  status: csvListQuery(operationStatusSchema).describe('One status or several, comma-separated').optional(),
  ...periodPageQueryShape,
});
/** A wallet history query as the BFF reads it. */
export type OperationHistoryQuery = z.output<typeof operationHistoryQuerySchema>;
/** The query of `GET /api/payments`: `status` one value or several, `orderId` exact, paged like the history. */
export const paymentListQuerySchema = z.object({
  status: csvListQuery(paymentStatusSchema).describe('One status or several, comma-separated').optional(),
  orderId: z.string().trim().min(1).max(128).describe('The orderId sent to Mandarin, exactly').optional(),
  ...periodPageQueryShape,
});
/** A payments query as the BFF reads it. */
export type PaymentListQuery = z.output<typeof paymentListQuerySchema>;
