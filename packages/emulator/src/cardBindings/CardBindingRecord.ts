import type { CardBindingRequest } from '@mandarin-kit/core';

/**
 * `pending`: waiting for the payer to enter a card (hosted page or hosted fields); `success`: the card is
 * bound and its id may be used as `destination.card` / `source.card` / `target.card`; `failed`: declined or
 * cancelled, and transactions naming it fail.
 */
export type CardBindingStatus = 'pending' | 'success' | 'failed';

/** What the emulator keeps of a bound card: never the full number or the CVV. */
export interface BoundCard {
  /** `411111******1111`, as the callback carries it. */
  masked: string;
  /** Holder and expiry are unknown for a one-side binding: only the number was given. */
  holder?: string;
  expirationMonth?: string;
  expirationYear?: string;
}

/** A card binding (admin: `GET /__emulator/card-bindings/{id}`). */
export interface CardBindingRecord {
  /** Lowercase UUID: the card id transactions refer to. */
  id: string;
  /** The `transaction` query parameter of `userWebLink`. */
  payToken: string;
  /** The hosted fields' `operationId`. */
  jsOperationId: string;
  status: CardBindingStatus;
  /** A one-side binding (a card number the merchant knew): bound at once, for payouts only. */
  oneSide: boolean;
  failureReason: string | null;
  customerInfo: CardBindingRequest['customerInfo'];
  callbackUrl: string | undefined;
  returnUrl: string | undefined;
  /** Set when a card was entered (also for a declined one, whose callback carries it). */
  card: BoundCard | null;
  createdAt: string;
  finishedAt: string | null;
  /** The fields of the callback once sent, so a re-send repeats them exactly. */
  callbackFields: Record<string, string> | null;
}
