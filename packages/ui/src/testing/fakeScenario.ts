import type {
  CardView,
  EspStatusValue,
  OperationHistoryRow,
  OperationStatus,
  PaymentView,
  SubMerchantView,
} from '@mandarin-kit/core';
import type { ApiErrorCode } from '../client/ApiError.js';
import type { BffClient } from '../client/createBffClient.js';
import type { EventSourceConstructor } from '../client/eventStream.js';
import type { FakeEventHub } from './FakeEventSource.js';

// The fake BFF's contract: what a story or test can ask of it (a scenario) and what it hands back.

/** Endpoints whose answer a scenario can hold back or turn into an error. */
export type FakeEndpoint =
  | 'createWallet'
  | 'sendOtp'
  | 'verifyOtp'
  | 'getBalance'
  | 'createPayout'
  | 'createTopUp'
  | 'getOperation'
  | 'getSbpRecipient'
  | 'confirmSbpPayout'
  | 'rejectSbpPayout'
  | 'listSbpBanks'
  | 'listCards'
  | 'startCardBinding'
  | 'removeCard'
  | 'listOperations'
  | 'listPayments'
  | 'getPayment'
  | 'completePayment'
  | 'createRefund'
  | 'listSubMerchants'
  | 'linkSubMerchant'
  | 'renameSubMerchant';

/** An error answer; `times` fails only the first calls (a retry then succeeds). */
export interface FakeError {
  code: ApiErrorCode;
  status?: number;
  message?: string;
  fields?: Record<string, string[]>;
  /** The error body's `details` (`available` for INSUFFICIENT_FUNDS). */
  details?: Record<string, string>;
  times?: number;
  /** Seconds sent as `Retry-After`. */
  retryAfter?: number;
}

/** How a money request the fake accepted ends, as Mandarin's callback would report it. */
export interface FakeSettlement {
  /** What the event stream reports; none when null (then a test calls `settlePayment`/`settleRefund`). */
  finalStatus?: 'success' | 'failed' | null;
  /** Mandarin's reason when it failed. */
  failure?: string;
  eventDelayMs?: number;
}

/** What the fake BFF knows and how it behaves. */
export interface FakeScenario {
  /** Delay of every answer in ms (default 0). */
  delayMs?: number;
  /** Endpoints that never answer, for loading states. */
  pending?: FakeEndpoint[];
  errors?: Partial<Record<FakeEndpoint, FakeError>>;
  balance?: string;
  walletStatus?: EspStatusValue;
  otp?: { code?: string; retries?: number; ttlSeconds?: number; phoneMasked?: string };
  sbp?: {
    fullName?: string;
    bankName?: string | null;
    bankId?: string;
    phoneMasked?: string;
    amount?: string;
    status?: OperationStatus;
    /** What the event stream reports after Confirm; none when null (then a test calls `finishSbpPayout`). */
    finalStatus?: 'success' | 'failed' | null;
    eventDelayMs?: number;
  };
  /** How a payout created with `createPayout` goes (a two-step SBP one then follows `sbp`). */
  payout?: {
    /** The account's SBP mode: the payer confirms the recipient's name first (default true). */
    twoStep?: boolean;
    /** What the event stream reports for a card or one-step SBP payout; none when null (default 'success'). */
    finalStatus?: 'success' | 'failed' | null;
    /** Mandarin's reason on a failed payout. */
    failure?: string;
    eventDelayMs?: number;
  };
  /** How a top-up created with `createTopUp` goes. */
  topUp?: {
    /** What the event stream reports; none when null (default 'success'). */
    finalStatus?: 'success' | 'failed' | null;
    /** Mandarin's reason on a failed top-up. */
    failure?: string;
    eventDelayMs?: number;
  };
  cards?: {
    /** The user's cards (default {@link fakeCards}). */
    list?: CardView[];
    /** What the stream reports for a binding once started (the user "paid" it); none when null (default). */
    bindingResult?: 'active' | 'failed' | null;
    bindingDelayMs?: number;
    /** The masked number a binding ends with. */
    boundMasked?: string;
  };
  /** The wallet's history, newest first (default {@link fakeHistory}); paged and filtered as the BFF does. */
  history?: OperationHistoryRow[];
  /** The operator's payments, newest first (default none; `fakePayments` has one of each state). */
  payments?: PaymentView[];
  /** How a capture (`completePayment`) goes: the payment is pending until the event. */
  capture?: FakeSettlement;
  /** How a refund (`createRefund`) goes: the refund is pending until the event. */
  refund?: FakeSettlement;
  /** Linked sub-merchants (default {@link fakeSubMerchants}). */
  subMerchants?: SubMerchantView[];
}

/** A BFF that lives in memory: the real client over a fake `fetch`, and a fake event stream. */
export interface FakeBff {
  client: BffClient;
  EventSource: EventSourceConstructor;
  hub: FakeEventHub;
  /** Every request the client made, in order. */
  requests: Array<{ method: string; path: string; headers: Record<string, string>; body: unknown }>;
  /** The user's cards as the fake BFF has them now. */
  cards(): CardView[];
  /** Finishes a binding as Mandarin's callback would: the card is updated and `card_binding.status` emitted. */
  completeCardBinding(cardId: string, status: 'active' | 'failed', cardMasked?: string | null): void;
  /**
   * Finishes the SBP payout (or the last created payout) as Mandarin's callback would: the operation is updated
   * (with `scenario.payout.failure` as the reason when failed) and its event emitted.
   */
  finishSbpPayout(status: 'success' | 'failed'): void;
  /** Adds (or replaces) a history row as a new operation or a status change would, and emits its event. */
  pushOperation(row: OperationHistoryRow): void;
  /** Linked sub-merchants as the fake BFF has them now. */
  subMerchants(): SubMerchantView[];
  /** The operator's payments as the fake BFF has them now. */
  payments(): PaymentView[];
  /** Finishes a payment (a capture) as Mandarin's callback would: updated, and its event emitted. */
  settlePayment(paymentId: string, status: 'success' | 'failed', reason?: string): void;
  /** Finishes a refund as Mandarin's callback would: updated (a failed one is refundable again), event emitted. */
  settleRefund(paymentId: string, refundId: string, status: 'success' | 'failed', reason?: string): void;
}
