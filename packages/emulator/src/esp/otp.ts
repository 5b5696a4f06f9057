import { randomInt } from 'node:crypto';

/** The one-time code sent for an ESP, with its expiry and attempts left. */
export interface OtpState {
  code: string;
  /** Expiry on the emulated clock, in milliseconds. */
  expiresAt: number;
  retries: number;
  verified: boolean;
}

/** A new code: the configured fixed one (manual demos) or 4 random digits. */
export function newOtp(now: number, ttlSeconds: number, retries: number, fixedCode?: string): OtpState {
  const code = fixedCode ?? String(randomInt(0, 10_000)).padStart(4, '0');
  return { code, expiresAt: now + ttlSeconds * 1000, retries, verified: false };
}

/** Result of one verification attempt. */
export type OtpCheck =
  | { kind: 'verified'; retries: number }
  | { kind: 'wrong'; retries: number }
  | { kind: 'exhausted' }
  | { kind: 'expired' }
  | { kind: 'already-verified' };

/**
 * Checks a code. A wrong code uses up one attempt; once none are left, or the code has expired, every
 * attempt is refused (even with the right code) until a new code is sent.
 */
export function checkOtp(otp: OtpState, code: string, now: number): OtpCheck {
  if (otp.verified) return { kind: 'already-verified' };
  if (now >= otp.expiresAt) return { kind: 'expired' };
  if (otp.retries <= 0) return { kind: 'exhausted' };
  otp.retries -= 1;
  if (code !== otp.code) return { kind: 'wrong', retries: otp.retries };
  otp.verified = true;
  return { kind: 'verified', retries: otp.retries };
}
