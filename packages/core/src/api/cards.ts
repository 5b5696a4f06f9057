import { z } from 'zod';
import { normalizePhone } from '../kyc/phone.js';
import { amountBodySchema, uuidSchema } from './common.js';
import { routingEntryBodySchema } from './payments.js';

/** A card the user bound (tokenized): only ever the masked number, never the card data. */
export const cardViewSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'active', 'failed']),
  cardMasked: z.string().nullable(),
  cardHolder: z.string().nullable(),
  expiryMonth: z.string().nullable(),
  expiryYear: z.string().nullable(),
  createdAt: z.string(),
});
/** A bound card. */
export type CardView = z.infer<typeof cardViewSchema>;

/** The signed-in user's cards, newest first (removed ones are not listed). */
export const cardListViewSchema = z.object({ cards: z.array(cardViewSchema) });
/** The signed-in user's cards. */
export type CardListView = z.infer<typeof cardListViewSchema>;

/** Start binding a card; contacts default to those of the user's wallet. */
export const startCardBindingBodySchema = z.strictObject({
  email: z.email().optional(),
  phone: z
    .string()
    .transform((value, ctx) => {
      try {
        return normalizePhone(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Phone must be a Russian number such as +7 900 123-45-67' });
        return z.NEVER;
      }
    })
    .optional(),
});
/** Start binding a card. */
export type StartCardBindingBody = z.infer<typeof startCardBindingBodySchema>;

/** A binding under way: pay it in the hosted card fields (`jsOperationId`) or on the hosted page (`payUrl`). */
export const cardBindingStartedViewSchema = z.object({
  id: z.string(),
  status: z.literal('pending'),
  jsOperationId: z.string(),
  payUrl: z.string(),
});
/** A binding under way. */
export type CardBindingStartedView = z.infer<typeof cardBindingStartedViewSchema>;

/** Operator: a recurring (auto-debit) routed payment charged to a card a customer bound, no payer present. */
export const createRecurringPaymentBodySchema = z.strictObject({
  amount: amountBodySchema,
  cardId: uuidSchema,
  routing: z.array(routingEntryBodySchema).min(1).max(100),
  description: z.string().max(255).optional(),
});
/** Operator: a recurring routed payment. */
export type CreateRecurringPaymentBody = z.infer<typeof createRecurringPaymentBodySchema>;

/** List answers the browser client reads. */
export const subMerchantListViewSchema = z.object({
  subMerchants: z.array(z.object({ id: z.string(), type: z.string(), linkedAt: z.string() })),
});
