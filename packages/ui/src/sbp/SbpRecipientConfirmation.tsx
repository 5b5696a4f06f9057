import { type Ref, useId } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';
import { cx } from '../state/cx.js';
import { sbpMessages } from './sbpMessages.js';
import { type UseSbpConfirmationOptions, useSbpConfirmation } from './useSbpConfirmation.js';

/** Props of {@link SbpRecipientConfirmation}. */
export interface SbpRecipientConfirmationProps extends UseSbpConfirmationOptions {
  className?: string;
  ref?: Ref<HTMLElement>;
}

const FINAL = {
  processing: 'sbp.processing',
  success: 'sbp.success',
  failed: 'sbp.failed',
  rejected: 'sbp.rejected',
} as const;

/**
 * The second step of an SBP payout: amount, bank, masked phone and the recipient's full name as the bank
 * returned it; Confirm or Reject (each once); then the final status as it arrives from the event stream.
 */
export function SbpRecipientConfirmation({ className, ref, ...options }: SbpRecipientConfirmationProps) {
  const { theme, locale } = useKit();
  const t = useMessages(sbpMessages);
  const sbp = useSbpConfirmation(options);
  const id = useId();
  const busy = sbp.state === 'confirming' || sbp.state === 'rejecting';
  const finalKey = sbp.state in FINAL ? FINAL[sbp.state as keyof typeof FINAL] : null;

  return (
    <section
      ref={ref}
      className={cx('mk-card', 'mk-sbp', className)}
      data-slot="root"
      data-state={sbp.state}
      data-mk-theme={theme}
      lang={locale}
      aria-labelledby={`${id}-title`}
      aria-busy={sbp.state === 'loading' || busy}
    >
      <h2 className="mk-title" id={`${id}-title`} data-slot="title">
        {t('sbp.title')}
      </h2>
      {sbp.state === 'loading' && (
        <div className="mk-sbp__skeleton" data-slot="skeleton">
          <span className="mk-skeleton mk-skeleton--line" data-slot="skeleton-line" aria-hidden="true" />
          <span className="mk-skeleton mk-skeleton--line" data-slot="skeleton-line" aria-hidden="true" />
          <span className="mk-visually-hidden" data-slot="loading-text" role="status">
            {t('sbp.loading')}
          </span>
        </div>
      )}
      {sbp.state === 'load-error' && <ErrorNotice error={sbp.loadError} onRetry={sbp.retryLoad} />}
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
      {(sbp.state === 'ready' || busy) && (
        <>
          <p className="mk-hint" data-slot="question">
            {t('sbp.question')}
          </p>
          {sbp.actionError !== null && sbp.state === 'ready' && (
            <ErrorNotice error={sbp.actionError} onRetry={sbp.retryAction} />
          )}
          <div className="mk-actions" data-slot="actions">
            <button
              type="button"
              className="mk-button"
              data-slot="confirm"
              data-state={sbp.state === 'confirming' ? 'pending' : undefined}
              disabled={!sbp.canDecide}
              onClick={sbp.confirm}
            >
              {sbp.state === 'confirming' ? t('sbp.confirming') : t('sbp.confirm')}
            </button>
            <button
              type="button"
              className="mk-button mk-button--secondary"
              data-slot="reject"
              data-state={sbp.state === 'rejecting' ? 'pending' : undefined}
              disabled={!sbp.canDecide}
              onClick={sbp.reject}
            >
              {sbp.state === 'rejecting' ? t('sbp.rejecting') : t('sbp.reject')}
            </button>
          </div>
        </>
      )}
      <p
        className={cx('mk-status', finalKey && `mk-status--${sbp.state}`)}
        data-slot="status"
        data-status={sbp.state}
        role="status"
      >
        {finalKey ? t(finalKey) : ''}
      </p>
    </section>
  );
}
