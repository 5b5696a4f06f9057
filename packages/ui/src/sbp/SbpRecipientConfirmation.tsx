import { type ReactNode, type Ref, useId } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import type { Tone } from '../parts/Icon.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { Skeleton } from '../parts/Skeleton.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { sbpMessages } from './sbpMessages.js';
import { type UseSbpConfirmationOptions, useSbpConfirmation } from './useSbpConfirmation.js';

/** Props of {@link SbpRecipientConfirmation}. */
export interface SbpRecipientConfirmationProps extends UseSbpConfirmationOptions {
  /** The next step once the transfer has ended (a link or button of the host's), shown in the result. */
  resultAction?: ReactNode;
  className?: string;
  ref?: Ref<HTMLElement>;
}

const RESULTS = {
  processing: 'pending',
  success: 'success',
  failed: 'danger',
  rejected: 'info',
} as const satisfies Record<string, Tone>;

/**
 * The second step of an SBP payout: amount, bank, masked phone and the recipient's full name as the bank
 * returned it; Confirm or Reject (each once); then the outcome as it arrives from the event stream, with focus
 * on its heading.
 */
export function SbpRecipientConfirmation({
  resultAction,
  className,
  ref,
  ...options
}: SbpRecipientConfirmationProps) {
  const t = useMessages(sbpMessages);
  const sbp = useSbpConfirmation(options);
  const id = useId();
  const busy = sbp.state === 'confirming' || sbp.state === 'rejecting';
  const deciding = sbp.state === 'ready' || busy;
  const result = sbp.state in RESULTS ? (sbp.state as keyof typeof RESULTS) : null;
  // Confirm and Reject unmount once a decision went through: focus goes to the outcome's heading.
  const focus = useFocusOnChange<HTMLHeadingElement>(deciding ? 'deciding' : sbp.state);

  return (
    <section
      ref={ref}
      {...useCardRoot('sbp', className)}
      data-state={sbp.state}
      aria-labelledby={`${id}-title`}
      aria-busy={sbp.state === 'loading' || busy}
      onFocus={focus.onFocus}
    >
      <CardHeader id={`${id}-title`} title={t(result ? 'sbp.titleSent' : 'sbp.title')} />
      {sbp.state === 'loading' && (
        <Skeleton
          shapes={['detail', 'detail', 'detail', 'detail', 'line', 'button']}
          label={t('sbp.loading')}
        />
      )}
      {sbp.state === 'load-error' && <ErrorNotice error={sbp.loadError} onRetry={sbp.retryLoad} />}
      {result && (
        <ResultPanel
          tone={RESULTS[result]}
          heading={t(`sbp.${result}`)}
          summary={t(`sbp.${result}.summary`, { amount: sbp.amount ?? '', name: sbp.fullName ?? '' })}
          action={result !== 'processing' && resultAction}
          headingRef={focus.target}
        />
      )}
      {sbp.fullName !== null && (
        <dl className="mk-details" data-slot="details">
          <div className="mk-details__row" data-slot="detail">
            <dt data-slot="detail-label">{t('sbp.amount')}</dt>
            <dd className="mk-money" data-slot="amount">
              {sbp.amount}
            </dd>
          </div>
          <div className="mk-details__row" data-slot="detail">
            <dt data-slot="detail-label">{t('sbp.bank')}</dt>
            <dd data-slot="bank">{sbp.bankName ?? t('sbp.unknownBank', { bankId: sbp.bankId ?? '—' })}</dd>
          </div>
          <div className="mk-details__row" data-slot="detail">
            <dt data-slot="detail-label">{t('sbp.phone')}</dt>
            <dd data-slot="phone">{sbp.phoneMasked}</dd>
          </div>
          <div className="mk-details__row" data-slot="detail">
            <dt data-slot="detail-label">{t('sbp.recipient')}</dt>
            <dd className="mk-sbp__name" data-slot="recipient">
              {sbp.fullName}
            </dd>
          </div>
        </dl>
      )}
      {deciding && (
        <>
          <p className="mk-sbp__question" data-slot="question">
            {t('sbp.question')}
          </p>
          {/* Confirm (or Reject) again is the retry, with the same Idempotency-Key: the notice adds none. */}
          {sbp.actionError !== null && sbp.state === 'ready' && (
            <ErrorNotice error={sbp.actionError} onRefresh={sbp.retryLoad} />
          )}
          <div className="mk-actions mk-actions--split" data-slot="actions">
            <Button
              slot="confirm"
              busy={sbp.state === 'confirming'}
              unavailable={!sbp.canDecide}
              onClick={sbp.confirm}
            >
              {sbp.state === 'confirming' ? t('sbp.confirming') : t('sbp.confirm')}
            </Button>
            <Button
              variant="secondary"
              slot="reject"
              busy={sbp.state === 'rejecting'}
              unavailable={!sbp.canDecide}
              onClick={sbp.reject}
            >
              {sbp.state === 'rejecting' ? t('sbp.rejecting') : t('sbp.reject')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
