import { type BalanceView, type EspStatusValue, formatMoney, parseAmount } from '@mandarin-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';

/** Where a balance stands: `loading` (nothing yet), `error` (nothing to show) or `ready`. */
export type BalanceState = 'loading' | 'error' | 'ready';

/** What {@link useBalance} returns. */
export interface UseBalanceResult {
  state: BalanceState;
  /** Exact balance in minor units (kopecks). */
  amount: bigint | null;
  /** The balance for people in the provider's locale: `15 000,75 ₽`. */
  formatted: string | null;
  walletStatus: EspStatusValue | null;
  view: BalanceView | undefined;
  error: unknown;
  /** True while a newer balance is being fetched (after a live event, say). */
  refreshing: boolean;
  retry: () => void;
}

/** Headless balance of a wallet: fetched once, refreshed by live events for that wallet, never polled. */
export function useBalance(walletId: string): UseBalanceResult {
  const { client, locale } = useKit();
  const query = useQuery({
    queryKey: queryKeys.balance(walletId),
    queryFn: ({ signal }) => client.getBalance(walletId, { signal }),
  });
  const view = query.data;
  const amount = view ? parseAmount(view.balance.amount) : null;
  return {
    state: view ? 'ready' : query.isError ? 'error' : 'loading',
    amount,
    formatted: amount === null ? null : formatMoney(amount, { locale }),
    walletStatus: view?.status ?? null,
    view,
    error: query.error,
    refreshing: query.isFetching && view !== undefined,
    retry: () => void query.refetch(),
  };
}
