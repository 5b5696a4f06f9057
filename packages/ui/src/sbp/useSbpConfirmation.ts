import { formatMoney, type OperationView, parseAmount } from '@mandarin-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import { useIdempotentAction } from '../state/useIdempotentAction.js';

/** Where a two-step SBP payout stands for the payer. */
export type SbpConfirmationState =
  | 'loading'
  | 'load-error'
  | 'ready'
  | 'confirming'
  | 'rejecting'
  | 'processing'
  | 'success'
  | 'failed'
  | 'rejected';

/** Options of {@link useSbpConfirmation}. */
export interface UseSbpConfirmationOptions {
  operationId: string;
  /** The payer confirmed and the BFF accepted it; the final status follows from the event stream. */
  onConfirmed?: (operation: OperationView) => void;
  onRejected?: (operation: OperationView) => void;
  /** The payout reached `success`. */
  onSucceeded?: (operation: OperationView) => void;
  /** The payout reached `failed`. */
  onFailed?: (operation: OperationView) => void;
}

/** What {@link useSbpConfirmation} returns. */
export interface UseSbpConfirmationResult {
  state: SbpConfirmationState;
  operation: OperationView | undefined;
  /** Amount for people (`1 500,00 ₽`). */
  amount: string | null;
  fullName: string | null;
  phoneMasked: string | null;
  /** Bank name from the recipient, the operation, or the SBP directory. */
  bankName: string | null;
  bankId: string | null;
  /** Confirm and Reject are each sent at most once; both are disabled once either succeeded. */
  canDecide: boolean;
  confirm: () => void;
  reject: () => void;
  /** The error of the last Confirm/Reject, for a retry with the same idempotency key. */
  actionError: unknown;
  retryAction: () => void;
  loadError: unknown;
  retryLoad: () => void;
}

/** Headless two-step SBP payout confirmation: the recipient's name from the bank, Confirm/Reject, live status. */
export function useSbpConfirmation(options: UseSbpConfirmationOptions): UseSbpConfirmationResult {
  const { client, locale } = useKit();
  const queryClient = useQueryClient();
  const { operationId } = options;
  const latest = useRef(options);
  latest.current = options;

  const operationQuery = useQuery({
    queryKey: queryKeys.operation(operationId),
    queryFn: ({ signal }) => client.getOperation(operationId, { signal }),
  });
  const operation = operationQuery.data;
  const recipientQuery = useQuery({
    queryKey: queryKeys.sbpRecipient(operationId),
    queryFn: ({ signal }) => client.getSbpRecipient(operationId, { signal }),
    enabled: operation?.status === 'awaiting_confirmation',
    staleTime: Number.POSITIVE_INFINITY,
  });
  const recipient = recipientQuery.data;
  const bankId = operation?.sbp?.bankId ?? null;
  const knownBank = recipient?.bankName ?? operation?.sbp?.bankName ?? null;
  const banksQuery = useQuery({
    queryKey: queryKeys.sbpBanks(''),
    queryFn: ({ signal }) => client.listSbpBanks(undefined, { signal }),
    enabled: recipient !== undefined && knownBank === null && bankId !== null,
    staleTime: 24 * 60 * 60 * 1000,
  });
  const bankName = knownBank ?? banksQuery.data?.banks.find((b) => b.bankId === bankId)?.bankName ?? null;

  // One decision at a time across both buttons: a quick Confirm then Reject must not send both.
  const deciding = useRef(false);
  const decide = (kind: 'confirm' | 'reject') => async (_: null, idempotencyKey: string) => {
    let view: OperationView;
    try {
      view = await (kind === 'confirm' ? client.confirmSbpPayout : client.rejectSbpPayout)(operationId, {
        idempotencyKey,
      });
    } catch (error) {
      deciding.current = false;
      throw error;
    }
    queryClient.setQueryData(queryKeys.operation(operationId), view);
    if (kind === 'confirm') latest.current.onConfirmed?.(view);
    else latest.current.onRejected?.(view);
    return view;
  };
  const confirmAction = useIdempotentAction(decide('confirm'));
  const rejectAction = useIdempotentAction(decide('reject'));
  const lastAction = useRef<'confirm' | 'reject' | null>(null);

  const status = operation?.status;
  let state: SbpConfirmationState;
  if (confirmAction.status === 'pending') state = 'confirming';
  else if (rejectAction.status === 'pending') state = 'rejecting';
  else if (status === 'pending') state = 'processing';
  else if (status === 'success' || status === 'failed' || status === 'rejected') state = status;
  else if (operationQuery.isError || recipientQuery.isError) state = 'load-error';
  else if (operation === undefined || recipient === undefined) state = 'loading';
  else state = 'ready';

  // Only a change seen here is reported: a payout that was already final when loaded fires nothing.
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (operation === undefined || reported.current === operation.status) return;
    const first = reported.current === null;
    reported.current = operation.status;
    if (first) return;
    if (operation.status === 'success') latest.current.onSucceeded?.(operation);
    if (operation.status === 'failed') latest.current.onFailed?.(operation);
  }, [operation]);

  // Sends a decision (or sends the last one again, with its key) unless one is on its way.
  const send = (kind: 'confirm' | 'reject') => {
    if (deciding.current) return;
    deciding.current = true;
    lastAction.current = kind;
    void (kind === 'confirm' ? confirmAction : rejectAction).run(null);
  };
  const decided = confirmAction.status === 'success' || rejectAction.status === 'success';
  const canDecide = state === 'ready' && !decided;
  const money = recipient?.amount ?? operation?.amount;

  return {
    state,
    operation,
    amount: money ? formatMoney(parseAmount(money.amount), { locale }) : null,
    fullName: recipient?.fullName ?? null,
    phoneMasked: recipient?.phoneMasked ?? operation?.destinationMasked ?? null,
    bankName,
    bankId,
    canDecide,
    confirm: () => canDecide && send('confirm'),
    reject: () => canDecide && send('reject'),
    actionError: lastAction.current === 'reject' ? rejectAction.error : confirmAction.error,
    retryAction: () => lastAction.current && send(lastAction.current),
    loadError: operationQuery.error ?? recipientQuery.error,
    retryLoad: () => {
      void operationQuery.refetch();
      if (recipientQuery.isError) void recipientQuery.refetch();
    },
  };
}
