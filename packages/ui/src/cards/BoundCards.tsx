import type { CardView } from '@mandarin-kit/core';
import { type Ref, useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { type Translate, useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Skeleton } from '../parts/Skeleton.js';
import { cx } from '../state/cx.js';
import { cardShortName, formatCardNumber, formatExpiry } from './cardFormat.js';
import { cardsMessages } from './cardsMessages.js';
import { HostedCardForm } from './HostedCardForm.js';
import { type BoundCardsOutcome, type UseBoundCardsOptions, useBoundCards } from './useBoundCards.js';

/** Props of {@link BoundCards}. */
export interface BoundCardsProps extends UseBoundCardsOptions {
  /** Mandarin's hosted fields script, e.g. `${emulatorUrl}/api/hosted.js`. */
  hostedScriptSrc: string;
  /** Nonce for the hosted fields `<script>` (strict CSPs). */
  nonce?: string;
  /** Lets the user pick one active card (a radio group), for a top-up or a payout. */
  selectable?: boolean;
  className?: string;
  ref?: Ref<HTMLElement>;
}

type T = Translate<keyof (typeof cardsMessages)['ru']>;

const cardLabel = (t: T, card: CardView) => cardShortName(card) ?? t('cards.newCard');

function outcomeText(t: T, outcome: BoundCardsOutcome | null): string {
  if (!outcome) return '';
  if (outcome.type === 'failed') return t('cards.failed');
  return t(outcome.type === 'bound' ? 'cards.bound' : 'cards.removed', { card: cardLabel(t, outcome.card) });
}

/**
 * The user's bound cards (masked number, expiry, status) with "Link a card" (Mandarin's hosted card fields,
 * or its hosted page), removal with a confirmation, and, when `selectable`, picking the card for a top-up or
 * a payout. Kept live by the provider's event stream.
 */
export function BoundCards({
  hostedScriptSrc,
  nonce,
  selectable = false,
  className,
  ref,
  ...options
}: BoundCardsProps) {
  const t = useMessages(cardsMessages);
  const cards = useBoundCards(options);
  const id = useId();
  const rootRef = useRef<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  // Where focus goes after the next render: a selector inside the root.
  const focusNext = useRef<string | null>(null);
  const setRoot = (element: HTMLElement | null) => {
    rootRef.current = element;
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  };

  const openBinding = cards.binding;
  const hadBinding = useRef(false);
  useEffect(() => {
    if (openBinding) {
      hadBinding.current = true;
      focusNext.current = '[data-slot="binding"]';
    } else if (hadBinding.current) {
      hadBinding.current = false;
      focusNext.current = '[data-slot="link"]';
    }
  }, [openBinding]);

  // After the effects above, so that a target they chose is focused in the same commit.
  useEffect(() => {
    if (focusNext.current === null) return;
    const target = rootRef.current?.querySelector<HTMLElement>(focusNext.current);
    if (target) {
      focusNext.current = null;
      target.focus();
    }
  });

  // The question opens on its safe answer: Enter or Space right after "Remove" keeps the card.
  const askRemove = (cardId: string) => {
    setConfirming(cardId);
    focusNext.current = '[data-slot="cancel-remove"]';
  };
  const cancelRemove = (cardId: string) => {
    setConfirming(null);
    focusNext.current = `[data-card-id="${cardId}"] [data-slot="remove"]`;
  };
  const confirmRemove = async (cardId: string) => {
    if (await cards.remove(cardId)) {
      setConfirming(null);
      focusNext.current = '[data-slot="title"]';
    }
  };

  const state = cards.state;
  const starting = cards.startStatus === 'pending';
  const list = (
    <ul className="mk-cards__list" data-slot="list">
      {cards.cards.map((card) => {
        const number = formatCardNumber(card.cardMasked) ?? t('cards.newCard');
        const expiry = formatExpiry(card);
        const radioId = `${id}-card-${card.id}`;
        const removal = cards.removal?.cardId === card.id ? cards.removal : null;
        const info = (
          <>
            <span className="mk-cards__number" data-slot="card-number">
              {number}
            </span>
            {/* Commas only for screen readers: the radio's name reads "4111 11•• •••• 1111, до 12/27, Привязана". */}
            {expiry && (
              <>
                <span className="mk-visually-hidden" data-slot="separator">
                  ,{' '}
                </span>
                <span className="mk-cards__expiry" data-slot="card-expiry">
                  {t('cards.expiry', { date: expiry })}
                </span>
              </>
            )}
            <span className="mk-visually-hidden" data-slot="separator">
              ,{' '}
            </span>
            <span className="mk-badge" data-slot="card-status" data-status={card.status}>
              {t(`cards.status.${card.status}`)}
            </span>
          </>
        );
        return (
          <li
            key={card.id}
            className="mk-cards__item"
            data-slot="card"
            data-card-id={card.id}
            data-status={card.status}
            data-selected={(selectable && cards.selected === card.id) || undefined}
          >
            {selectable ? (
              <>
                <input
                  type="radio"
                  className="mk-cards__radio"
                  id={radioId}
                  name={`${id}-card`}
                  value={card.id}
                  checked={cards.selected === card.id}
                  disabled={card.status !== 'active'}
                  onChange={() => cards.select(card.id)}
                  data-slot="card-radio"
                />
                <label className="mk-cards__info" htmlFor={radioId} data-slot="card-info">
                  {info}
                </label>
              </>
            ) : (
              <div className="mk-cards__info" data-slot="card-info">
                {info}
              </div>
            )}
            {confirming === card.id ? (
              <fieldset
                className="mk-cards__confirm"
                data-slot="confirm"
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && removal?.status !== 'pending') {
                    event.preventDefault();
                    cancelRemove(card.id);
                  }
                }}
              >
                <legend className="mk-cards__question" data-slot="confirm-question">
                  {t('cards.confirmRemove', { card: cardLabel(t, card) })}
                </legend>
                {removal?.status === 'error' && <ErrorNotice error={removal.error} />}
                <div className="mk-actions mk-actions--split" data-slot="confirm-actions">
                  <Button
                    variant="secondary"
                    slot="cancel-remove"
                    unavailable={removal?.status === 'pending'}
                    onClick={() => cancelRemove(card.id)}
                  >
                    {t('cards.cancel')}
                  </Button>
                  <Button
                    variant="danger"
                    slot="confirm-remove"
                    busy={removal?.status === 'pending'}
                    onClick={() => void confirmRemove(card.id)}
                  >
                    {removal?.status === 'pending' ? t('cards.removing') : t('cards.confirmYes')}
                  </Button>
                </div>
              </fieldset>
            ) : (
              <button
                type="button"
                className="mk-button mk-button--ghost"
                data-slot="remove"
                aria-label={t('cards.removeCard', { card: cardLabel(t, card) })}
                onClick={() => askRemove(card.id)}
              >
                {t('cards.remove')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );

  return (
    <section
      ref={setRoot}
      {...useCardRoot('cards', className)}
      data-state={state}
      aria-labelledby={`${id}-title`}
      aria-busy={state === 'loading' || starting}
    >
      <CardHeader id={`${id}-title`} title={t('cards.title')} />
      {state === 'loading' && <Skeleton shapes={['card', 'card', 'button']} label={t('cards.loading')} />}
      {state === 'error' && <ErrorNotice error={cards.error} onRetry={cards.retry} />}
      {state === 'empty' && (
        <p className="mk-hint" data-slot="empty">
          {t('cards.empty')}
        </p>
      )}
      {state === 'ready' &&
        (selectable ? (
          <fieldset className="mk-fieldset mk-cards__choice" data-slot="choice">
            <legend className="mk-visually-hidden" data-slot="choice-legend">
              {t('cards.choose')}
            </legend>
            {list}
          </fieldset>
        ) : (
          list
        ))}
      {openBinding ? (
        <div className="mk-cards__binding" data-slot="binding" tabIndex={-1}>
          <HostedCardForm
            operationId={openBinding.jsOperationId}
            scriptSrc={hostedScriptSrc}
            {...(nonce ? { nonce } : {})}
            headingLevel={3}
            submitLabel={t('cards.submit')}
          />
          <div className="mk-actions" data-slot="binding-actions">
            <a
              className="mk-link"
              href={openBinding.payUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-slot="pay-url"
            >
              {t('cards.payUrl')}
            </a>
            <button
              type="button"
              className="mk-button mk-button--secondary"
              data-slot="cancel-binding"
              onClick={cards.cancelBinding}
            >
              {t('cards.cancel')}
            </button>
          </div>
        </div>
      ) : (
        state !== 'loading' &&
        state !== 'error' && (
          <>
            {/* "Link a card" again is the retry: the notice adds no second button for it. */}
            {cards.startStatus === 'error' && <ErrorNotice error={cards.startError} />}
            <div className="mk-actions" data-slot="actions">
              <Button slot="link" busy={starting} onClick={cards.startBinding}>
                {starting ? t('cards.starting') : t('cards.link')}
              </Button>
            </div>
          </>
        )
      )}
      <p
        className={cx(
          'mk-status',
          cards.outcome && `mk-status--${cards.outcome.type === 'failed' ? 'failed' : 'success'}`,
        )}
        data-slot="status"
        role="status"
      >
        {outcomeText(t, cards.outcome)}
      </p>
    </section>
  );
}
