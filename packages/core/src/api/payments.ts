import { z } from 'zod';
import { moneyBodySchema, moneyViewSchema, uuidSchema } from './common.js';

/** One routing row as the browser sends it: the wire entry of the seed. */
export const routingEntryBodySchema = z.strictObject({
  accountId: uuidSchema,
  amount: moneyBodySchema,
  platformFeeAmount: moneyBodySchema,
  description: z.string().max(255).optional(),
});
/** One routing row. */
export type RoutingEntryBody = z.infer<typeof routingEntryBodySchema>;

/** A linked sub-merchant account. */
export const subMerchantViewSchema = z.object({ id: z.string(), type: z.string(), linkedAt: z.string() });
/** A linked sub-merchant account. */
export type SubMerchantView = z.infer<typeof subMerchantViewSchema>;

/**
 * Where a routed payment (or one of its refunds) stands: `authorized` holds a two-step payment's money until it is
 * captured (`success`) or let go (`released`).
 */
export const paymentStatusSchema = z.enum(['pending', 'authorized', 'success', 'failed', 'released']);

/** A refund of a payment. */
export const refundViewSchema = z.object({
  id: uuidSchema,
  status: paymentStatusSchema,
  amount: moneyViewSchema,
  routing: z.array(routingEntryBodySchema),
  /** Mandarin's words for a failed refund, where it gave any. */
  failureReason: z.string().nullable(),
  createdAt: z.string(),
});
/** A refund of a payment. */
export type RefundView = z.infer<typeof refundViewSchema>;

/** A routed payment as the operator sees it. */
export const paymentViewSchema = z.object({
  id: uuidSchema,
  status: paymentStatusSchema,
  twoStep: z.boolean(),
  amount: moneyViewSchema,
  routing: z.array(routingEntryBodySchema),
  payUrl: z.string().nullable(),
  jsOperationId: z.string().nullable(),
  refunds: z.array(refundViewSchema),
  /** What can still be refunded: the amount less every refund that has not failed. */
  refundable: moneyViewSchema,
  /** The operator's own description of the payment. */
  description: z.string().nullable(),
  /** Mandarin's words for a failed payment, where it gave any. */
  failureReason: z.string().nullable(),
  createdAt: z.string(),
});
/** A routed payment as the operator sees it. */
export type PaymentView = z.infer<typeof paymentViewSchema>;

/** Payments, newest first. */
export const paymentListViewSchema = z.object({ payments: z.array(paymentViewSchema) });
/** Payments, newest first. */
export type PaymentListView = z.infer<typeof paymentListViewSchema>;
