import { z } from 'zod';
import { fitsMinorUnits } from '../money/parseAmount.js';
import { currencySchema, positiveWireAmountSchema, wireAmountSchema } from '../schemas/common.js';

/** Ids the BFF hands to the browser (wallets are Mandarin's payment_token_id; the rest are the BFF's own). */
export const uuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    error: 'Must be an id such as 0f8fad5b-d9cb-469f-a165-70867728950e',
  });

const TOO_LARGE = 'Amount is too large';

/** An amount the browser asks to move: a positive wire string (`"150.00"`), never a JSON number. */
export const amountBodySchema = /* @__PURE__ */ positiveWireAmountSchema.refine(fitsMinorUnits, TOO_LARGE);

/** `{ "value": "5000.00", "currency": "RUB" }` as the browser sends it: an amount no larger than can be stored. */
export const moneyBodySchema = z.strictObject({
  value: wireAmountSchema.refine(fitsMinorUnits, TOO_LARGE),
  currency: currencySchema,
});

/** An amount the BFF reports: a wire string with its currency, exact, for `parseAmount` on the client. */
export const moneyViewSchema = z.object({ amount: wireAmountSchema, currency: z.literal('RUB') });
/** An exact amount as the BFF shows it to the browser. */
export type MoneyView = z.infer<typeof moneyViewSchema>;

/** Who the session belongs to. */
export const meViewSchema = z.object({
  id: z.string(),
  roles: z.array(z.enum(['customer', 'operator'])),
});
/** The signed-in user as the BFF sees them. */
export type MeView = z.infer<typeof meViewSchema>;

/** A page of a list: its rows, newest first, and the cursor of the next page (null on the last one). */
export const nextCursorSchema = z.string().nullable();
