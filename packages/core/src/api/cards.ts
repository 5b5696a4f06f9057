import { z } from 'zod';
import { subMerchantViewSchema } from './payments.js';

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

/** A binding under way: pay it in the hosted card fields (`jsOperationId`) or on the hosted page (`payUrl`). */
export const cardBindingStartedViewSchema = z.object({
  id: z.string(),
  status: z.literal('pending'),
  jsOperationId: z.string(),
  payUrl: z.string(),
});
/** A binding under way. */
export type CardBindingStartedView = z.infer<typeof cardBindingStartedViewSchema>;

/** List answers the browser client reads. */
export const subMerchantListViewSchema = z.object({
  subMerchants: z.array(subMerchantViewSchema),
});
/** The linked sub-merchants. */
export type SubMerchantListView = z.infer<typeof subMerchantListViewSchema>;
