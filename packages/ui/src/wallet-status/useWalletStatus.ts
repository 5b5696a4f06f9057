import type { EspStatusValue, WalletView } from '@mandarin-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';

/** Where the wallet view stands: `loading` (nothing yet), `error` (nothing to show) or `ready`. */
export type WalletStatusState = 'loading' | 'error' | 'ready';

/** What {@link useWalletStatus} returns. */
export interface UseWalletStatusResult {
  state: WalletStatusState;
  wallet: WalletView | undefined;
  status: EspStatusValue | null;
  error: unknown;
  retry: () => void;
}

/**
 * Headless state of a wallet (its ESP): fetched once; the provider writes an `esp.status` event's status into
 * this query at once and refetches it, so an opening wallet turns active (or failed) without polling.
 */
export function useWalletStatus(walletId: string): UseWalletStatusResult {
  const { client } = useKit();
  const query = useQuery({
    queryKey: queryKeys.wallet(walletId),
    queryFn: ({ signal }) => client.getWallet(walletId, { signal }),
  });
  const wallet = query.data;
  return {
    state: wallet ? 'ready' : query.isError ? 'error' : 'loading',
    wallet,
    status: wallet?.status ?? null,
    error: query.error,
    retry: () => void query.refetch(),
  };
}
