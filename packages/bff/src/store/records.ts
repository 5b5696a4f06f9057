import type { RoutingShare } from '@mandarin-kit/core';

/** A wallet (ESP) the BFF created, with its owner. */
export interface WalletRecord {
  id: string;
  ownerId: string;
  status: string;
  phoneMasked: string;
  /** Contacts Mandarin needs in `customerInfo` of the wallet's operations; kept server-side only. */
  contactPhone: string;
  contactEmail: string;
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
}

/** Kinds of wallet operation, as in the browser contract. */
export type OperationKind =
  | 'top_up'
  | 'payout_card_number'
  | 'payout_bound_card'
  | 'payout_sbp'
  | 'deposit'
  | 'withdrawal'
  | 'transit_payout';

/** A wallet operation sent to Mandarin, with its owner and the orderId that makes it idempotent. */
export interface OperationRecord {
  id: string;
  ownerId: string;
  kind: OperationKind;
  walletId: string | null;
  orderId: string;
  transactionId: string | null;
  status: 'pending' | 'awaiting_confirmation' | 'success' | 'failed' | 'rejected';
  amount: bigint;
  destinationMasked: string | null;
  sbp: { bankId: string; bankName: string | null; twoStep: boolean; phoneMasked: string } | null;
  /** Mandarin's reason for a failure, where its answer or callback gave one. */
  failure: FailureReason | null;
  /**
   * The final status was concluded by the BFF (a definite refusal, the bank's answer), not reported by Mandarin:
   * Mandarin's own later word still moves it.
   */
  statusInferred: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Why Mandarin failed something: its error code where it gave one, and its words. */
export interface FailureReason {
  code: string | null;
  message: string;
}

/** A routed payment created by an operator. */
export interface PaymentRecord {
  id: string;
  ownerId: string;
  orderId: string;
  transactionId: string | null;
  /** Two-step payments: the second request (`action: pay` with routing) has an orderId and id of its own. */
  captureOrderId: string | null;
  captureTransactionId: string | null;
  /** Releasing the hold of a two-step payment: the reversal's own orderId and id. */
  releaseOrderId: string | null;
  releaseTransactionId: string | null;
  /** Mandarin's words for a failure, where given. */
  failureMessage: string | null;
  /** `released`: a two-step payment's hold was let go (reversal of the preauth) instead of captured. */
  status: 'pending' | 'authorized' | 'success' | 'failed' | 'released';
  twoStep: boolean;
  amount: bigint;
  routing: RoutingShare[];
  payUrl: string | null;
  jsOperationId: string | null;
  customerEmail: string;
  /** The operator's description, kept by the BFF (Mandarin's payment request has no field for it). */
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A (partial) reversal of a payment. */
export interface RefundRecord {
  id: string;
  paymentId: string;
  orderId: string;
  transactionId: string | null;
  status: 'pending' | 'success' | 'failed';
  amount: bigint;
  routing: RoutingShare[];
  /** Mandarin's words for a failure, where given. */
  failureMessage: string | null;
  createdAt: string;
}

/** A sub-merchant account linked by an operator. */
export interface SubMerchantRecord {
  id: string;
  ownerId: string;
  type: string;
  linkedAt: string;
  /** The operator's name for it, where given. */
  label: string | null;
}

/** What the idempotency table says about a key when a request arrives. */
export type IdempotencyBegin =
  /** First time (or a retry after an upstream failure): go ahead, with this orderId. */
  | { state: 'proceed'; orderId: string }
  /** Done before: answer exactly this again, send nothing upstream. */
  | { state: 'replay'; status: number; body: unknown }
  /** Another request with this key is under way. */
  | { state: 'in_progress' }
  /** The key was used for a different request. */
  | { state: 'mismatch' };
