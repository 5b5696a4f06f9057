import type { EspStatusValue, WalletView } from '@mandarin-kit/core';
import { type ReactNode, type Ref, useEffect, useId, useRef, useState } from 'react';
import { EspKycForm } from '../esp-kyc/EspKycForm.js';
import type { EspKycFields } from '../esp-kyc/useEspKyc.js';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import type { Tone } from '../parts/Icon.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { Skeleton } from '../parts/Skeleton.js';
import { useWalletStatus } from './useWalletStatus.js';
import { walletStatusMessages } from './walletStatusMessages.js';

/** Props of {@link WalletStatus}. */
export interface WalletStatusProps {
  walletId: string;
  /** What the user typed into the KYC form before, kept in "Start again" (the BFF never sends it back). */
  kycValues?: Partial<EspKycFields>;
  /**
   * A new application from "Start again" was accepted: the new wallet (its status follows on the stream) and
   * what the form held, for the next `kycValues`.
   */
  onRestarted?: (wallet: { id: string; status: WalletView['status'] }, values: EspKycFields) => void;
  /** Whom to contact about a blocked or suspended wallet: an email, a phone, a link. */
  supportContact?: ReactNode;
  className?: string;
  ref?: Ref<HTMLElement>;
}

const TONES: Record<EspStatusValue, Tone> = {
  Processing: 'pending',
  Success: 'success',
  Blocked: 'danger',
  Suspended: 'danger',
  Failed: 'danger',
};

/**
 * A wallet's state as a person reads it: opening (with its steps), open, blocked or suspended (what it means
 * and whom to contact), or not opened, with "Start again" opening a fresh KYC form with the fields kept. Kept
 * live by the provider's event stream.
 */
export function WalletStatus({
  walletId,
  kycValues,
  onRestarted,
  supportContact,
  className,
  ref,
}: WalletStatusProps) {
  const t = useMessages(walletStatusMessages);
  const wallet = useWalletStatus(walletId);
  const id = useId();
  const root = useCardRoot('wallet-status', className);
  const [restarting, setRestarting] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const focusInside = useRef(false);
  const status = wallet.status;

  // "Start again" replaces the card with the form: focus goes to the form's heading, not <body>.
  useEffect(() => {
    if (restarting) formRef.current?.querySelector<HTMLElement>('[data-slot="title"]')?.focus();
  }, [restarting]);
  // A retry that worked unmounts its button: focus goes to the new state's heading.
  useEffect(() => {
    const active = document.activeElement;
    if (status && focusInside.current && (active === null || active === document.body))
      panelHeading.current?.focus();
  }, [status]);

  if (restarting) {
    return (
      <EspKycForm
        ref={formRef}
        {...(kycValues ? { defaultValues: kycValues } : {})}
        {...(onRestarted ? { onCreated: onRestarted } : {})}
        {...(className ? { className } : {})}
      />
    );
  }

  const steps = (['sent', 'check', 'open'] as const).map((step, index) => (
    <li
      key={step}
      className="mk-wallet-status__step"
      data-slot="step"
      data-state={index === 0 ? 'done' : index === 1 ? 'current' : 'upcoming'}
      aria-current={index === 1 ? 'step' : undefined}
    >
      {t(`walletStatus.step.${step}`)}
      {index === 0 && (
        <span className="mk-visually-hidden" data-slot="step-done">
          {' '}
          ({t('walletStatus.done')})
        </span>
      )}
    </li>
  ));

  return (
    <section
      ref={ref}
      {...root}
      data-state={wallet.state}
      data-status={status ?? undefined}
      aria-labelledby={`${id}-title`}
      aria-busy={wallet.state === 'loading'}
      onFocus={() => {
        focusInside.current = true;
      }}
    >
      <CardHeader id={`${id}-title`} title={t('walletStatus.title')} />
      {wallet.state === 'loading' && <Skeleton shapes={['line', 'line']} label={t('walletStatus.loading')} />}
      {wallet.state === 'error' && <ErrorNotice error={wallet.error} onRetry={wallet.retry} />}
      {status && (
        <ResultPanel
          tone={TONES[status]}
          headingRef={panelHeading}
          heading={t(`walletStatus.${status}`)}
          summary={t(`walletStatus.${status}.text`)}
          action={
            status === 'Failed' ? (
              <Button slot="start-again" onClick={() => setRestarting(true)}>
                {t('walletStatus.startAgain')}
              </Button>
            ) : (status === 'Blocked' || status === 'Suspended') && supportContact ? (
              <p className="mk-wallet-status__support" data-slot="support">
                {t('walletStatus.support')} {supportContact}
              </p>
            ) : undefined
          }
        />
      )}
      {status === 'Processing' && (
        <ol className="mk-wallet-status__steps" data-slot="steps" aria-label={t('walletStatus.progress')}>
          {steps}
        </ol>
      )}
    </section>
  );
}
