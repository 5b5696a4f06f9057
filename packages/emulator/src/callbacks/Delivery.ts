import type { OutgoingRequest, OutgoingResponse } from '../http/sendRequest.js';

/** Who a delivery speaks for: Mandarin transaction callbacks, ESP webhooks, or another provider. */
export type DeliveryChannel = 'mandarin' | 'esp' | 'transfers' | 'gateway' | 'widget' | 'processing';

/** One try at delivering, with what the receiver said. */
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  request: OutgoingRequest;
  /** HTTP status, or null when the connection failed. */
  status: number | null;
  body: string;
  error?: string;
}

/** Where a delivery stands. `held` = kept back by an `out-of-order-callbacks` fault. */
export type DeliveryState = 'pending' | 'held' | 'delivered' | 'failed' | 'cancelled' | 'no-url';

/** A callback or webhook and every attempt at delivering it (admin: `GET /__emulator/callbacks`). */
export interface Delivery {
  id: string;
  channel: DeliveryChannel;
  url: string | null;
  /** What it is about: a transaction id, an ESP id, a provider's own id. */
  subject: string | null;
  state: DeliveryState;
  createdAt: string;
  attempts: DeliveryAttempt[];
  /** Set on the second copy sent by a `duplicate-callback` fault. */
  duplicateOf?: string;
  /** Widget `check`: the decision code the receiver answered with (null: no valid answer). */
  decisionCode?: number | null;
}

/** The verdict on one attempt. */
export type AttemptOutcome = 'ack' | 'retry' | 'stop';

/** How one provider delivers: the request (rebuilt per attempt, for fresh timestamps) and its retry rules. */
export interface DeliveryPlan {
  channel: DeliveryChannel;
  url: string | undefined;
  subject?: string;
  build(attempt: number): OutgoingRequest;
  /** Judges a response (null: network error). */
  outcome(response: OutgoingResponse | null, delivery: Delivery): AttemptOutcome;
  /** Nominal seconds before the next attempt after `failedAttempts` failures, or null to give up. */
  retryDelaySeconds(failedAttempts: number): number | null;
}
