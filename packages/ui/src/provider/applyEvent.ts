import {
  type BalanceView,
  type CardListView,
  cardBindingEventSchema,
  type EventEnvelope,
  espStatusEventSchema,
  type OperationView,
  operationStatusSchema,
  transactionStatusEventSchema,
  type WalletView,
} from '@mandarin-kit/core';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys.js';

/**
 * Brings the cache up to date with a live event: what the event itself says is written straight into the
 * cached views (so the screen changes at once), and the affected queries are invalidated so that the
 * rest (a new balance, timestamps) is fetched.
 */
export function applyEvent(queryClient: QueryClient, event: EventEnvelope): void {
  switch (event.type) {
    case 'esp.status': {
      const parsed = espStatusEventSchema.safeParse(event.data);
      if (!parsed.success) return;
      const { walletId, status } = parsed.data;
      queryClient.setQueryData<WalletView>(queryKeys.wallet(walletId), (old) =>
        old ? { ...old, status } : old,
      );
      queryClient.setQueryData<BalanceView>(queryKeys.balance(walletId), (old) =>
        old ? { ...old, status } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.wallet(walletId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.wallets() });
      return;
    }
    case 'transaction.status': {
      // Only the fields that name what changed; the rest of the payload is the BFF's business.
      const parsed = transactionStatusEventSchema
        .pick({ operationId: true, paymentId: true, walletId: true, status: true })
        .safeParse(event.data);
      if (!parsed.success) return;
      const { operationId, paymentId, walletId, status } = parsed.data;
      if (operationId !== null) {
        const known = operationStatusSchema.safeParse(status);
        if (known.success) {
          queryClient.setQueryData<OperationView>(queryKeys.operation(operationId), (old) =>
            old ? { ...old, status: known.data } : old,
          );
        }
        void queryClient.invalidateQueries({ queryKey: queryKeys.operation(operationId), exact: true });
      }
      if (walletId !== null) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.balance(walletId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.operations(walletId) });
      }
      if (paymentId !== null) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.payment(paymentId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.payments() });
      }
      return;
    }
    case 'card_binding.status': {
      const parsed = cardBindingEventSchema.safeParse(event.data);
      if (!parsed.success) return;
      const { cardId, status, cardMasked } = parsed.data;
      queryClient.setQueryData<CardListView>(queryKeys.cards(), (old) =>
        old
          ? {
              ...old,
              cards: old.cards.map((card) =>
                card.id === cardId ? { ...card, status, cardMasked: cardMasked ?? card.cardMasked } : card,
              ),
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.cards() });
      return;
    }
  }
}
