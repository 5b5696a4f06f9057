import { z } from 'zod';
import { moneyBodySchema, moneyViewSchema, nextCursorSchema, uuidSchema } from './common.js';

/** One routing row as the browser sends it: the wire entry of the seed. */
export const routingEntryBodySchema = z.strictObject({
  accountId: uuidSchema,
  amount: moneyBodySchema,
  platformFeeAmount: moneyBodySchema,
  description: z.string().max(255).optional(),
});
/** One routing row. */
export type RoutingEntryBody = z.infer<typeof routingEntryBodySchema>;

/** A linked sub-merchant account, with the operator's label and a short id to show beside it. */
export const subMerchantViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  linkedAt: z.string(),
  /** The operator's name for the account; null until given. */
  label: z.string().nullable(),
  /** The id's first 8 characters: `Label · 1a2b3c4d`. */
  shortId: z.string(),
});
/** A linked sub-merchant account. */
export type SubMerchantView = z.infer<typeof subMerchantViewSchema>;

/**
 * Where a routed payment (or one of its refunds) stands: `authorized` holds a two-step payment's money until it is
 * captured (`success`) or let go (`released`).
 */
export const paymentStatusSchema = z.enum(['pending', 'authorized', 'success', 'failed', 'released']);
/** Where a routed payment stands. */
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

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
  /** The orderId sent to Mandarin, as its reports and the operator's search name the payment. */
  orderId: z.string(),
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

/** A page of payments, newest first; `nextCursor` is null on the last page. */
export const paymentListViewSchema = z.object({
  payments: z.array(paymentViewSchema),
  nextCursor: nextCursorSchema,
});
/** A page of payments, newest first. */
export type PaymentListView = z.infer<typeof paymentListViewSchema>;

/** Filters and paging of the payments list, as the browser asks for them. */
export interface PaymentListFilter {
  status?: PaymentStatus[];
  /** An instant with its offset; inclusive. */
  from?: string;
  /** An instant with its offset; exclusive. */
  to?: string;
  orderId?: string;
  cursor?: string;
  limit?: number;
}
