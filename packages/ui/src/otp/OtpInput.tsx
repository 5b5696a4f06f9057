import { type FormEvent, type ReactNode, type Ref, useId, useState } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field, fieldDescription } from '../parts/Field.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { Skeleton } from '../parts/Skeleton.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { OtpSlots } from './OtpSlots.js';
import { otpMessages } from './otpMessages.js';
import { formatCountdown } from './useNow.js';
import { type UseOtpOptions, useOtp } from './useOtp.js';

/** Props of {@link OtpInput}. */
export interface OtpInputProps extends UseOtpOptions {
  /** The next step once the phone is confirmed (a link or button of the host's), shown in the result. */
  resultAction?: ReactNode;
  className?: string;
  ref?: Ref<HTMLFormElement>;
}

/**
 * The SMS step of a wallet: the code in one slot per digit (one real field underneath, so
 * `autocomplete="one-time-code"`, paste and WebOTP fill it), the masked phone, expiry countdown, attempts left
 * and a resend after the cooldown; then the confirmation, with focus on it.
 */
export function OtpInput({ resultAction, className, ref, ...options }: OtpInputProps) {
  const t = useMessages(otpMessages);
  const otp = useOtp(options);
  const id = useId();
  const inputId = `${id}-code`;
  const [incomplete, setIncomplete] = useState(false);
  const hasCode = otp.phoneMasked !== null;
  const verified = otp.state === 'verified';
  // Get a code → the code field; a verified code → the confirmation (its field and buttons unmount).
  const focus = useFocusOnChange(verified ? 'verified' : hasCode ? 'code' : 'start');

  const problem =
    otp.state === 'wrong'
      ? t('otp.wrong', { count: otp.retriesLeft ?? 0 })
      : otp.state === 'expired'
        ? t('otp.expired')
        : otp.state === 'exhausted'
          ? t('otp.exhausted')
          : incomplete
            ? t('otp.incomplete', { length: otp.length })
            : null;
  const locked = otp.state === 'exhausted' || otp.state === 'expired';
  const verifying = otp.state === 'verifying';

  const setCode = (text: string) => {
    setIncomplete(false);
    otp.setCode(text);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (locked || verifying) return;
    if (otp.code.length !== otp.length) setIncomplete(true);
    else otp.verify();
  };
  const hint = (
    <>
      {otp.expiresIn !== null && otp.expiresIn > 0 && (
        <span data-slot="countdown">{t('otp.expiresIn', { time: formatCountdown(otp.expiresIn) })} </span>
      )}
      {otp.retriesLeft !== null && otp.state !== 'wrong' && (
        <span data-slot="attempts">{t('otp.attemptsLeft', { count: otp.retriesLeft })}</span>
      )}
    </>
  );
  const resendWait = !otp.canResend && otp.resendIn > 0;

  return (
    <form
      ref={ref}
      {...useCardRoot('otp', className)}
      data-state={otp.state}
      aria-labelledby={`${id}-title`}
      aria-busy={otp.state === 'sending' || verifying}
      noValidate
      onSubmit={onSubmit}
      onFocus={focus.onFocus}
    >
      <CardHeader id={`${id}-title`} title={t('otp.title')} />
      {verified ? (
        <ResultPanel
          tone="success"
          heading={t('otp.verified')}
          summary={otp.phoneMasked && t('otp.verified.summary', { phone: otp.phoneMasked })}
          action={resultAction}
          headingRef={focus.target}
        />
      ) : (
        <p className="mk-hint" data-slot="status" role="status">
          {otp.state === 'sending'
            ? t('otp.sending')
            : verifying
              ? t('otp.verifying')
              : hasCode
                ? t('otp.sentTo', { phone: otp.phoneMasked! })
                : otp.state === 'idle'
                  ? t('otp.notSent')
                  : ''}
        </p>
      )}
      {otp.state === 'send-error' && (
        <ErrorNotice error={otp.error} onRetry={hasCode ? undefined : otp.send} />
      )}
      {!hasCode && otp.state === 'sending' && options.autoSend !== false && (
        <Skeleton shapes={['label', 'otp', 'line', 'button']} />
      )}
      {!hasCode && (otp.state === 'idle' || (otp.state === 'sending' && options.autoSend === false)) && (
        <Button slot="send" busy={otp.state === 'sending'} onClick={otp.send}>
          {t('otp.send')}
        </Button>
      )}
      {hasCode && !verified && (
        <>
          <Field id={inputId} label={t('otp.label')} hint={hint} error={problem} announce>
            <OtpSlots
              id={inputId}
              inputRef={focus.target}
              value={otp.code}
              length={otp.length}
              readOnly={locked || verifying}
              onValueChange={setCode}
              {...fieldDescription(inputId, { hint, error: problem })}
            />
          </Field>
          {/* Confirm again is the retry: the notice adds no second button for the same action. */}
          {otp.state === 'verify-error' && <ErrorNotice error={otp.error} />}
          <div className="mk-actions mk-actions--stack" data-slot="actions">
            <Button type="submit" slot="verify" busy={verifying} unavailable={locked}>
              {t('otp.verify')}
            </Button>
            <Button
              variant="secondary"
              slot="resend"
              unavailable={!otp.canResend}
              describedBy={resendWait ? `${id}-resend` : undefined}
              onClick={otp.send}
            >
              {t('otp.resend')}
            </Button>
          </div>
          {resendWait && (
            <p className="mk-hint" id={`${id}-resend`} data-slot="resend-countdown">
              {t('otp.resendIn', { time: formatCountdown(otp.resendIn) })}
            </p>
          )}
        </>
      )}
    </form>
  );
}
