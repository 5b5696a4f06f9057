import { isLuhnValid } from '@mandarin-kit/core';

/**
 * The four card inputs, named like Mandarin's hosted-field containers (`mandarinpay-field-<name>`), so the
 * hosted page, the field iframes and `/hosted/process` report errors under the same keys.
 */
export const CARD_FIELDS = ['card-number', 'card-holder', 'card-expiration', 'card-cvv'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** Raw card input as typed (hosted page form fields, `/hosted/process` body). */
export interface CardInput {
  cardNumber?: string | undefined;
  cardHolder?: string | undefined;
  cardExpiration?: string | undefined;
  cardCvv?: string | undefined;
}

/**
 * A card that passed validation. The CVV is checked and dropped: nothing downstream needs it, and the
 * emulator should not keep what a real processor must not store.
 */
export interface ValidCard {
  pan: string;
  holder: string;
  /** Two digits, `01`…`12`. */
  expirationMonth: string;
  /** Four digits. */
  expirationYear: string;
}

/** The key of `CardInput` (and of the `/hosted/process` body) each field fills. */
export const CARD_INPUT_KEYS: Record<CardField, keyof CardInput> = {
  'card-number': 'cardNumber',
  'card-holder': 'cardHolder',
  'card-expiration': 'cardExpiration',
  'card-cvv': 'cardCvv',
};

export type CardValidation =
  | { ok: true; card: ValidCard }
  | { ok: false; errors: Partial<Record<CardField, string>> };

const EXPIRATION = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/;
const HOLDER = /^[A-Za-z][A-Za-z .'-]{1,49}$/;

/** Human-readable error per field, in the words the page and the field iframes show. */
export const CARD_FIELD_ERRORS: Record<CardField, string> = {
  'card-number': 'Enter a valid card number',
  'card-holder': 'Enter the name as printed on the card (Latin letters)',
  'card-expiration': 'Enter a valid expiry date (MM/YY)',
  'card-cvv': 'Enter the 3 or 4 digit security code',
};

/** `12/30`, `1230`, `12 / 2030` → month and four-digit year, or null. */
function parseExpiration(raw: string): { month: number; year: number } | null {
  const match = EXPIRATION.exec(raw.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/**
 * Validates typed card data against the emulated clock (a card is valid through the last day of its expiry
 * month). Spaces and dashes in the number are ignored, the holder is upper-cased as embossed.
 */
export function validateCardInput(input: CardInput, nowMs: number): CardValidation {
  const errors: Partial<Record<CardField, string>> = {};
  const pan = (input.cardNumber ?? '').replace(/[\s-]/g, '');
  if (!isLuhnValid(pan)) errors['card-number'] = CARD_FIELD_ERRORS['card-number'];
  const holder = (input.cardHolder ?? '').trim().replace(/\s+/g, ' ');
  if (!HOLDER.test(holder)) errors['card-holder'] = CARD_FIELD_ERRORS['card-holder'];
  const expiration = parseExpiration(input.cardExpiration ?? '');
  const now = new Date(nowMs);
  const expired =
    expiration !== null &&
    (expiration.year < now.getUTCFullYear() ||
      (expiration.year === now.getUTCFullYear() && expiration.month < now.getUTCMonth() + 1));
  if (!expiration || expired || expiration.year > now.getUTCFullYear() + 30) {
    errors['card-expiration'] = CARD_FIELD_ERRORS['card-expiration'];
  }
  if (!/^\d{3,4}$/.test((input.cardCvv ?? '').trim())) errors['card-cvv'] = CARD_FIELD_ERRORS['card-cvv'];
  if (Object.keys(errors).length > 0 || !expiration) return { ok: false, errors };
  return {
    ok: true,
    card: {
      pan,
      holder: holder.toUpperCase(),
      expirationMonth: String(expiration.month).padStart(2, '0'),
      expirationYear: String(expiration.year),
    },
  };
}

/**
 * Whether one field's value passes the rules of `validateCardInput` on its own: what the hosted-field iframes
 * show as their `valid` and `error` states (the emulator still decides when the card is sent).
 */
export function cardFieldValid(field: CardField, value: string, nowMs: number): boolean {
  const result = validateCardInput({ [CARD_INPUT_KEYS[field]]: value }, nowMs);
  return result.ok || result.errors[field] === undefined;
}
