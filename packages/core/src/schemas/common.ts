import { z } from 'zod';

const WIRE_AMOUNT = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

/**
 * An amount as Mandarin sends it: digits, optionally a period and one or two decimals (`"5000.00"`, `"100"`).
 * No sign, exponent, spaces or commas. Kept as a string: money never passes through a float.
 */
export const wireAmountSchema = z
  .string({ error: 'Amount must be a string like "5000.00"' })
  .regex(WIRE_AMOUNT, 'Amount must look like "5000.00": digits, a period and at most two decimals');
/** A wire amount such as `"5000.00"`. */
export type WireAmount = z.infer<typeof wireAmountSchema>;

// Only servers parse with the schemas marked pure, so that a bundler may leave them out of a browser bundle.

/** A wire amount above zero, for what a payment or payout moves (fees may be zero, prices may not). */
export const positiveWireAmountSchema = /* @__PURE__ */ wireAmountSchema.refine(
  (v) => /[1-9]/.test(v),
  'Amount must be greater than zero',
);

/** The only currency Mandarin speaks today. */
export const currencySchema = z.enum(['RUB'], { error: 'Currency must be RUB' });
/** A currency code Mandarin accepts. */
export type Currency = z.infer<typeof currencySchema>;

/** `{ "value": "5000.00", "currency": "RUB" }`, as in routing payments. */
export const moneyObjectSchema = z.strictObject({ value: wireAmountSchema, currency: currencySchema });
/** An amount with its currency, on the wire. */
export type MoneyObject = z.infer<typeof moneyObjectSchema>;

/** A money object whose value is above zero. */
export const positiveMoneyObjectSchema = /* @__PURE__ */ z.strictObject({
  value: positiveWireAmountSchema,
  currency: currencySchema,
});
