import type { BalanceView } from '@mandarin-kit/core';
import { type Ref, useEffect, useId, useRef } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Skeleton } from '../parts/Skeleton.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { balanceMessages } from './balanceMessages.js';
import { useBalance } from './useBalance.js';

/** Characters of a formatted balance (`150 000,75 ₽`) that fit a phone-sized card at full size. */
const LONG_AMOUNT = 12;

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

  // A retry that succeeds unmounts its button: focus goes to the heading, not <body>.
  const focus = useFocusOnChange<HTMLHeadingElement>(balance.state);

  return (
    <section
      ref={ref}
      {...useCardRoot('balance', className)}
      data-state={balance.state}
      aria-labelledby={titleId}
      aria-busy={balance.state === 'loading' || balance.refreshing}
      onFocus={focus.onFocus}
    >
      <CardHeader id={titleId} title={t('balance.title')} headingRef={focus.target} />
      {balance.state === 'loading' && <Skeleton shapes={['amount', 'line']} label={t('balance.loading')} />}
      {balance.state === 'error' && <ErrorNotice error={balance.error} onRetry={balance.retry} />}
      {balance.state === 'ready' && (
        <>
          <p
            className="mk-balance__amount mk-money"
            data-slot="amount"
            // A long amount is drawn smaller on a narrow card instead of running out of it.
            data-long={(balance.formatted?.length ?? 0) > LONG_AMOUNT || undefined}
            aria-live="polite"
            aria-atomic="true"
          >
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
