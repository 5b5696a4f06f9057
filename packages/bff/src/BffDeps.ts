import type { Logger } from 'pino';
import type { EventRecorder } from './callbacks/CallbackRelay.js';
import type { Limit } from './http/rateLimit.js';
import type { Store } from './store/Store.js';
import type { MandarinClient } from './upstream/MandarinClient.js';

/** Rate limits the BFF enforces (429 with Retry-After past them). */
export interface RateLimits {
  otpSendPerWallet: Limit;
  otpSendPerUser: Limit;
  otpVerifyPerWallet: Limit;
  otpVerifyPerUser: Limit;
  walletCreatePerUser: Limit;
}

/** What every route handler works with. */
export interface BffDeps {
  store: Store;
  mandarin: MandarinClient;
  logger: Logger;
  limits: RateLimits;
  /** Where Mandarin should send transaction callbacks for operations this BFF creates, if known. */
  callbackUrl: string | undefined;
  /** Status changes the BFF learns by polling Mandarin are recorded here, so that their events are relayed. */
  events: EventRecorder;
  /** When something pending is first followed up by the reconciler (ms after creation). */
  reconcile: { afterMs: number };
  /**
   * How the merchant's Mandarin account pays out by SBP: `two-step` waits for the payer to confirm the recipient's
   * name, `one-step` pays at once. An account setting at Mandarin, so configuration here, never a guess.
   */
  sbpMode: SbpMode;
}

/** How the merchant's account pays out by SBP. */
export type SbpMode = 'two-step' | 'one-step';

/** Defaults: generous for people, tight for scripts guessing OTP codes. */
export const defaultRateLimits: RateLimits = {
  otpSendPerWallet: { max: 5, windowMs: 10 * 60_000 },
  otpSendPerUser: { max: 10, windowMs: 10 * 60_000 },
  otpVerifyPerWallet: { max: 10, windowMs: 10 * 60_000 },
  otpVerifyPerUser: { max: 20, windowMs: 10 * 60_000 },
  walletCreatePerUser: { max: 5, windowMs: 60 * 60_000 },
};
