import { type KeyboardEvent, type ReactNode, type Ref, useId, useRef } from 'react';
import { cardShortName, formatCardNumber } from '../cards/cardFormat.js';
import { HostedCardForm } from '../cards/HostedCardForm.js';
import { useBoundCards } from '../cards/useBoundCards.js';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field, fieldDescription } from '../parts/Field.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { Skeleton } from '../parts/Skeleton.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
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
 * A top-up of the wallet from a bound card, or from one linked inline in Mandarin's hosted card fields (it is
 * picked once Mandarin reports it active); the result appears where the button was, with focus on it, and
 * follows the event stream to its end.
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
  const cards = useBoundCards({
    value: top.cardId,
    onValueChange: top.setCardId,
    onBound: (card) => top.setCardId(card.id),
  });
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const result = top.state === 'editing' || top.state === 'submitting' ? null : top.state;
  const focus = useFocusOnChange<HTMLElement>(result ?? 'form');
  // The card form closes when Mandarin reports the card: focus returns to the button that opened it.
  const bindingFocus = useFocusOnChange<HTMLButtonElement>(cards.binding !== null);
  const amountError = top.issues.amount && t(top.issues.amount);
  const cardError = top.issues.cardId && t(top.issues.cardId);
  const reason = top.operation?.failure?.message;
  const submit = () => {
    if (top.state !== 'editing') return;
    const invalid = top.submit();
    const target =
      invalid === 'amount' ? '[data-field="amount"]' : '[data-slot="card-radio"], [data-slot="link"]';
    if (invalid) body.current?.querySelector<HTMLElement>(target)?.focus();
  };
  const onAmountKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') submit();
  };
  const outcome = cards.outcome;

  return (
    <section
      ref={ref}
      {...useCardRoot('topup', className)}
      data-state={top.state}
      aria-labelledby={`${id}-title`}
      aria-busy={top.state === 'submitting'}
      onFocus={() => {
        focus.onFocus();
        bindingFocus.onFocus();
      }}
    >
      <CardHeader id={`${id}-title`} title={t('topup.title')} />
      <div ref={body} className="mk-payout__form" data-slot="form">
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
            data-field="amount"
            inputMode="decimal"
            autoComplete="off"
            enterKeyHint="go"
            readOnly={result !== null}
            value={top.amountText}
            onChange={(e) => top.setAmountText(e.target.value)}
            onKeyDown={onAmountKey}
            {...fieldDescription(`${id}-amount`, { hint: true, error: amountError })}
          />
        </Field>
        <fieldset
          className="mk-fieldset"
          data-slot="cards"
          aria-describedby={cardError ? `${id}-card-error` : undefined}
        >
          <legend className="mk-label" data-slot="cards-legend">
            {t('topup.card')}
          </legend>
          {cards.state === 'loading' && (
            <Skeleton shapes={['card', 'card']} label={t('topup.cardsLoading')} />
          )}
          {cards.state === 'error' && <ErrorNotice error={cards.error} onRetry={cards.retry} />}
          {cards.state !== 'loading' && cards.state !== 'error' && cards.usable.length === 0 && (
            <p className="mk-hint" data-slot="no-cards">
              {t('topup.noCards')}
            </p>
          )}
          <div className="mk-payout__choices" data-slot="card-list">
            {cards.usable.map((card) => (
              <label
                key={card.id}
                className="mk-cards__item mk-payout__choice"
                data-slot="card-option"
                data-selected={top.cardId === card.id ? '' : undefined}
              >
                <input
                  type="radio"
                  className="mk-cards__radio"
                  data-slot="card-radio"
                  name={`${id}-card`}
                  value={card.id}
                  checked={top.cardId === card.id}
                  onChange={() => cards.select(card.id)}
                />
                <span className="mk-cards__number" data-slot="card-label">
                  {cardShortName(card)}
                </span>
              </label>
            ))}
          </div>
          {cardError && (
            <p className="mk-field-error" id={`${id}-card-error`} data-slot="field-error">
              {cardError}
            </p>
          )}
          <p className="mk-hint" data-slot="binding-status" role="status">
            {outcome?.type === 'bound'
              ? t('topup.bound', { card: cardShortName(outcome.card) ?? '' })
              : outcome?.type === 'failed'
                ? t('topup.bindingFailed')
                : ''}
          </p>
        </fieldset>
        {cards.binding ? (
          <div className="mk-topup__binding" data-slot="binding">
            <HostedCardForm
              operationId={cards.binding.jsOperationId}
              scriptSrc={hostedScriptSrc}
              headingLevel={3}
              submitLabel={t('topup.linkSubmit')}
              {...(nonce === undefined ? {} : { nonce })}
            />
            <div className="mk-actions" data-slot="binding-actions">
              <a
                className="mk-link"
                href={cards.binding.payUrl}
                target="_blank"
                rel="noopener noreferrer"
                data-slot="pay-url"
              >
                {t('topup.payUrl')}
              </a>
              <Button variant="secondary" slot="cancel-binding" onClick={cards.cancelBinding}>
                {t('topup.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          result === null && (
            <div className="mk-actions" data-slot="link-actions">
              {cards.startError !== null && cards.startStatus === 'error' && (
                <ErrorNotice error={cards.startError} />
              )}
              <Button
                variant="secondary"
                slot="link"
                busy={cards.startStatus === 'pending'}
                onClick={cards.startBinding}
                ref={bindingFocus.target}
              >
                {t('topup.link')}
              </Button>
            </div>
          )
        )}
        {top.submitError !== null && top.state === 'editing' && <ErrorNotice error={top.submitError} />}
        {result === null ? (
          <div className="mk-actions" data-slot="actions">
            <Button slot="submit" busy={top.state === 'submitting'} onClick={submit}>
              {top.amountMoney ? t('topup.submit', { amount: top.amountMoney }) : t('topup.submitPlain')}
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
                    // As people read it (`4111 11•• •••• 1111`), never the wire's `411111******1111`.
                    card: formatCardNumber(top.operation?.destinationMasked ?? null) ?? '',
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
      </div>
    </section>
  );
}
