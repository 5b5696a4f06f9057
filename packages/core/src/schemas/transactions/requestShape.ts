import { z } from 'zod';
import { positiveMoneyObjectSchema, positiveWireAmountSchema } from '../common.js';
import { orderActualTillSchema } from './orderActualTill.js';
import { customValuesSchema, metadataSchema, orderIdSchema, senderInfoSchema, urlsSchema } from './parts.js';

/** The keys that say which operation a body is: what it acts on, where money comes from and goes to. */
const REFERENCE_KEYS = ['target', 'source', 'destination', 'transit', 'routing'] as const;

/**
 * A request body: the fields it names are typed, extra fields real clients send are tolerated (Mandarin
 * ignores what it doesn't use), but a reference key (`target`, `source`, `destination`, `transit`,
 * `routing`) that this shape doesn't have is refused. So each body still matches at most one shape, and a
 * body meant for one operation is never taken for another.
 */
export function requestShape<S extends z.core.$ZodLooseShape>(shape: S) {
  const foreign = REFERENCE_KEYS.filter((key) => !(key in shape));
  return z.looseObject(shape).superRefine((value, ctx) => {
    const body = value as Record<string, unknown>;
    for (const key of foreign) {
      if (body[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is not part of this request` });
      }
    }
  });
}

/** Optional parts every transaction request may carry. */
export const transactionExtrasShape = {
  urls: urlsSchema.optional(),
  customValues: customValuesSchema.optional(),
  metadata: metadataSchema.optional(),
  /** Who sends a payout, as some clients add it; typed when present, not used by the kit. */
  senderInfo: senderInfoSchema.optional(),
};

/** `payment` of the classic API: the amount is `price` (`"10"`, `"5000.00"`). */
export function classicPayment<A extends string>(action: A) {
  return z.looseObject({
    action: z.literal(action),
    orderId: orderIdSchema,
    price: positiveWireAmountSchema,
    orderActualTill: orderActualTillSchema.optional(),
  });
}

/** `payment` of the routing family: the amount is a money object. */
export function routedPayment<A extends string>(action: A) {
  return z.looseObject({
    action: z.literal(action),
    orderId: orderIdSchema,
    amount: positiveMoneyObjectSchema,
    orderActualTill: orderActualTillSchema.optional(),
  });
}

/**
 * `payment` of an operation both families send (preauth, capture, rebill, auto-debit): the classic
 * `price` or the routing family's `amount`, exactly one of them.
 */
export function eitherPayment<A extends string>(action: A) {
  return z
    .looseObject({
      action: z.literal(action),
      orderId: orderIdSchema,
      price: positiveWireAmountSchema.optional(),
      amount: positiveMoneyObjectSchema.optional(),
      orderActualTill: orderActualTillSchema.optional(),
    })
    .refine((p) => (p.price === undefined) !== (p.amount === undefined), {
      message: 'payment needs either price or amount',
      path: ['price'],
    });
}

/**
 * `payment` of a reversal: `price` is optional (the reference's refund and release name none; then the
 * whole remaining amount is meant).
 */
export const reversalPaymentSchema = z.looseObject({
  action: z.literal('reversal'),
  orderId: orderIdSchema,
  price: positiveWireAmountSchema.optional(),
});
