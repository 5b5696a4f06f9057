import { type KeyboardEvent, type Ref, useId, useRef } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { useCardRoot } from '../parts/Card.js';
import { Dialog } from '../parts/Dialog.js';
import { Field, fieldDescription } from '../parts/Field.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { useKit } from '../provider/KitContext.js';
import { RoutingSplitEditor } from '../routing/RoutingSplitEditor.js';
import { useSubMerchantAccounts } from '../sub-merchants/useSubMerchantAccounts.js';
import { refundMessages } from './refundMessages.js';
import { moneyText, type UseRefundDialogOptions, useRefundDialog } from './useRefundDialog.js';

/** Props of {@link RefundDialog}. */
export interface RefundDialogProps extends UseRefundDialogOptions {
  /** Closes the dialog (Escape, ×, Cancel, Close): unmount it or stop rendering it. */
  onClose: () => void;
  className?: string;
  ref?: Ref<HTMLElement>;
}

const TONES = {
  pending: 'pending',
  authorized: 'pending',
  success: 'success',
  failed: 'danger',
  released: 'danger',
} as const;

/**
 * A modal dialog that refunds all or part of a paid payment: the amount (at most what remains refundable), its
 * split across the payment's sub-merchants in `RoutingSplitEditor`'s source mode (in proportion to what each
 * still holds until edited), then the refund's and the payment's new state. A fully refunded payment says so,
 * with no form. Render it while open; on close focus returns to the button that opened it.
 */
export function RefundDialog({ onClose, className, ref, ...options }: RefundDialogProps) {
  const t = useMessages(refundMessages);
  const { locale } = useKit();
  const refund = useRefundDialog(options);
  const { payment, state } = refund;
  const ids = idsOf(useId());
  const amountRef = useRef<HTMLInputElement>(null);
  const accountIds = [...refund.original, ...refund.refunded].map((entry) => entry.accountId);
  const { accounts, labelOf } = useSubMerchantAccounts(accountIds);
  // After a change focus goes to what replaced the control the user was on: the result's heading, or the amount
  // again after "Refund more".
  const focus = useFocusOnChange<HTMLElement>(state === 'submitting' ? 'editing' : state);
  const money = (value: bigint | string) => moneyText(value, locale);
  const amountError =
    refund.amountIssue === 'refund.invalid.tooMuch'
      ? t('refund.invalid.tooMuch', { amount: money(refund.refundable) })
      : refund.tried && refund.amountIssue
        ? t(refund.amountIssue)
        : undefined;
  const submit = () => {
    if (refund.submit()) return;
    if (refund.amountIssue) amountRef.current?.focus();
  };
  const onAmountKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') submit();
  };
  const left =
    refund.refundable === 0n
      ? t('refund.nothingLeft')
      : t('refund.left', { amount: money(refund.refundable) });
  const done = refund.refund;
  const doneTone = done ? TONES[done.status] : 'pending';
  const doneKey = done?.status === 'success' ? 'success' : done?.status === 'failed' ? 'failed' : 'pending';
  const closeButton = (
    <Button variant="secondary" slot="close-result" onClick={onClose}>
      {t('refund.close')}
    </Button>
  );

  return (
    <Dialog
      ref={ref}
      root={useCardRoot('refund', className, true)}
      titleId={ids.title}
      title={t('refund.title', { order: payment.orderId })}
      description={t('refund.description', {
        paid: money(payment.amount.amount),
        refundable: money(refund.refundable),
      })}
      closeLabel={t('refund.close')}
      onClose={onClose}
      initialFocus={state === 'editing' ? amountRef : undefined}
      dataState={state}
      busy={state === 'submitting'}
      onFocus={focus.onFocus}
    >
      {state === 'unavailable' && (
        <ResultPanel
          tone="info"
          heading={t('refund.unavailable')}
          summary={t('refund.unavailable.summary')}
          action={closeButton}
          headingRef={focus.target}
        />
      )}
      {state === 'full' && (
        <ResultPanel
          tone="info"
          heading={t('refund.fullyRefunded')}
          summary={t('refund.fullyRefunded.summary', {
            order: payment.orderId,
            amount: money(payment.amount.amount),
          })}
          action={closeButton}
          headingRef={focus.target}
        />
      )}
      {(state === 'editing' || state === 'submitting') && (
        <div className="mk-refund__form" data-slot="form">
          <div className="mk-refund__amount" data-slot="amount-row">
            <Field
              id={ids.amount}
              label={t('refund.amount')}
              hint={t('refund.amount.hint', { amount: money(refund.refundable) })}
              error={amountError}
            >
              <input
                ref={(element) => {
                  amountRef.current = element;
                  focus.target(element);
                }}
                id={ids.amount}
                className="mk-input mk-input--number"
                data-slot="amount-input"
                inputMode="decimal"
                autoComplete="off"
                enterKeyHint="go"
                value={refund.amountText}
                onChange={(event) => refund.setAmountText(event.target.value)}
                onKeyDown={onAmountKey}
                {...fieldDescription(ids.amount, { hint: true, error: amountError })}
              />
            </Field>
            <Button variant="secondary" slot="full-amount" onClick={refund.setFullAmount}>
              {t('refund.full')}
            </Button>
          </div>
          {refund.original.length > 0 && (
            <>
              <p className="mk-hint" data-slot="split-hint">
                {t('refund.split.auto')}
              </p>
              <RoutingSplitEditor
                className="mk-refund__split"
                mode="source"
                total={refund.amount ?? refund.refundable}
                value={refund.routing}
                onValueChange={refund.setRouting}
                onValidityChange={refund.setSplitValidity}
                original={refund.original}
                refunded={refund.refunded}
                accounts={accounts}
              />
            </>
          )}
          {refund.splitIssues.length > 0 && (
            <div role="alert" data-slot="split-alert">
              <ul className="mk-refund__issues" data-slot="split-issues">
                {refund.splitIssues.map((issue) => (
                  <li key={issue.accountId} className="mk-field-error" data-slot="split-issue">
                    {issue.code === 'tooMuch'
                      ? t('refund.issue.tooMuch', {
                          account: labelOf(issue.accountId),
                          amount: money(issue.limit ?? 0n),
                        })
                      : t('refund.issue.notRecipient', { account: labelOf(issue.accountId) })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {refund.tried && !refund.splitValid && refund.splitIssues.length === 0 && (
            <p className="mk-field-error" data-slot="split-error" role="alert">
              {t('refund.invalid.split')}
            </p>
          )}
          {refund.submitError !== null && <ErrorNotice error={refund.submitError} />}
          <div className="mk-actions mk-actions--end" data-slot="actions">
            <Button variant="secondary" slot="cancel" onClick={onClose}>
              {t('refund.cancel')}
            </Button>
            <Button slot="submit" busy={state === 'submitting'} onClick={submit}>
              {refund.amount === null
                ? t('refund.submitPlain')
                : t('refund.submit', { amount: money(refund.amount) })}
            </Button>
          </div>
        </div>
      )}
      {state === 'done' && done && (
        <ResultPanel
          tone={doneTone}
          heading={t(`refund.${doneKey}`)}
          summary={
            <>
              {doneKey === 'failed'
                ? done.failureReason
                  ? t('refund.failed.summary', {
                      amount: money(done.amount.amount),
                      reason: done.failureReason,
                    })
                  : t('refund.failed.noReason', { amount: money(done.amount.amount) })
                : t(`refund.${doneKey}.summary`, {
                    amount: money(done.amount.amount),
                    order: payment.orderId,
                  })}{' '}
              <span data-slot="left">{left}</span>
            </>
          }
          action={
            <>
              {refund.refundable > 0n && (
                <Button variant="secondary" slot="again" onClick={refund.again}>
                  {t('refund.again')}
                </Button>
              )}
              {closeButton}
            </>
          }
          headingRef={focus.target}
        />
      )}
    </Dialog>
  );
}

function idsOf(id: string) {
  return { title: `${id}-title`, amount: `${id}-amount` };
}
