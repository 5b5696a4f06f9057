import { type FormEvent, type ReactNode, type Ref, useId, useRef } from 'react';
import { cardShortName, formatCardNumber } from '../cards/cardFormat.js';
import { formatPhoneInput } from '../esp-kyc/masks.js';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field, fieldDescription } from '../parts/Field.js';
import type { Tone } from '../parts/Icon.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { Skeleton } from '../parts/Skeleton.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { useMaskedInput } from '../parts/useMaskedInput.js';
import { useKit } from '../provider/KitContext.js';
import { SbpRecipientConfirmation } from '../sbp/SbpRecipientConfirmation.js';
import { payoutMessages } from './payoutMessages.js';
import {
  maskCardNumber,
  type PayoutMethod,
  type UsePayoutFormOptions,
  usePayoutForm,
} from './usePayoutForm.js';

/** Props of {@link PayoutForm}. */
export interface PayoutFormProps extends UsePayoutFormOptions {
  /** The next step once the payout has ended (a link or button of the host's), shown beside "New payout". */
  resultAction?: ReactNode;
  className?: string;
  ref?: Ref<HTMLElement>;
}

const METHODS: readonly PayoutMethod[] = ['card', 'bound', 'sbp'];
const RESULTS = {
  processing: 'pending',
  success: 'success',
  failed: 'danger',
  rejected: 'info',
} as const satisfies Record<string, Tone>;

/**
 * A payout from the wallet: to a card number, a bound card or a phone by SBP, with the available balance and
 * checks before anything is sent; a two-step SBP payout shows the recipient's name for confirmation; then one
 * final result (Mandarin's reason when it failed), with focus on its heading.
 */
export function PayoutForm({ resultAction, className, ref, ...options }: PayoutFormProps) {
  const t = useMessages(payoutMessages);
  const { locale } = useKit();
  const p = usePayoutForm(options);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const editing = p.state === 'loading' || p.state === 'editing' || p.state === 'submitting';
  const result = p.state in RESULTS ? (p.state as keyof typeof RESULTS) : null;
  const focus = useFocusOnChange<HTMLElement>(editing ? 'form' : p.state);
  const cardInput = useMaskedInput(maskCardNumber, (e) => p.setCardNumber(e.target.value));
  const phoneInput = useMaskedInput(formatPhoneInput, (e) => p.setPhone(e.target.value));
  const fid = (name: string) => `${id}-${name}`;
  const issue = (name: keyof typeof p.issues) => {
    const key = p.issues[name];
    return key && t(key, { amount: p.balanceText ?? '' });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (p.state !== 'editing') return;
    const invalid = p.submit();
    if (invalid) form.current?.querySelector<HTMLElement>(`[data-field="${invalid}"]`)?.focus();
  };
  // A card as people read it (`4111 11•• •••• 1111`, never `411111******1111`); SBP: the masked phone and bank.
  const destination = p.operation?.sbp
    ? p.operation.destinationMasked
    : formatCardNumber(p.operation?.destinationMasked ?? null);
  const to = [destination, p.operation?.sbp?.bankName].filter(Boolean).join(', ');
  const reason = p.operation?.failure?.message;
  const funds = p.availableAtRefusal !== null;

  return (
    <section
      ref={ref}
      {...useCardRoot('payout', className)}
      data-state={p.state}
      data-method={p.method}
      aria-labelledby={`${id}-title`}
      aria-busy={p.state === 'loading' || p.state === 'submitting'}
      onFocus={focus.onFocus}
    >
      <CardHeader
        id={`${id}-title`}
        title={t('payout.title')}
        description={p.balanceText && t('payout.available', { amount: p.balanceText })}
        headingRef={editing ? focus.target : undefined}
      />
      {p.state === 'loading' && (
        <Skeleton shapes={['label', 'line', 'label', 'line', 'button']} label={t('payout.loading')} />
      )}
      {p.state === 'load-error' && <ErrorNotice error={p.loadError} onRetry={p.retryLoad} />}
      {(p.state === 'editing' || p.state === 'submitting') && (
        <form ref={form} className="mk-payout__form" data-slot="form" noValidate onSubmit={onSubmit}>
          <fieldset className="mk-fieldset" data-slot="method">
            <legend className="mk-label" data-slot="method-legend">
              {t('payout.method')}
            </legend>
            <div className="mk-payout__choices mk-payout__choices--row" data-slot="methods">
              {METHODS.map((method) => (
                <label
                  key={method}
                  className="mk-cards__item mk-payout__choice"
                  data-slot="method-option"
                  data-selected={p.method === method ? '' : undefined}
                >
                  <input
                    type="radio"
                    className="mk-cards__radio"
                    data-slot="method-radio"
                    name={fid('method')}
                    value={method}
                    checked={p.method === method}
                    onChange={() => p.setMethod(method)}
                  />
                  <span data-slot="method-label">{t(`payout.method.${method}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <Field
            id={fid('amount')}
            label={t('payout.amount')}
            hint={t('payout.amount.hint', { example: locale === 'en' ? '1,500.50' : '1 500,50' })}
            error={issue('amount')}
          >
            <input
              id={fid('amount')}
              className="mk-input mk-input--number"
              data-slot="amount"
              data-field="amount"
              inputMode="decimal"
              autoComplete="off"
              value={p.amountText}
              onChange={(e) => p.setAmountText(e.target.value)}
              {...fieldDescription(fid('amount'), { hint: true, error: issue('amount') })}
            />
          </Field>

          {p.method === 'card' && (
            <Field id={fid('card')} label={t('payout.cardNumber')} error={issue('cardNumber')}>
              <input
                id={fid('card')}
                className="mk-input mk-input--mono"
                data-slot="card-number"
                data-field="cardNumber"
                inputMode="numeric"
                autoComplete="cc-number"
                value={p.cardNumber}
                {...cardInput}
                {...fieldDescription(fid('card'), { error: issue('cardNumber') })}
              />
            </Field>
          )}

          {p.method === 'bound' && (
            <fieldset
              className="mk-fieldset"
              data-slot="bound-cards"
              aria-describedby={issue('cardId') ? fid('cards-error') : undefined}
            >
              <legend className="mk-label" data-slot="bound-cards-legend">
                {t('payout.card')}
              </legend>
              {p.cards.state === 'loading' && (
                <Skeleton shapes={['card', 'card']} label={t('payout.cardsLoading')} />
              )}
              {p.cards.state === 'error' && <ErrorNotice error={p.cards.error} onRetry={p.cards.retry} />}
              {p.cards.state !== 'loading' && p.cards.state !== 'error' && p.cards.usable.length === 0 && (
                <p className="mk-hint" data-slot="no-cards">
                  {t('payout.noCards')}
                </p>
              )}
              <div className="mk-payout__choices" data-slot="cards">
                {p.cards.usable.map((card, index) => (
                  <label
                    key={card.id}
                    className="mk-cards__item mk-payout__choice"
                    data-slot="card-option"
                    data-selected={p.cards.selected === card.id ? '' : undefined}
                  >
                    <input
                      type="radio"
                      className="mk-cards__radio"
                      data-slot="card-radio"
                      data-field={index === 0 ? 'cardId' : undefined}
                      name={fid('card-id')}
                      value={card.id}
                      checked={p.cards.selected === card.id}
                      onChange={() => p.cards.select(card.id)}
                    />
                    <span className="mk-cards__number" data-slot="card-label">
                      {cardShortName(card)}
                    </span>
                  </label>
                ))}
              </div>
              {issue('cardId') && (
                <p className="mk-field-error" id={fid('cards-error')} data-slot="field-error">
                  {issue('cardId')}
                </p>
              )}
            </fieldset>
          )}

          {p.method === 'sbp' && (
            <>
              <Field id={fid('phone')} label={t('payout.phone')} error={issue('phone')}>
                <input
                  id={fid('phone')}
                  className="mk-input"
                  data-slot="phone"
                  data-field="phone"
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  placeholder="+7 (900) 000-00-00"
                  value={p.phone}
                  {...phoneInput}
                  {...fieldDescription(fid('phone'), { error: issue('phone') })}
                />
              </Field>
              <fieldset
                className="mk-fieldset"
                data-slot="banks"
                aria-describedby={issue('bankId') ? fid('bank-error') : undefined}
                aria-busy={p.banksLoading}
              >
                <legend className="mk-label" data-slot="banks-legend">
                  {t('payout.bank')}
                </legend>
                <input
                  className="mk-input"
                  data-slot="bank-search"
                  data-field="bankId"
                  type="search"
                  aria-label={t('payout.bankSearch')}
                  placeholder={t('payout.bankSearch')}
                  value={p.bankQuery}
                  onChange={(e) => p.setBankQuery(e.target.value)}
                />
                <div className="mk-payout__choices mk-payout__banks" data-slot="bank-list">
                  {p.banks.map((bank) => (
                    <label
                      key={bank.bankId}
                      className="mk-cards__item mk-payout__choice"
                      data-slot="bank-option"
                      data-selected={p.bank?.bankId === bank.bankId ? '' : undefined}
                    >
                      <input
                        type="radio"
                        className="mk-cards__radio"
                        data-slot="bank-radio"
                        name={fid('bank')}
                        value={bank.bankId}
                        checked={p.bank?.bankId === bank.bankId}
                        onChange={() => p.setBank(bank)}
                      />
                      <span data-slot="bank-name">{bank.bankName}</span>
                    </label>
                  ))}
                </div>
                <p className="mk-hint" data-slot="banks-status" role="status">
                  {p.banksLoading
                    ? t('payout.banksLoading')
                    : p.banks.length === 0
                      ? t('payout.noBanks')
                      : ''}
                </p>
                {issue('bankId') && (
                  <p className="mk-field-error" id={fid('bank-error')} data-slot="field-error">
                    {issue('bankId')}
                  </p>
                )}
              </fieldset>
            </>
          )}

          {p.submitError !== null && p.state === 'editing' && (
            <ErrorNotice
              error={p.submitError}
              {...(funds ? { message: t('payout.funds', { amount: p.availableAtRefusal ?? '' }) } : {})}
            />
          )}
          <div className="mk-actions" data-slot="actions">
            <Button type="submit" slot="submit" busy={p.state === 'submitting'}>
              {p.state === 'submitting'
                ? t('payout.submitting')
                : p.amountMoney
                  ? t('payout.submit', { amount: p.amountMoney })
                  : t('payout.submitPlain')}
            </Button>
          </div>
        </form>
      )}
      {p.state === 'confirming' && p.operation && (
        <div className="mk-payout__step" data-slot="sbp-step">
          <SbpRecipientConfirmation
            operationId={p.operation.id}
            ref={(section) =>
              focus.target(section?.querySelector<HTMLElement>('[data-slot="title"]') ?? null)
            }
          />
        </div>
      )}
      {result && (
        <ResultPanel
          tone={RESULTS[result]}
          heading={t(`payout.${result}`)}
          summary={
            result === 'failed' && !reason
              ? t('payout.failed.noReason')
              : t(`payout.${result}.summary`, { amount: p.operationAmount ?? '', to, reason: reason ?? '' })
          }
          action={
            result !== 'processing' && (
              <>
                <Button variant="secondary" slot="again" onClick={p.again}>
                  {t('payout.again')}
                </Button>
                {resultAction}
              </>
            )
          }
          headingRef={focus.target}
        />
      )}
    </section>
  );
}
