import { type ClipboardEvent, type FormEvent, type Ref, useId } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';
import { cx } from '../state/cx.js';
import { otpMessages } from './otpMessages.js';
import { formatCountdown } from './useNow.js';
import { type UseOtpOptions, useOtp } from './useOtp.js';

/** Props of {@link OtpInput}. */
export interface OtpInputProps extends UseOtpOptions {
  className?: string;
  ref?: Ref<HTMLFormElement>;
}

/**
 * The SMS step of a wallet: one field for the whole code (`autocomplete="one-time-code"`, paste and WebOTP
 * fill it), the masked phone, expiry countdown, attempts left and a resend after the cooldown.
 */
export function OtpInput({ className, ref, ...options }: OtpInputProps) {
  const { theme, locale } = useKit();
  const t = useMessages(otpMessages);
  const otp = useOtp(options);
  const id = useId();
  const inputId = `${id}-code`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const problem =
    otp.state === 'wrong'
      ? t('otp.wrong', { count: otp.retriesLeft ?? 0 })
      : otp.state === 'expired'
        ? t('otp.expired')
        : otp.state === 'exhausted'
          ? t('otp.exhausted')
          : null;
  const invalid = problem !== null;
  const hasCode = otp.phoneMasked !== null;
  const locked = otp.state === 'verified' || otp.state === 'exhausted' || otp.state === 'expired';

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    otp.setCode(event.clipboardData.getData('text'));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    otp.verify();
  };

  return (
    <form
      ref={ref}
      className={cx('mk-card', 'mk-otp', className)}
      data-slot="root"
      data-state={otp.state}
      data-mk-theme={theme}
      lang={locale}
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={onSubmit}
    >
      <h2 className="mk-title" id={`${id}-title`} data-slot="title">
        {t('otp.title')}
      </h2>
      <p className="mk-hint" data-slot="status" role="status">
        {otp.state === 'sending'
          ? t('otp.sending')
          : otp.state === 'verifying'
            ? t('otp.verifying')
            : otp.state === 'verified'
              ? t('otp.verified')
              : hasCode
                ? t('otp.sentTo', { phone: otp.phoneMasked! })
                : otp.state === 'idle'
                  ? t('otp.notSent')
                  : ''}
      </p>
      {otp.state === 'send-error' && <ErrorNotice error={otp.error} onRetry={otp.send} />}
      {!hasCode && otp.state === 'idle' && (
        <button type="button" className="mk-button" data-slot="send" onClick={otp.send}>
          {t('otp.send')}
        </button>
      )}
      {hasCode && otp.state !== 'verified' && (
        <>
          <div className="mk-field" data-slot="field">
            <label className="mk-label" htmlFor={inputId} data-slot="label">
              {t('otp.label')}
            </label>
            <input
              id={inputId}
              className="mk-input mk-otp__input"
              data-slot="input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              spellCheck={false}
              value={otp.code}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
              readOnly={locked || otp.state === 'verifying'}
              onChange={(event) => otp.setCode(event.target.value)}
              onPaste={onPaste}
            />
            <p className="mk-hint" id={hintId} data-slot="hint">
              {otp.expiresIn !== null && otp.expiresIn > 0 && (
                <span data-slot="countdown">
                  {t('otp.expiresIn', { time: formatCountdown(otp.expiresIn) })}{' '}
                </span>
              )}
              {otp.retriesLeft !== null && otp.state !== 'wrong' && (
                <span data-slot="attempts">{t('otp.attemptsLeft', { count: otp.retriesLeft })}</span>
              )}
            </p>
            {problem !== null && (
              <p className="mk-field-error" id={errorId} data-slot="field-error" role="alert">
                {problem}
              </p>
            )}
          </div>
          {otp.state === 'verify-error' && <ErrorNotice error={otp.error} onRetry={otp.verify} />}
          <div className="mk-actions" data-slot="actions">
            <button
              type="submit"
              className="mk-button"
              data-slot="verify"
              disabled={locked || otp.state === 'verifying' || otp.code.length !== otp.length}
            >
              {t('otp.verify')}
            </button>
            <button
              type="button"
              className="mk-button mk-button--secondary"
              data-slot="resend"
              disabled={!otp.canResend}
              aria-describedby={!otp.canResend && otp.resendIn > 0 ? `${id}-resend` : undefined}
              onClick={otp.send}
            >
              {t('otp.resend')}
            </button>
          </div>
          {!otp.canResend && otp.resendIn > 0 && (
            <p className="mk-hint" id={`${id}-resend`} data-slot="resend-countdown">
              {t('otp.resendIn', { time: formatCountdown(otp.resendIn) })}
            </p>
          )}
        </>
      )}
    </form>
  );
}
