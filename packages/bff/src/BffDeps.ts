import type { Logger } from 'pino';
import type { EventRecorder } from './callbacks/CallbackRelay.js';
import type { Limit } from './http/rateLimit.js';
import type { Store } from './store/Store.js';
import type { MandarinClient } from './upstream/MandarinClient.js';

/**
 * Rate limits the BFF enforces (429 with Retry-After past them). Per user and per wallet limits follow the
 * session; per phone, per client address and global ones hold however many new cookies a caller gets, and are
 * shared by every instance on one database.
 */
export interface RateLimits {
  otpSendPerWallet: Limit;
  otpSendPerUser: Limit;
  /** SMS codes sent to one phone number, whoever asks. */
  otpSendPerPhone: Limit;
  otpSendPerAddress: Limit;
  /** Every SMS code the BFF asks Mandarin to send. */
  otpSendGlobal: Limit;
  otpVerifyPerWallet: Limit;
  otpVerifyPerUser: Limit;
  walletCreatePerUser: Limit;
  /** Wallets opened for one phone number, whoever asks. */
  walletCreatePerPhone: Limit;
  walletCreatePerAddress: Limit;
  walletCreateGlobal: Limit;
  /** New anonymous sessions (requests without a valid cookie) from one client address. */
  sessionCreatePerAddress: Limit;
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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Defaults: generous for people, tight for scripts guessing OTP codes or pumping SMS. Per address limits leave
 * room for many people behind one carrier NAT; per phone ones are what a fraud team would accept.
 */
export const defaultRateLimits: RateLimits = {
  otpSendPerWallet: { max: 5, windowMs: 10 * MINUTE },
  otpSendPerUser: { max: 10, windowMs: 10 * MINUTE },
  otpSendPerPhone: { max: 5, windowMs: HOUR },
  otpSendPerAddress: { max: 30, windowMs: HOUR },
  otpSendGlobal: { max: 2000, windowMs: HOUR },
  otpVerifyPerWallet: { max: 10, windowMs: 10 * MINUTE },
  otpVerifyPerUser: { max: 20, windowMs: 10 * MINUTE },
  walletCreatePerUser: { max: 5, windowMs: HOUR },
  walletCreatePerPhone: { max: 3, windowMs: 24 * HOUR },
  walletCreatePerAddress: { max: 20, windowMs: HOUR },
  walletCreateGlobal: { max: 1000, windowMs: HOUR },
  sessionCreatePerAddress: { max: 200, windowMs: 10 * MINUTE },
};
