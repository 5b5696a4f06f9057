import { z } from 'zod';
import { normalizePhone } from '../kyc/phone.js';
import { moneyObjectSchema } from '../schemas/common.js';
import { amountBodySchema, moneyViewSchema, uuidSchema } from './common.js';

/** One routing row as the browser sends it: the wire entry of the seed. */
export const routingEntryBodySchema = z.strictObject({
  accountId: uuidSchema,
  amount: moneyObjectSchema,
  platformFeeAmount: moneyObjectSchema,
  description: z.string().max(255).optional(),
});
/** One routing row. */
export type RoutingEntryBody = z.infer<typeof routingEntryBodySchema>;

const routingSchema = z.array(routingEntryBodySchema).min(1).max(100);

/** Operator: create a routed payment; a two-step payment gets its routing when it is completed. */
export const createPaymentBodySchema = z
  .strictObject({
    amount: amountBodySchema,
    twoStep: z.boolean().default(false),
    routing: routingSchema.optional(),
    customer: z.strictObject({
      email: z.email(),
      phone: z.string().transform((value, ctx) => {
        try {
          return normalizePhone(value);
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'Phone must be a Russian number such as +7 900 123-45-67',
          });
          return z.NEVER;
        }
      }),
    }),
    description: z.string().max(255).optional(),
  })
  .refine((body) => body.twoStep || body.routing !== undefined, {
    path: ['routing'],
    error: 'A one-step payment needs its routing',
  });
/** Operator: create a routed payment. */
export type CreatePaymentBody = z.infer<typeof createPaymentBodySchema>;

/** Operator: the second step of a two-step payment, with its routing. */
export const completePaymentBodySchema = z.strictObject({ routing: routingSchema });
/** Operator: the second step of a two-step payment. */
export type CompletePaymentBody = z.infer<typeof completePaymentBodySchema>;

/** Operator: refund part or all of a payment; without `routing` the BFF splits what remains in proportion. */
export const createRefundBodySchema = z.strictObject({
  amount: amountBodySchema,
  routing: routingSchema.optional(),
  refundFee: z.boolean().default(false),
});
/** Operator: refund part or all of a payment. */
export type CreateRefundBody = z.infer<typeof createRefundBodySchema>;

/** Operator: link a sub-merchant by the token from its personal account. */
export const linkSubMerchantBodySchema = z.strictObject({ token: z.string().trim().min(10).max(4096) });
/** Operator: link a sub-merchant. */
export type LinkSubMerchantBody = z.infer<typeof linkSubMerchantBodySchema>;

/** A linked sub-merchant account. */
export const subMerchantViewSchema = z.object({ id: z.string(), type: z.string(), linkedAt: z.string() });
/** A linked sub-merchant account. */
export type SubMerchantView = z.infer<typeof subMerchantViewSchema>;

/** Where a routed payment (or one of its refunds) stands. */
export const paymentStatusSchema = z.enum(['pending', 'authorized', 'success', 'failed']);

/** A refund of a payment. */
export const refundViewSchema = z.object({
  id: uuidSchema,
  status: paymentStatusSchema,
  amount: moneyViewSchema,
  routing: z.array(routingEntryBodySchema),
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
  createdAt: z.string(),
});
/** A routed payment as the operator sees it. */
export type PaymentView = z.infer<typeof paymentViewSchema>;

/** Payments, newest first. */
export const paymentListViewSchema = z.object({ payments: z.array(paymentViewSchema) });
/** Payments, newest first. */
export type PaymentListView = z.infer<typeof paymentListViewSchema>;
