import type { TransactionRequestKind } from '@mandarin-kit/core';

/** How one kind of transaction runs in the emulator. */
export interface KindTraits {
  /** What an error message calls it. */
  label: string;
  /** A person completes it at `userWebLink` (hosted page or hosted fields); otherwise the server does. */
  payer: boolean;
  /**
   * The create answer: `full` = `{id, userWebLink, jsOperationId}` (the seed's answer, and any operation a
   * payer completes); `id` = `{id}` only (the payments reference's answer where nobody enters a card).
   */
  answer: 'full' | 'id';
}

/** Every kind of transaction request core's `classifyTransactionRequest` knows. */
export const KIND_TRAITS: Record<TransactionRequestKind, KindTraits> = {
  routedPayment: { label: 'routed payment', payer: true, answer: 'full' },
  cardPayment: { label: 'card payment', payer: true, answer: 'full' },
  cardPayout: { label: 'card payout', payer: true, answer: 'full' },
  twoStepAuth: { label: 'preauth', payer: true, answer: 'full' },
  capture: { label: 'capture', payer: false, answer: 'id' },
  release: { label: 'release of a hold', payer: false, answer: 'id' },
  recurringPayment: { label: 'payment from a bound card', payer: false, answer: 'id' },
  rebill: { label: 'rebill', payer: false, answer: 'id' },
  reversal: { label: 'reversal', payer: false, answer: 'id' },
  deposit: { label: 'deposit', payer: false, answer: 'full' },
  withdrawal: { label: 'withdrawal', payer: false, answer: 'full' },
  payoutToCardNumber: { label: 'payout to card number', payer: false, answer: 'full' },
  payoutToBoundCard: { label: 'payout to bound card', payer: false, answer: 'full' },
  cardNumberPayout: { label: 'payout to a known card number', payer: false, answer: 'id' },
  boundCardPayout: { label: 'payout to a bound card', payer: false, answer: 'id' },
  sbpPayout: { label: 'SBP payout', payer: false, answer: 'full' },
  transitPayout: { label: 'transit payout', payer: false, answer: 'full' },
  topUp: { label: 'top-up', payer: false, answer: 'full' },
};

/** Kinds whose money came from a card by `action: "pay"`: what a rebill or a refund may act on. */
export const CARD_PAYMENT_KINDS: readonly TransactionRequestKind[] = [
  'routedPayment',
  'cardPayment',
  'capture',
  'recurringPayment',
  'rebill',
];
