import type { BalanceView } from '@mandarin-kit/core';
import { type Ref, useEffect, useId, useRef } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';
import { cx } from '../state/cx.js';
import { balanceMessages } from './balanceMessages.js';
import { useBalance } from './useBalance.js';

/** Props of {@link BalanceWidget}. */
export interface BalanceWidgetProps {
  walletId: string;
  /** Called with each new balance, including the first one. */
  onUpdate?: (view: BalanceView) => void;
  /** Called when loading the balance failed. */
  onError?: (error: unknown) => void;
  className?: string;
  ref?: Ref<HTMLElement>;
}

/** A wallet's balance, exact (`15 000,75 ₽`), with its status; kept live by the provider's event stream. */
export function BalanceWidget({ walletId, onUpdate, onError, className, ref }: BalanceWidgetProps) {
  const { theme, locale } = useKit();
  const t = useMessages(balanceMessages);
  const balance = useBalance(walletId);
  const titleId = useId();
  const callbacks = useRef({ onUpdate, onError });
  callbacks.current = { onUpdate, onError };

  useEffect(() => {
    if (balance.view) callbacks.current.onUpdate?.(balance.view);
  }, [balance.view]);
  useEffect(() => {
    if (balance.error) callbacks.current.onError?.(balance.error);
  }, [balance.error]);

  return (
    <section
      ref={ref}
      className={cx('mk-card', 'mk-balance', className)}
      data-slot="root"
      data-state={balance.state}
      data-mk-theme={theme}
      lang={locale}
      aria-labelledby={titleId}
      aria-busy={balance.state === 'loading' || balance.refreshing}
    >
      <h2 className="mk-title" id={titleId} data-slot="title">
        {t('balance.title')}
      </h2>
      {balance.state === 'loading' && (
        <div className="mk-balance__skeleton" data-slot="skeleton">
          <span className="mk-skeleton mk-skeleton--amount" data-slot="skeleton-amount" aria-hidden="true" />
          <span className="mk-skeleton mk-skeleton--line" data-slot="skeleton-status" aria-hidden="true" />
          <span className="mk-visually-hidden" data-slot="loading-text" role="status">
            {t('balance.loading')}
          </span>
        </div>
      )}
      {balance.state === 'error' && <ErrorNotice error={balance.error} onRetry={balance.retry} />}
      {balance.state === 'ready' && (
        <>
          <p className="mk-balance__amount" data-slot="amount" aria-live="polite" aria-atomic="true">
            {balance.formatted}
          </p>
          <p className="mk-balance__status" data-slot="status" data-status={balance.walletStatus}>
            <span data-slot="status-label">{t('balance.walletStatus')}: </span>
            <span className="mk-badge" data-slot="status-value" data-status={balance.walletStatus}>
              {t(`balance.status.${balance.walletStatus!}`)}
            </span>
          </p>
        </>
      )}
    </section>
  );
}
