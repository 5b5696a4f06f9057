import { type FormEvent, type ReactNode, type Ref, useId, useRef } from 'react';
import { BoundCards } from '../cards/BoundCards.js';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field, fieldDescription } from '../parts/Field.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { useMaskedInput } from '../parts/useMaskedInput.js';
import { useKit } from '../provider/KitContext.js';
import { topUpMessages } from './topUpMessages.js';
import { type UseTopUpFormOptions, useTopUpForm } from './useTopUpForm.js';

/** Props of {@link TopUpForm}. */
export interface TopUpFormProps extends UseTopUpFormOptions {
  /** Mandarin's hosted fields script, for linking a new card inline. */
  hostedScriptSrc: string;
  /** Nonce for the hosted fields `<script>` (strict CSPs). */
  nonce?: string;
  /** The next step once the top-up has ended (a link or button of the host's), beside "Top up again". */
  resultAction?: ReactNode;
  className?: string;
  ref?: Ref<HTMLElement>;
}

const TONES = { processing: 'pending', success: 'success', failed: 'danger' } as const;

/**
 * A top-up of the wallet from a bound card, or from a card linked inline (BoundCards with Mandarin's hosted
 * fields); the result appears where the button was, with focus on it, and follows the event stream to its end.
 */
export function TopUpForm({
  hostedScriptSrc,
  nonce,
  resultAction,
  className,
  ref,
  ...options
}: TopUpFormProps) {
  const t = useMessages(topUpMessages);
  const { locale } = useKit();
  const top = useTopUpForm(options);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const result = top.state === 'editing' || top.state === 'submitting' ? null : top.state;
  const focus = useFocusOnChange<HTMLElement>(result ?? 'form');
  const amountInput = useMaskedInput(undefined, (e) => top.setAmountText(e.target.value));
  const amountError = top.issues.amount && t(top.issues.amount);
  const cardError = top.issues.cardId && t(top.issues.cardId);
  const reason = top.operation?.failure?.message;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (top.state !== 'editing') return;
    const invalid = top.submit();
    const target =
      invalid === 'amount'
        ? `#${CSS.escape(`${id}-amount`)}`
        : '[data-slot="cards"] input[type="radio"], [data-slot="cards"] button';
    if (invalid) form.current?.querySelector<HTMLElement>(target)?.focus();
  };

  return (
    <section
      ref={ref}
      {...useCardRoot('topup', className)}
      data-state={top.state}
      aria-labelledby={`${id}-title`}
      aria-busy={top.state === 'submitting'}
      onFocus={focus.onFocus}
    >
      <CardHeader id={`${id}-title`} title={t('topup.title')} description={t('topup.description')} />
      <form ref={form} className="mk-payout__form" data-slot="form" noValidate onSubmit={onSubmit}>
        <Field
          id={`${id}-amount`}
          label={t('topup.amount')}
          hint={t('topup.amount.hint', { example: locale === 'en' ? '1,500.50' : '1 500,50' })}
          error={amountError}
        >
          <input
            id={`${id}-amount`}
            className="mk-input mk-input--number"
            data-slot="amount"
            inputMode="decimal"
            autoComplete="off"
            readOnly={result !== null}
            value={top.amountText}
            {...amountInput}
            {...fieldDescription(`${id}-amount`, { hint: true, error: amountError })}
          />
        </Field>
        <div className="mk-topup__cards" data-slot="cards">
          <BoundCards
            selectable
            hostedScriptSrc={hostedScriptSrc}
            value={top.cardId}
            onValueChange={top.setCardId}
            onBound={(card) => top.setCardId(card.id)}
            {...(nonce === undefined ? {} : { nonce })}
          />
          {cardError && (
            <p className="mk-field-error" data-slot="field-error">
              {cardError}
            </p>
          )}
        </div>
        {top.submitError !== null && top.state === 'editing' && <ErrorNotice error={top.submitError} />}
        {result === null ? (
          <div className="mk-actions" data-slot="actions">
            <Button type="submit" slot="submit" busy={top.state === 'submitting'} ref={focus.target}>
              {top.state === 'submitting'
                ? t('topup.submitting')
                : top.amountMoney
                  ? t('topup.submit', { amount: top.amountMoney })
                  : t('topup.submitPlain')}
            </Button>
          </div>
        ) : (
          <ResultPanel
            tone={TONES[result]}
            heading={t(`topup.${result}`)}
            summary={
              result === 'failed' && !reason
                ? t('topup.failed.noReason')
                : t(`topup.${result}.summary`, {
                    amount: top.operationAmount ?? '',
                    card: top.operation?.destinationMasked ?? '',
                    reason: reason ?? '',
                  })
            }
            action={
              result !== 'processing' && (
                <>
                  <Button variant="secondary" slot="again" onClick={top.again}>
                    {t('topup.again')}
                  </Button>
                  {resultAction}
                </>
              )
            }
            headingRef={focus.target}
          />
        )}
      </form>
    </section>
  );
}
