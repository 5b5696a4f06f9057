import {
  type CardView,
  type CreatePayoutBody,
  formatAmount,
  formatMoney,
  isLuhnValid,
  type OperationView,
  parseAmount,
} from '@mandarin-kit/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useBalance } from '../balance/useBalance.js';
import { isApiError } from '../client/ApiError.js';
import { formatPhoneInput } from '../esp-kyc/masks.js';
import { useAmountText } from '../parts/useAmountText.js';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import { parseAmountText } from '../routing/amountText.js';
import { useIdempotentAction } from '../state/useIdempotentAction.js';
import { useOperationOutcome } from './useOperationOutcome.js';

/** Where a payout goes: a card number, a bound card, or a phone by SBP. */
export type PayoutMethod = 'card' | 'bound' | 'sbp';

/** Where a payout stands for the user. */
export type PayoutFormState =
  | 'loading'
  | 'load-error'
  | 'editing'
  | 'submitting'
  | 'confirming'
  | 'processing'
  | 'success'
  | 'failed'
  | 'rejected';

/** A field of the payout form. */
export type PayoutField = 'amount' | 'cardNumber' | 'cardId' | 'phone' | 'bankId';

/** Why a field is refused, as a message key. */
export type PayoutIssue =
  | 'payout.invalid.amount'
  | 'payout.invalid.overBalance'
  | 'payout.invalid.card'
  | 'payout.invalid.boundCard'
  | 'payout.invalid.phone'
  | 'payout.invalid.bank';

/** A bank of the SBP directory. */
export interface SbpBank {
  bankId: string;
  bankName: string;
}

/** The user's bound cards as the payout offers them (the provider's event stream keeps the list live). */
export interface PayoutCards {
  state: 'loading' | 'error' | 'ready';
  /** Active cards: the ones a payout can go to. */
  usable: CardView[];
  error: unknown;
  retry: () => void;
  selected: string | null;
  select: (cardId: string) => void;
}

/** Options of {@link usePayoutForm}. */
export interface UsePayoutFormOptions {
  walletId: string;
  /** The payout reached `success`. */
  onCompleted?: (operation: OperationView) => void;
  /** The payout reached `failed` (its reason is `operation.failure?.message`). */
  onFailed?: (operation: OperationView) => void;
  /** The method shown first (default `card`). */
  defaultMethod?: PayoutMethod;
}

/** What {@link usePayoutForm} returns. */
export interface UsePayoutFormResult {
  state: PayoutFormState;
  method: PayoutMethod;
  setMethod: (method: PayoutMethod) => void;
  /** The available balance, exact, and for people. */
  balance: bigint | null;
  balanceText: string | null;
  loadError: unknown;
  retryLoad: () => void;
  amountText: string;
  setAmountText: (text: string) => void;
  /** The amount for people once it parses (`1 500,00 ₽`). */
  amountMoney: string | null;
  cardNumber: string;
  setCardNumber: (text: string) => void;
  cards: PayoutCards;
  phone: string;
  setPhone: (text: string) => void;
  bankQuery: string;
  setBankQuery: (text: string) => void;
  /** Banks matching the search (the picked one first, even when the search no longer finds it). */
  banks: SbpBank[];
  banksLoading: boolean;
  bank: SbpBank | null;
  setBank: (bank: SbpBank) => void;
  /** Problems of the fields, shown once the user tried to submit. */
  issues: Partial<Record<PayoutField, PayoutIssue>>;
  /** Sends the payout; returns the first refused field, or null when it was sent. */
  submit: () => PayoutField | null;
  /** The error of the last submit (the submit button retries with the same Idempotency-Key). */
  submitError: unknown;
  /** `INSUFFICIENT_FUNDS`: what the BFF says the wallet holds, for people. */
  availableAtRefusal: string | null;
  operation: OperationView | undefined;
  /** The payout's amount for people. */
  operationAmount: string | null;
  /** Starts over for a new payout (the destination is kept). */
  again: () => void;
}

/** Card digits in groups of four, as typed: `4111 1111 1111 1111` (up to 19 digits). */
export function maskCardNumber(value: string): string {
  return value
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

const BANK_SEARCH_DELAY_MS = 250;

/**
 * Headless payout from a wallet: the available balance, the destination (card number with Luhn, a bound card,
 * or SBP phone and bank), checks before sending, one Idempotency-Key per attempt, and the operation followed
 * live (the provider's event stream updates it) to one final result.
 */
export function usePayoutForm(options: UsePayoutFormOptions): UsePayoutFormResult {
  const { client, locale } = useKit();
  const queryClient = useQueryClient();
  const { walletId } = options;

  const balance = useBalance(walletId);
  const cardsQuery = useQuery({
    queryKey: queryKeys.cards(),
    queryFn: ({ signal }) => client.listCards({ signal }),
  });
  const [cardId, setCardId] = useState<string | null>(null);
  const cards: PayoutCards = {
    state: cardsQuery.data ? 'ready' : cardsQuery.isError ? 'error' : 'loading',
    usable: cardsQuery.data?.cards.filter((c) => c.status === 'active') ?? [],
    error: cardsQuery.error,
    retry: () => void cardsQuery.refetch(),
    selected: cardId,
    select: setCardId,
  };
  const [method, setMethod] = useState<PayoutMethod>(options.defaultMethod ?? 'card');
  const [amountText, setAmountText] = useAmountText(locale);
  const [cardNumber, setCardNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [bankQuery, setBankQuery] = useState('');
  const [bank, setBank] = useState<SbpBank | null>(null);
  const [tried, setTried] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);

  // The directory is searched once the user pauses typing, not on every keystroke.
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(bankQuery.trim()), BANK_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [bankQuery]);
  const banksQuery = useQuery({
    queryKey: queryKeys.sbpBanks(query),
    queryFn: ({ signal }) => client.listSbpBanks(query || undefined, { signal }),
    enabled: method === 'sbp',
    staleTime: 24 * 60 * 60 * 1000,
    placeholderData: keepPreviousData,
  });
  const found = banksQuery.data?.banks.map(({ bankId, bankName }) => ({ bankId, bankName })) ?? [];
  const banks = bank && !found.some((b) => b.bankId === bank.bankId) ? [bank, ...found] : found;

  const operation = useOperationOutcome(operationId, options);

  const action = useIdempotentAction(async (body: CreatePayoutBody, idempotencyKey: string) => {
    const view = await client.createPayout(walletId, body, { idempotencyKey });
    queryClient.setQueryData(queryKeys.operation(view.id), view);
    setOperationId(view.id);
    return view;
  });

  const minor = parseAmountText(amountText, locale);
  const issues: Partial<Record<PayoutField, PayoutIssue>> = {};
  if (minor === null || minor <= 0n) issues.amount = 'payout.invalid.amount';
  else if (balance.amount !== null && minor > balance.amount) issues.amount = 'payout.invalid.overBalance';
  const digits = cardNumber.replace(/\D/g, '');
  if (method === 'card' && (digits.length < 13 || !isLuhnValid(digits)))
    issues.cardNumber = 'payout.invalid.card';
  if (method === 'bound' && !cards.usable.some((c) => c.id === cards.selected))
    issues.cardId = 'payout.invalid.boundCard';
  const phoneDigits = phone.replace(/\D/g, '').slice(1);
  if (method === 'sbp' && phoneDigits.length !== 10) issues.phone = 'payout.invalid.phone';
  if (method === 'sbp' && bank === null) issues.bankId = 'payout.invalid.bank';

  const submit = (): PayoutField | null => {
    setTried(true);
    const first = (['amount', 'cardNumber', 'cardId', 'phone', 'bankId'] as const).find((f) => issues[f]);
    if (first || minor === null) return first ?? 'amount';
    const destination: CreatePayoutBody['destination'] =
      method === 'card'
        ? { type: 'card_number', cardNumber: digits }
        : method === 'bound'
          ? { type: 'bound_card', cardId: cards.selected! }
          : { type: 'sbp', phone: `+7${phoneDigits}`, bankId: bank!.bankId };
    void action.run({ amount: formatAmount(minor), destination }).then((outcome) => {
      // The BFF's balance is the judge: show what it says the wallet holds now.
      if (
        !outcome.ok &&
        'error' in outcome &&
        isApiError(outcome.error) &&
        outcome.error.code === 'INSUFFICIENT_FUNDS'
      )
        void queryClient.invalidateQueries({ queryKey: queryKeys.balance(walletId) });
    });
    return null;
  };

  const status = operation?.status;
  let state: PayoutFormState;
  if (action.status === 'pending') state = 'submitting';
  else if (status === 'awaiting_confirmation') state = 'confirming';
  else if (status === 'pending') state = 'processing';
  else if (status === 'success' || status === 'failed' || status === 'rejected') state = status;
  else if (balance.state === 'loading') state = 'loading';
  else if (balance.state === 'error') state = 'load-error';
  else state = 'editing';

  const error = action.status === 'error' ? action.error : null;
  const available =
    isApiError(error) && error.code === 'INSUFFICIENT_FUNDS' ? (error.details.available ?? null) : null;
  const money = (wire: string) => formatMoney(parseAmount(wire), { locale });

  return {
    state,
    method,
    setMethod,
    balance: balance.amount,
    balanceText: balance.formatted,
    loadError: balance.error,
    retryLoad: balance.retry,
    amountText,
    setAmountText,
    amountMoney: minor !== null && minor > 0n ? formatMoney(minor, { locale }) : null,
    cardNumber,
    setCardNumber: (text) => setCardNumber(maskCardNumber(text)),
    cards,
    phone,
    setPhone: (text) => setPhone(formatPhoneInput(text)),
    bankQuery,
    setBankQuery,
    banks,
    banksLoading: banksQuery.isFetching,
    bank,
    setBank,
    issues: tried ? issues : {},
    submit,
    submitError: error,
    availableAtRefusal: available === null ? null : money(available),
    operation,
    operationAmount: operation ? money(operation.amount.amount) : null,
    again: () => {
      action.reset();
      setOperationId(null);
      setAmountText('');
      setTried(false);
    },
  };
}
