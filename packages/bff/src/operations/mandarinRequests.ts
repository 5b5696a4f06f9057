import { formatAmount } from '@mandarin-kit/core';
import type { CardRecord } from '../store/cards.js';
import type { WalletRecord } from '../store/records.js';

/** What a wallet operation sends to `POST /api/transactions`, built from the seed's shapes. */
export type WalletOperationInput =
  | { kind: 'payout_card_number'; cardNumber: string }
  | { kind: 'payout_bound_card'; card: CardRecord }
  | {
      kind: 'payout_sbp';
      phone: string;
      bankId: string;
      bankBic: string;
      firstName?: string;
      middleName?: string;
      lastName?: string;
    }
  | { kind: 'top_up'; card: CardRecord }
  | { kind: 'deposit'; extras: OrderExtras }
  | { kind: 'withdrawal'; extras: OrderExtras }
  | { kind: 'transit_payout'; card: CardRecord };

/** What the seed lets a merchant attach to a transaction (see core's `orderExtrasBodySchema`). */
export interface OrderExtras {
  orderActualTill?: string | undefined;
  customValues?: Array<{ name: string; value: string }> | undefined;
  metadata?: Record<string, string> | undefined;
  returnUrl?: string | undefined;
}

/**
 * Merges the extras into a transaction request: `orderActualTill` into `payment`, `customValues` and `metadata`
 * beside it, and the return URL with the callback URL in `urls`.
 */
export function withExtras(
  request: Record<string, unknown> & { payment: Record<string, unknown> },
  extras: OrderExtras,
  callbackUrl: string | undefined,
): Record<string, unknown> {
  const urls = {
    ...(callbackUrl === undefined ? {} : { callback: callbackUrl }),
    ...(extras.returnUrl === undefined ? {} : { return: extras.returnUrl }),
  };
  return {
    ...request,
    payment: {
      ...request.payment,
      ...(extras.orderActualTill === undefined ? {} : { orderActualTill: extras.orderActualTill }),
    },
    ...(extras.customValues === undefined ? {} : { customValues: extras.customValues }),
    ...(extras.metadata === undefined ? {} : { metadata: extras.metadata }),
    ...(Object.keys(urls).length === 0 ? {} : { urls }),
  };
}

/** The transaction request body for an operation on `wallet` (seed: internal, external and transit). */
export function walletOperationRequest(
  wallet: WalletRecord,
  input: WalletOperationInput,
  orderId: string,
  amount: bigint,
  callbackUrl: string | undefined,
): Record<string, unknown> {
  const price = formatAmount(amount);
  const customerInfo = { email: wallet.contactEmail, phone: wallet.contactPhone };
  const urls = callbackUrl === undefined ? {} : { urls: { callback: callbackUrl } };
  const payout = { action: 'payout', orderId, price };
  const pay = { action: 'pay', orderId, price };
  const token = { paymentToken: wallet.id };
  switch (input.kind) {
    case 'payout_card_number':
      return {
        payment: payout,
        customerInfo,
        source: token,
        destination: { knownCardNumber: input.cardNumber },
        ...urls,
      };
    case 'payout_bound_card':
      return { payment: payout, customerInfo, source: token, destination: { card: input.card.id }, ...urls };
    case 'payout_sbp':
      return {
        payment: payout,
        customerInfo: {
          phone: `+${input.phone}`,
          email: wallet.contactEmail,
          ...(input.firstName ? { firstName: input.firstName } : {}),
          ...(input.middleName ? { middleName: input.middleName } : {}),
          ...(input.lastName ? { lastName: input.lastName } : {}),
        },
        source: token,
        destination: { sbp: { bankId: input.bankId, bankBic: input.bankBic } },
        ...urls,
      };
    case 'top_up':
      return { payment: pay, customerInfo, source: { card: input.card.id }, destination: token, ...urls };
    case 'deposit':
      return withExtras({ payment: payout, target: token, customerInfo }, input.extras, callbackUrl);
    case 'withdrawal':
      return withExtras({ payment: pay, target: token, customerInfo }, input.extras, callbackUrl);
    case 'transit_payout':
      return { payment: payout, customerInfo, transit: token, target: { card: input.card.id }, ...urls };
  }
}
