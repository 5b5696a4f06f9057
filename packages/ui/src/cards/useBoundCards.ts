import type {
  CardBindingStartedView,
  CardListView,
  CardView,
  StartCardBindingBody,
} from '@mandarin-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import { useControllableState } from '../state/useControllableState.js';
import { type ActionStatus, useIdempotentAction } from '../state/useIdempotentAction.js';

/** Where the card list stands. */
export type BoundCardsState = 'loading' | 'error' | 'empty' | 'ready';

/** The last thing that happened to the list, for an announcement. */
export type BoundCardsOutcome =
  | { type: 'bound'; card: CardView }
  | { type: 'failed'; card: CardView }
  | { type: 'removed'; card: CardView };

/** Options of {@link useBoundCards}. */
export interface UseBoundCardsOptions {
  /** The picked card (controlled); `null` for none. */
  value?: string | null;
  /** The card picked at first (uncontrolled). */
  defaultValue?: string | null;
  /** Called with the card the user picked (`null` when the picked card was removed). */
  onValueChange?: (cardId: string | null) => void;
  /** A binding started here finished and the card is active. */
  onBound?: (card: CardView) => void;
  /** A card was removed from the list. */
  onRemoved?: (cardId: string) => void;
  /** Contacts for the binding; the BFF takes the wallet's by default. */
  bindingContacts?: StartCardBindingBody;
}

/** What {@link useBoundCards} returns. */
export interface UseBoundCardsResult {
  state: BoundCardsState;
  cards: CardView[];
  /** Active cards: the ones that can be picked. */
  usable: CardView[];
  error: unknown;
  retry: () => void;
  selected: string | null;
  select: (cardId: string | null) => void;
  /** The binding whose card form is open (its `jsOperationId` and `payUrl`). */
  binding: CardBindingStartedView | null;
  /** Where starting a binding stands. */
  startStatus: ActionStatus;
  startError: unknown;
  /** Starts binding a card (retrying after an error reuses the same Idempotency-Key). */
  startBinding: () => void;
  /** Closes the card form; the pending binding stays in the list until Mandarin reports it. */
  cancelBinding: () => void;
  /** Removes a card; resolves to whether it was removed. */
  remove: (cardId: string) => Promise<boolean>;
  /** The card being removed, or whose removal failed. */
  removal: { cardId: string; status: 'pending' | 'error'; error: unknown } | null;
  outcome: BoundCardsOutcome | null;
}

/**
 * Headless list of the user's bound cards: fetched once, updated live by `card_binding.status` events (no
 * polling), with starting a binding, removing a card, and picking one.
 */
export function useBoundCards(options: UseBoundCardsOptions = {}): UseBoundCardsResult {
  const { client } = useKit();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.cards(),
    queryFn: ({ signal }) => client.listCards({ signal }),
  });
  const cards = query.data?.cards ?? [];
  const [selected, select] = useControllableState<string | null>(
    options.value,
    options.defaultValue ?? null,
    options.onValueChange,
  );
  const [binding, setBinding] = useState<CardBindingStartedView | null>(null);
  const [outcome, setOutcome] = useState<BoundCardsOutcome | null>(null);
  const [removal, setRemoval] = useState<UseBoundCardsResult['removal']>(null);
  const removing = useRef(false);
  const callbacks = useRef(options);
  callbacks.current = options;

  const start = useIdempotentAction((_: null, idempotencyKey: string) =>
    client.startCardBinding(callbacks.current.bindingContacts, { idempotencyKey }),
  );
  const { run } = start;
  const startBinding = useCallback(() => {
    void run(null).then((outcome) => {
      if (!outcome.ok || !('data' in outcome)) return;
      const view = outcome.data;
      const pending: CardView = {
        id: view.id,
        status: 'pending',
        cardMasked: null,
        cardHolder: null,
        expiryMonth: null,
        expiryYear: null,
        createdAt: new Date().toISOString(),
      };
      queryClient.setQueryData<CardListView>(queryKeys.cards(), (old) =>
        old && !old.cards.some((card) => card.id === view.id)
          ? { ...old, cards: [pending, ...old.cards] }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.cards() });
      setOutcome(null);
      setBinding(view);
    });
  }, [run, queryClient]);

  const cancelBinding = useCallback(() => {
    setBinding(null);
    start.reset();
  }, [start.reset]);

  // The binding's own card leaves `pending` when Mandarin's callback reaches the BFF (a live event).
  const bound = binding ? cards.find((card) => card.id === binding.id) : undefined;
  useEffect(() => {
    if (!bound || bound.status === 'pending') return;
    setBinding(null);
    start.reset();
    setOutcome({ type: bound.status === 'active' ? 'bound' : 'failed', card: bound });
    if (bound.status === 'active') callbacks.current.onBound?.(bound);
  }, [bound, start.reset]);

  const remove = useCallback(
    async (cardId: string) => {
      if (removing.current) return false;
      const card = queryClient
        .getQueryData<CardListView>(queryKeys.cards())
        ?.cards.find((c) => c.id === cardId);
      if (!card) return false;
      removing.current = true;
      setRemoval({ cardId, status: 'pending', error: null });
      try {
        await client.removeCard(cardId);
      } catch (error) {
        setRemoval({ cardId, status: 'error', error });
        return false;
      } finally {
        removing.current = false;
      }
      queryClient.setQueryData<CardListView>(queryKeys.cards(), (old) =>
        old ? { ...old, cards: old.cards.filter((c) => c.id !== cardId) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.cards() });
      setRemoval(null);
      setOutcome({ type: 'removed', card });
      if (selected === cardId) select(null);
      callbacks.current.onRemoved?.(cardId);
      return true;
    },
    [client, queryClient, selected, select],
  );

  return {
    state: query.data ? (cards.length === 0 ? 'empty' : 'ready') : query.isError ? 'error' : 'loading',
    cards,
    usable: cards.filter((card) => card.status === 'active'),
    error: query.error,
    retry: () => void query.refetch(),
    selected,
    select,
    binding,
    startStatus: start.status,
    startError: start.error,
    startBinding,
    cancelBinding,
    remove,
    removal,
    outcome,
  };
}
