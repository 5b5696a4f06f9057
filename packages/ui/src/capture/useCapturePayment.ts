import {
  fromRoutingWire,
  type PaymentView,
  parseAmount,
  type RoutingWireEntry,
  validateRouting,
} from '@mandarin-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import type { RoutingChangeDetail, RoutingWire } from '../routing/useRoutingSplit.js';
import { useIdempotentAction } from '../state/useIdempotentAction.js';

/**
 * Where a capture stands: `unavailable` (not a held two-step payment), `editing`, `submitting`, or `done` (the BFF
 * accepted it; the payment's final status follows on the stream).
 */
export type CapturePaymentState = 'unavailable' | 'editing' | 'submitting' | 'done';

/** Options of {@link useCapturePayment}. */
export interface UseCapturePaymentOptions {
  /** The held payment, as the list had it; it is read again from the BFF (and kept live). */
  payment: PaymentView;
  /** The BFF accepted the capture; the payment's final status follows on the stream. */
  onCaptured?: (payment: PaymentView) => void;
}

/** What {@link useCapturePayment} returns. */
export interface UseCapturePaymentResult {
  state: CapturePaymentState;
  /** The payment as the BFF has it now. */
  payment: PaymentView;
  /** The held amount in minor units: the split must add up to exactly this. */
  held: bigint;
  /** The split as edited (`{ destination }`); at first the payment's own, if it was created with one. */
  routing: RoutingWire;
  /** For `RoutingSplitEditor`'s `onValueChange`. */
  setRouting: (routing: RoutingWire, detail: RoutingChangeDetail) => void;
  /** For `RoutingSplitEditor`'s `onValidityChange`. */
  setSplitValidity: (valid: boolean) => void;
  /** What the rows add up to, once every row parses. */
  allocated: bigint;
  /** True when the split is complete and valid (sums to the held amount). */
  valid: boolean;
  /** Sends the capture; false (and nothing sent) while the split is not valid. */
  submit: () => boolean;
  tried: boolean;
  submitError: unknown;
}

const sum = (entries: readonly RoutingWireEntry[]) =>
  entries.reduce((total, entry) => total + parseAmount(entry.amount.value), 0n);

/**
 * Headless capture of a held two-step payment: its split between sub-merchants (exactly the held amount, never
 * more), sent with one Idempotency-Key per attempt, and the payment followed live to its final status.
 */
export function useCapturePayment({
  payment: given,
  onCaptured,
}: UseCapturePaymentOptions): UseCapturePaymentResult {
  const { client } = useKit();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.payment(given.id),
    queryFn: ({ signal }) => client.getPayment(given.id, { signal }),
    initialData: given,
    initialDataUpdatedAt: 0,
  });
  const payment = query.data;
  const held = parseAmount(payment.amount.amount);
  const [edit, setEdit] = useState<{ routing: RoutingWire; allocated: bigint }>(() => ({
    routing: { destination: given.routing },
    allocated: sum(given.routing),
  }));
  // The editor's word: every row parses and the split adds up to the held amount exactly. Until the editor first
  // says so, the split the payment came with is judged the same way.
  const [valid, setValid] = useState(
    () =>
      given.routing.length > 0 &&
      validateRouting(parseAmount(given.amount.amount), fromRoutingWire(given.routing)).length === 0,
  );
  const [tried, setTried] = useState(false);

  const action = useIdempotentAction(async (routing: RoutingWireEntry[], idempotencyKey: string) => {
    const view = await client.completePayment(payment.id, { routing }, { idempotencyKey });
    queryClient.setQueryData(queryKeys.payment(view.id), view);
    void queryClient.invalidateQueries({ queryKey: queryKeys.payment(view.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.payments() });
    onCaptured?.(view);
    return view;
  });

  const state: CapturePaymentState =
    action.status === 'success'
      ? 'done'
      : action.status === 'pending'
        ? 'submitting'
        : payment.twoStep && payment.status === 'authorized'
          ? 'editing'
          : 'unavailable';

  return {
    state,
    payment,
    held,
    routing: edit.routing,
    setRouting: (routing, detail) =>
      setEdit({ routing, allocated: detail.shares.reduce((total, share) => total + share.amount, 0n) }),
    setSplitValidity: setValid,
    allocated: edit.allocated,
    valid,
    submit: () => {
      setTried(true);
      if (!valid || state !== 'editing' || !('destination' in edit.routing)) return false;
      void action.run(edit.routing.destination);
      return true;
    },
    tried,
    submitError: action.status === 'error' ? action.error : null,
  };
}
