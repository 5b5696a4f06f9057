import {
  type CreateTopUpBody,
  formatAmount,
  formatMoney,
  type OperationView,
  parseAmount,
} from '@mandarin-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAmountText } from '../parts/useAmountText.js';
import { useOperationOutcome } from '../payout/useOperationOutcome.js';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import { parseAmountText } from '../routing/amountText.js';
import { useIdempotentAction } from '../state/useIdempotentAction.js';

/** Where a top-up stands for the user. */
export type TopUpFormState = 'editing' | 'submitting' | 'processing' | 'success' | 'failed';

/** Why a field is refused, as a message key. */
export type TopUpIssue = 'topup.invalid.amount' | 'topup.invalid.card';

/** Options of {@link useTopUpForm}. */
export interface UseTopUpFormOptions {
  walletId: string;
  /** The top-up reached `success`. */
  onCompleted?: (operation: OperationView) => void;
  /** The top-up reached `failed` (its reason is `operation.failure?.message`). */
  onFailed?: (operation: OperationView) => void;
}

/** What {@link useTopUpForm} returns. */
export interface UseTopUpFormResult {
  state: TopUpFormState;
  amountText: string;
  setAmountText: (text: string) => void;
  /** The amount for people once it parses. */
  amountMoney: string | null;
  /** The bound card to take the money from (an active one). */
  cardId: string | null;
  setCardId: (cardId: string | null) => void;
  issues: Partial<Record<'amount' | 'cardId', TopUpIssue>>;
  /** Sends the top-up; returns the first refused field, or null when it was sent. */
  submit: () => 'amount' | 'cardId' | null;
  submitError: unknown;
  operation: OperationView | undefined;
  operationAmount: string | null;
  /** Starts over for another top-up (the card is kept). */
  again: () => void;
}

/**
 * Headless top-up of a wallet from a bound card: the amount as typed in the locale, one Idempotency-Key per
 * attempt, and the operation followed live to its final status.
 */
export function useTopUpForm(options: UseTopUpFormOptions): UseTopUpFormResult {
  const { client, locale } = useKit();
  const queryClient = useQueryClient();
  const { walletId } = options;
  const [amountText, setAmountText] = useAmountText(locale);
  const [cardId, setCardId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  const operation = useOperationOutcome(operationId, options);

  const action = useIdempotentAction(async (body: CreateTopUpBody, idempotencyKey: string) => {
    const view = await client.createTopUp(walletId, body, { idempotencyKey });
    queryClient.setQueryData(queryKeys.operation(view.id), view);
    setOperationId(view.id);
    return view;
  });

  const minor = parseAmountText(amountText, locale);
  const issues: UseTopUpFormResult['issues'] = {};
  if (minor === null || minor <= 0n) issues.amount = 'topup.invalid.amount';
  if (cardId === null) issues.cardId = 'topup.invalid.card';

  const status = operation?.status;
  const state: TopUpFormState =
    action.status === 'pending'
      ? 'submitting'
      : status === 'success' || status === 'failed'
        ? status
        : status === undefined
          ? 'editing'
          : 'processing';

  return {
    state,
    amountText,
    setAmountText,
    amountMoney: minor !== null && minor > 0n ? formatMoney(minor, { locale }) : null,
    cardId,
    setCardId,
    issues: tried ? issues : {},
    submit: () => {
      setTried(true);
      const first = issues.amount ? 'amount' : issues.cardId ? 'cardId' : null;
      if (first || minor === null || cardId === null) return first ?? 'amount';
      void action.run({ amount: formatAmount(minor), cardId });
      return null;
    },
    submitError: action.status === 'error' ? action.error : null,
    operation,
    operationAmount: operation ? formatMoney(parseAmount(operation.amount.amount), { locale }) : null,
    again: () => {
      action.reset();
      setOperationId(null);
      setAmountText('');
      setTried(false);
    },
  };
}
