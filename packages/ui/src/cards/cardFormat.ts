import type { CardView } from '@mandarin-kit/core';

/** A masked card number for people: `411111******1111` → `4111 11•• •••• 1111`; null when there is none. */
export function formatCardNumber(masked: string | null): string | null {
  if (!masked) return null;
  const compact = masked.replace(/\s+/g, '').replace(/[*xX•]/g, '•');
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The short name of a card: `•• 1111` (null without a number). */
export function cardShortName(card: Pick<CardView, 'cardMasked'>): string | null {
  const digits = card.cardMasked?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 ? `•• ${digits.slice(-4)}` : null;
}

/** `MM/YY` from the card's expiry (`12`, `2027` → `12/27`); null when unknown. */
export function formatExpiry(card: Pick<CardView, 'expiryMonth' | 'expiryYear'>): string | null {
  if (!card.expiryMonth || !card.expiryYear) return null;
  return `${card.expiryMonth.padStart(2, '0')}/${card.expiryYear.slice(-2)}`;
}
