import {
  formatAmount,
  formatMoney,
  fromRoutingWire,
  type PaymentView,
  parseAmount,
  type RefundView,
  type RoutingWireEntry,
  remainingByAccount,
  splitRefund,
  toRoutingSource,
} from '@mandarin-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useAmountText } from '../parts/useAmountText.js';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import { amountToText, parseAmountText } from '../routing/amountText.js';
import type { RoutingChangeDetail, RoutingWire } from '../routing/useRoutingSplit.js';
import { useIdempotentAction } from '../state/useIdempotentAction.js';

/**
 * Where a refund stands: `unavailable` (the payment is not paid), `full` (nothing left to refund), `editing`,
 * `submitting`, or `done` (the refund was accepted; its own status follows on the stream).
 */
export type RefundDialogState = 'unavailable' | 'full' | 'editing' | 'submitting' | 'done';

/** Why the amount is refused. */
export type RefundAmountIssue = 'refund.invalid.amount' | 'refund.invalid.tooMuch';

/** An account of a hand-made split that gives back more than it may. */
export interface RefundSplitIssue {
  code: 'notRecipient' | 'tooMuch';
  accountId: string;
  /** For `tooMuch`: what the account still holds of the payment. */
  limit?: bigint;
}

/** Options of {@link useRefundDialog}. */
export interface UseRefundDialogOptions {
  /** The payment to refund, as the list had it; it is read again from the BFF (and kept live). */
  payment: PaymentView;
  /** The BFF accepted the refund; its final status follows on the stream. */
  onRefunded?: (refund: RefundView) => void;
}

/** What {@link useRefundDialog} returns. */
export interface UseRefundDialogResult {
  state: RefundDialogState;
  /** The payment as the BFF has it now. */
  payment: PaymentView;
  /** What can still be refunded, in minor units. */
  refundable: bigint;
  amountText: string;
  setAmountText: (text: string) => void;
  /** Puts everything refundable in the amount. */
  setFullAmount: () => void;
  /** The amount in minor units once it parses, is positive and no more than refundable. */
  amount: bigint | null;
  amountIssue: RefundAmountIssue | null;
  /** The payment's own split, and what its earlier refunds (those that did not fail) took back. */
  original: RoutingWireEntry[];
  refunded: RoutingWireEntry[];
  /** The refund's split (`{ source }`): in proportion to what each recipient holds until edited. */
  routing: RoutingWire | undefined;
  /** True while the split is the proportional one. */
  proportional: boolean;
  /** For `RoutingSplitEditor`'s `onValueChange`. */
  setRouting: (routing: RoutingWire, detail: RoutingChangeDetail) => void;
  /** For `RoutingSplitEditor`'s `onValidityChange`. */
  setSplitValidity: (valid: boolean) => void;
  /** Accounts of a hand-made split that give back more than they hold (or never received any). */
  splitIssues: RefundSplitIssue[];
  /** True when the split sums to the amount (and every row parses). */
  splitValid: boolean;
  /** Sends the refund; false (and nothing sent) while something is refused. */
  submit: () => boolean;
  /** Set once submit was tried: show issues from then on. */
  tried: boolean;
  submitError: unknown;
  /** The refund made here, as the BFF has it now. */
  refund: RefundView | undefined;
  /** Starts another refund of what is left. */
  again: () => void;
}

const notFailed = (refunds: readonly RefundView[]) => refunds.filter((r) => r.status !== 'failed');

/**
 * Headless refund of a payment: the amount as typed in the locale (at most what remains refundable), its split
 * across the original recipients (proportional until edited, never more than an account still holds), one
 * Idempotency-Key per attempt, and the payment and the refund followed live.
 */
export function useRefundDialog({
  payment: given,
  onRefunded,
}: UseRefundDialogOptions): UseRefundDialogResult {
  const { client, locale } = useKit();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.payment(given.id),
    queryFn: ({ signal }) => client.getPayment(given.id, { signal }),
    initialData: given,
    initialDataUpdatedAt: 0,
  });
  const payment = query.data;
  const refundable = parseAmount(payment.refundable.amount);
  const [amountText, setAmountText] = useAmountText(locale, () =>
    amountToText(parseAmount(given.refundable.amount), locale),
  );
  const [manual, setManual] = useState<RoutingWire | null>(null);
  // The editor's word: every row parses and the split adds up to the amount exactly. Unknown (null) until the
  // editor first says so, when only the proportional split (valid by construction) can be on screen.
  const [editorValid, setEditorValid] = useState<boolean | null>(null);
  const [tried, setTried] = useState(false);
  const [refundId, setRefundId] = useState<string | null>(null);

  const original = payment.routing;
  const refunded = useMemo(() => notFailed(payment.refunds).flatMap((r) => r.routing), [payment.refunds]);
  const typed = parseAmountText(amountText, locale);
  const amountIssue: RefundAmountIssue | null =
    typed === null || typed <= 0n
      ? 'refund.invalid.amount'
      : typed > refundable
        ? 'refund.invalid.tooMuch'
        : null;
  const amount = amountIssue === null ? typed : null;

  const proportionalRouting = useMemo((): RoutingWire | undefined => {
    if (amount === null || original.length === 0) return undefined;
    try {
      return toRoutingSource(splitRefund(fromRoutingWire(original), fromRoutingWire(refunded), amount));
    } catch {
      return undefined;
    }
  }, [amount, original, refunded]);
  const routing = manual ?? proportionalRouting;

  const splitIssues = useMemo(() => {
    if (manual === null) return [];
    const left = remainingByAccount(fromRoutingWire(original), fromRoutingWire(refunded));
    const shares = 'source' in manual ? fromRoutingWire(manual.source) : [];
    const issues: RefundSplitIssue[] = [];
    for (const share of shares) {
      if (share.accountId === '') continue;
      const holding = left.find((h) => h.accountId.toLowerCase() === share.accountId.toLowerCase());
      if (holding === undefined) issues.push({ code: 'notRecipient', accountId: share.accountId });
      else if (share.amount > holding.amount)
        issues.push({ code: 'tooMuch', accountId: share.accountId, limit: holding.amount });
    }
    return issues;
  }, [manual, original, refunded]);
  const splitValid = original.length === 0 || (routing !== undefined && (editorValid ?? manual === null));

  const action = useIdempotentAction(
    async (body: { amount: string; routing?: RoutingWireEntry[] }, idempotencyKey: string) => {
      const refund = await client.createRefund(payment.id, body, { idempotencyKey });
      // The payment as the BFF now has it (refundable: the amount less every refund that has not failed), at
      // once: the result never shows the old refundable amount while the payment is read again.
      queryClient.setQueryData<PaymentView>(queryKeys.payment(payment.id), (old) =>
        old === undefined || old.refunds.some((r) => r.id === refund.id)
          ? old
          : {
              ...old,
              refunds: [...old.refunds, refund],
              refundable: {
                ...old.refundable,
                amount: formatAmount(parseAmount(old.refundable.amount) - parseAmount(refund.amount.amount)),
              },
            },
      );
      setRefundId(refund.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.payment(payment.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.payments() });
      onRefunded?.(refund);
      return refund;
    },
  );

  const created = action.data;
  const refund = refundId === null ? undefined : (payment.refunds.find((r) => r.id === refundId) ?? created);
  const state: RefundDialogState =
    refund !== undefined
      ? 'done'
      : action.status === 'pending'
        ? 'submitting'
        : payment.status !== 'success'
          ? 'unavailable'
          : refundable === 0n
            ? 'full'
            : 'editing';

  return {
    state,
    payment,
    refundable,
    amountText,
    // A new amount brings the proportional split back (the editor reports on it again).
    setAmountText: (text) => {
      setAmountText(text);
      setManual(null);
      setEditorValid(null);
    },
    setFullAmount: () => {
      setAmountText(amountToText(refundable, locale));
      setManual(null);
      setEditorValid(null);
    },
    amount,
    amountIssue,
    original,
    refunded,
    routing,
    proportional: manual === null,
    setRouting: (next, detail) => {
      setManual(next);
      setEditorValid(detail.valid);
    },
    setSplitValidity: setEditorValid,
    splitIssues,
    splitValid,
    submit: () => {
      setTried(true);
      if (amount === null || !splitValid || splitIssues.length > 0 || state !== 'editing') return false;
      const source = routing && 'source' in routing ? routing.source : undefined;
      void action.run({ amount: formatAmount(amount), ...(source ? { routing: source } : {}) });
      return true;
    },
    tried,
    submitError: action.status === 'error' ? action.error : null,
    refund,
    again: () => {
      action.reset();
      setRefundId(null);
      setManual(null);
      setEditorValid(null);
      setTried(false);
      setAmountText(amountToText(refundable, locale));
    },
  };
}

/** Money for people in the kit's locale, from minor units or a wire string. */
export function moneyText(value: bigint | string, locale: 'ru' | 'en'): string {
  return formatMoney(typeof value === 'string' ? parseAmount(value) : value, { locale });
}
