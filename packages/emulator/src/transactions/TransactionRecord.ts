import type { RoutingShare, TransactionRequestKind } from '@mandarin-kit/core';

/**
 * Where a transaction stands. `awaiting_payer`: the hosted page waits for Pay/Decline;
 * `awaiting_confirmation`: a two-step SBP payout waits for `/api/sbp/{id}/confirm` or `/reject`;
 * `processing`: a server-side operation that finishes after a (scaled) delay.
 */
export type TransactionStatus =
  | 'awaiting_payer'
  | 'awaiting_confirmation'
  | 'processing'
  | 'success'
  | 'failed';

/** Two-step SBP payout progress. */
export interface SbpProgress {
  phone: string;
  /** The name the bank returns; null until `/status` was called, or when the phone is unknown. */
  fullName: string | null;
  step: 'created' | 'checked' | 'confirmed' | 'rejected' | 'failed';
}

/** A transaction as the emulator keeps it (admin: `GET /__emulator/transactions/{id}`). */
export interface TransactionRecord {
  /** 32 lowercase hex digits, like Mandarin's. */
  id: string;
  /** The `transaction` query parameter of `userWebLink`. */
  payToken: string;
  jsOperationId: string;
  kind: TransactionRequestKind;
  action: 'pay' | 'payout' | 'preauth' | 'reversal';
  orderId: string;
  /** Minor units. */
  amount: bigint;
  status: TransactionStatus;
  failureReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** The request as received (for callbacks: customerInfo, customValues, metadata, urls). */
  request: Record<string, unknown>;
  callbackUrl: string | undefined;
  returnUrl: string | undefined;
  /** Payments: the split; reversals: what each account gives back. */
  routing: RoutingShare[];
  /** Refunds, captures, releases and rebills: the transaction they act on. */
  targetId: string | null;
  /** The ESP the operation debits, credits or passes through. */
  espId: string | null;
  /** Preauths: the hold has been captured (or a capture is under way). */
  captured: boolean;
  /** Preauths: the hold has been released (or a release is under way); it can't be captured any more. */
  released: boolean;
  sbp: SbpProgress | null;
  /**
   * The masked card the payer used (hosted fields) or the bound card the transaction named, for the
   * callback's `card_number`.
   */
  payerCard?: string;
  /** The fields of the callback once sent, so a re-send repeats them exactly. */
  callbackFields: Record<string, string> | null;
}

/** Finished transactions never change status again. */
export const isFinal = (tx: TransactionRecord) => tx.status === 'success' || tx.status === 'failed';
