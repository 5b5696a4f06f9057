import type { OtpSentView } from '@mandarin-kit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../client/ApiError.js';
import { useKit } from '../provider/KitContext.js';
import { useControllableState } from '../state/useControllableState.js';
import { useNow } from './useNow.js';

/** Where the SMS step stands. */
export type OtpState =
  | 'idle'
  | 'sending'
  | 'send-error'
  | 'awaiting'
  | 'verifying'
  | 'wrong'
  | 'expired'
  | 'exhausted'
  | 'verify-error'
  | 'verified';

/** Options of {@link useOtp}. */
export interface UseOtpOptions {
  walletId: string;
  /** Digits in the code (4 in Mandarin's sandbox). */
  length?: number;
  /** Send the SMS as soon as the component mounts (default true); otherwise on `send()`. */
  autoSend?: boolean;
  /** Seconds before a new code may be asked for (default 60). */
  resendCooldown?: number;
  value?: string;
  defaultValue?: string;
  onValueChange?: (code: string) => void;
  onSent?: (sent: OtpSentView) => void;
  onVerified?: () => void;
  onError?: (error: unknown) => void;
}

/** What {@link useOtp} returns. */
export interface UseOtpResult {
  state: OtpState;
  code: string;
  /** Keeps only digits, at most `length`; verifies by itself once the code is complete. */
  setCode: (input: string) => void;
  send: () => void;
  verify: () => void;
  phoneMasked: string | null;
  retriesLeft: number | null;
  /** Seconds until the code expires; null before one was sent. */
  expiresIn: number | null;
  /** Seconds until `send()` may be called again; 0 when it may. */
  resendIn: number;
  canResend: boolean;
  error: unknown;
  length: number;
}

/** Headless SMS-code step of a wallet: send, countdown, attempts, resend, verify, WebOTP where available. */
export function useOtp(options: UseOtpOptions): UseOtpResult {
  const { client } = useKit();
  const { walletId, length = 4, autoSend = true, resendCooldown = 60 } = options;
  const [code, setCodeValue] = useControllableState(
    options.value,
    options.defaultValue ?? '',
    options.onValueChange,
  );
  const [sent, setSent] = useState<{ view: OtpSentView; at: number } | null>(null);
  const [phase, setPhase] = useState<OtpState>(autoSend ? 'sending' : 'idle');
  const [retriesLeft, setRetriesLeft] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const autoSent = useRef(false);
  const sentOnce = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const ticking = sent !== null && phase !== 'verified';
  const now = useNow(ticking);
  const expiresIn = sent === null ? null : Math.max(0, (Date.parse(sent.view.expiresAt) - now) / 1000);
  const resendIn = sent === null ? 0 : Math.max(0, resendCooldown - (now - sent.at) / 1000);
  const expired = expiresIn !== null && expiresIn <= 0;

  const send = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setPhase('sending');
    setError(null);
    try {
      const view = await client.sendOtp(walletId);
      // A new code makes the typed one stale; the first send keeps what the field started with.
      if (sentOnce.current) setCodeValue('');
      sentOnce.current = true;
      setSent({ view, at: Date.now() });
      setRetriesLeft(view.retriesLeft);
      setPhase(view.retriesLeft === 0 ? 'exhausted' : 'awaiting');
      latest.current.onSent?.(view);
    } catch (e) {
      setError(e);
      setPhase('send-error');
      latest.current.onError?.(e);
    } finally {
      busy.current = false;
    }
  }, [client, walletId, setCodeValue]);

  const verifyCode = useCallback(
    async (value: string) => {
      if (busy.current || value.length !== length) return;
      busy.current = true;
      setPhase('verifying');
      setError(null);
      try {
        const result = await client.verifyOtp(walletId, { code: value });
        setRetriesLeft(result.retriesLeft);
        if (result.verified) {
          setPhase('verified');
          latest.current.onVerified?.();
        } else {
          // Cleared, so that the next try starts from an empty field instead of re-sending the wrong code.
          setCodeValue('');
          setPhase(result.retriesLeft === 0 ? 'exhausted' : 'wrong');
        }
      } catch (e) {
        // The BFF answers 422 UPSTREAM_REJECTED both for an expired code and for no attempts left.
        if (isApiError(e) && e.code === 'UPSTREAM_REJECTED') {
          const expiredNow = sent !== null && Date.parse(sent.view.expiresAt) <= Date.now();
          setPhase(expiredNow ? 'expired' : 'exhausted');
          if (!expiredNow) setRetriesLeft(0);
        } else {
          setError(e);
          setPhase('verify-error');
        }
        latest.current.onError?.(e);
      } finally {
        busy.current = false;
      }
    },
    [client, walletId, length, sent, setCodeValue],
  );

  const blocked = phase === 'exhausted' || phase === 'verified' || expired;

  const setCode = useCallback(
    (input: string) => {
      const digits = input.replace(/\D/g, '').slice(0, length);
      setCodeValue(digits);
      if (phase === 'wrong' || phase === 'verify-error') setPhase('awaiting');
      if (digits.length === length && !blocked && sent !== null) void verifyCode(digits);
    },
    [length, setCodeValue, phase, blocked, sent, verifyCode],
  );

  useEffect(() => {
    // A ref, not state: StrictMode's second mount sees it set and does not send a second SMS.
    if (!autoSend || autoSent.current) return;
    autoSent.current = true;
    void send();
  }, [autoSend, send]);

  const setCodeLatest = useRef(setCode);
  setCodeLatest.current = setCode;
  const awaiting = phase === 'awaiting' && !expired;
  useEffect(() => {
    if (!awaiting || typeof window === 'undefined' || !('OTPCredential' in window)) return;
    const controller = new AbortController();
    const request = { otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions;
    navigator.credentials
      .get(request)
      .then((credential) => {
        const otp = (credential as { code?: string } | null)?.code;
        if (otp) setCodeLatest.current(otp);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [awaiting]);

  let state = phase;
  if (expired && (phase === 'awaiting' || phase === 'wrong')) state = 'expired';

  return {
    state,
    code,
    setCode,
    send: () => void send(),
    verify: () => void verifyCode(code),
    phoneMasked: sent?.view.phoneMasked ?? null,
    retriesLeft,
    expiresIn,
    resendIn,
    canResend:
      phase !== 'sending' &&
      phase !== 'verifying' &&
      phase !== 'verified' &&
      (resendIn <= 0 || state === 'expired' || state === 'exhausted'),
    error,
    length,
  };
}
