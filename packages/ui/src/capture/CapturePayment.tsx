import { formatMoney, parseAmount } from '@mandarin-kit/core';
import { type Ref, useId, useRef } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { useCardRoot } from '../parts/Card.js';
import { Dialog } from '../parts/Dialog.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { useKit } from '../provider/KitContext.js';
import { RoutingSplitEditor } from '../routing/RoutingSplitEditor.js';
import { useSubMerchantAccounts } from '../sub-merchants/useSubMerchantAccounts.js';
import { captureMessages } from './captureMessages.js';
import { type UseCapturePaymentOptions, useCapturePayment } from './useCapturePayment.js';

/** Props of {@link CapturePayment}. */
export interface CapturePaymentProps extends UseCapturePaymentOptions {
  /** Closes the dialog (Escape, ×, Cancel, Close): unmount it or stop rendering it. */
  onClose: () => void;
  className?: string;
  ref?: Ref<HTMLElement>;
}

const RESULT = {
  pending: 'pending',
  authorized: 'pending',
  success: 'success',
  failed: 'failed',
  released: 'failed',
} as const;
const TONES = { pending: 'pending', success: 'success', failed: 'danger' } as const;

/**
 * A modal dialog that captures a held two-step payment: its split between the linked sub-merchants in
 * `RoutingSplitEditor`'s destination mode (by their labels), exactly the held amount and never more, then a
 * result panel that follows the payment live to its final status. Render it while open; on close focus returns
 * to the button that opened it.
 */
export function CapturePayment({ onClose, className, ref, ...options }: CapturePaymentProps) {
  const t = useMessages(captureMessages);
  const { locale } = useKit();
  const capture = useCapturePayment(options);
  const { payment, state } = capture;
  const titleId = `${useId()}-title`;
  const { accounts } = useSubMerchantAccounts(payment.routing.map((entry) => entry.accountId));
  const editorRef = useRef<HTMLFieldSetElement>(null);
  const result = RESULT[payment.status];
  const focus = useFocusOnChange<HTMLHeadingElement>(state === 'done' ? result : 'form');
  const money = (value: bigint) => formatMoney(value, { locale });
  const held = money(capture.held);
  const over = capture.allocated > capture.held;
  const submit = () => {
    if (capture.submit()) return;
    editorRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-slot="account"]')?.focus();
  };
  const closeButton = (
    <Button variant="secondary" slot="close-result" onClick={onClose}>
      {t('capture.close')}
    </Button>
  );
  const reason = payment.failureReason;

  return (
    <Dialog
      ref={ref}
      root={useCardRoot('capture', className, true)}
      titleId={titleId}
      title={t('capture.title', { order: payment.orderId })}
      description={t('capture.description', { held })}
      closeLabel={t('capture.close')}
      onClose={onClose}
      dataState={state}
      busy={state === 'submitting'}
      onFocus={focus.onFocus}
    >
      {state === 'unavailable' && (
        <ResultPanel
          tone="info"
          heading={t('capture.unavailable')}
          summary={t('capture.unavailable.summary')}
          action={closeButton}
        />
      )}
      {(state === 'editing' || state === 'submitting') && (
        <div className="mk-capture__form" data-slot="form">
          <p className="mk-hint" data-slot="split-hint">
            {t('capture.hint')}
          </p>
          <RoutingSplitEditor
            ref={editorRef}
            className="mk-capture__split"
            total={capture.held}
            defaultValue={capture.routing}
            onValueChange={capture.setRouting}
            onValidityChange={capture.setSplitValidity}
            accounts={accounts}
          />
          {(over || (capture.tried && !capture.valid)) && (
            <p className="mk-field-error" data-slot="split-error" role="alert">
              {over ? t('capture.tooMuch', { held }) : t('capture.incomplete')}
            </p>
          )}
          {capture.submitError !== null && <ErrorNotice error={capture.submitError} />}
          <div className="mk-actions mk-actions--end" data-slot="actions">
            <Button variant="secondary" slot="cancel" onClick={onClose}>
              {t('capture.cancel')}
            </Button>
            <Button slot="submit" busy={state === 'submitting'} onClick={submit}>
              {t('capture.submit', { amount: held })}
            </Button>
          </div>
        </div>
      )}
      {state === 'done' && (
        <ResultPanel
          tone={TONES[result]}
          heading={t(`capture.${result}`)}
          summary={
            result === 'failed'
              ? reason
                ? t('capture.failed.summary', { reason })
                : t('capture.failed.noReason')
              : t(`capture.${result}.summary`, {
                  amount: money(parseAmount(payment.amount.amount)),
                  order: payment.orderId,
                })
          }
          action={closeButton}
          headingRef={focus.target}
        />
      )}
    </Dialog>
  );
}
