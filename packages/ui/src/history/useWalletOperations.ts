import type {
  OperationHistoryFilter,
  OperationHistoryRow,
  OperationKind,
  OperationStatus,
} from '@mandarin-kit/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';

/** Where the history stands: `loading` (nothing yet), `error` (nothing to show), `empty` or `ready`. */
export type WalletOperationsState = 'loading' | 'error' | 'empty' | 'ready';

/** Statuses as a person filters them: still going, done, or not done. */
export type OperationStatusGroup = 'active' | 'success' | 'failed';

/** How far back the history goes, in days (`all`: no limit). */
export type OperationPeriod = 'all' | '7' | '30' | '90' | '365';

/** What the user filters the history by. */
export interface WalletOperationsFilter {
  kind: OperationKind | 'all';
  status: OperationStatusGroup | 'all';
  period: OperationPeriod;
}

/** The statuses each group stands for. */
export const STATUS_GROUPS: Record<OperationStatusGroup, OperationStatus[]> = {
  active: ['pending', 'awaiting_confirmation'],
  success: ['success'],
  failed: ['failed', 'rejected'],
};

/** The filter with nothing narrowed. */
export const NO_FILTER: WalletOperationsFilter = { kind: 'all', status: 'all', period: 'all' };

/** Options of {@link useWalletOperations}. */
export interface UseWalletOperationsOptions {
  /** Rows per page (default 20; the BFF serves at most 100). */
  pageSize?: number;
  /** The filter at first. */
  defaultFilter?: Partial<WalletOperationsFilter>;
  /** The clock a period counts back from (default: the current time). */
  now?: () => Date;
}

/** What {@link useWalletOperations} returns. */
export interface UseWalletOperationsResult {
  state: WalletOperationsState;
  /** Every row loaded so far, newest first. */
  rows: OperationHistoryRow[];
  error: unknown;
  retry: () => void;
  filter: WalletOperationsFilter;
  /** Narrows the history; the list starts again from its first page. */
  setFilter: (change: Partial<WalletOperationsFilter>) => void;
  resetFilter: () => void;
  /** True when anything is narrowed. */
  filtered: boolean;
  /** What the BFF is asked for (no cursor, no page size): the same rows the CSV export holds. */
  query: Omit<OperationHistoryFilter, 'cursor' | 'limit'>;
  hasMore: boolean;
  /** Appends the next page. */
  loadMore: () => void;
  loadingMore: boolean;
  /** The next page could not be loaded; the rows already shown stay. */
  loadMoreError: unknown;
  /** True while the list is fetched again (after a live event, say). */
  refreshing: boolean;
  /** Where the browser downloads the filtered rows as CSV. */
  csvUrl: string;
}

const DAY_MS = 86_400_000;

/**
 * Headless history of a wallet: cursor-paged from the BFF, filtered by kind, status and period (a change starts
 * again from the first page), refetched when the provider's event stream reports an operation of this wallet.
 */
export function useWalletOperations(
  walletId: string,
  options: UseWalletOperationsOptions = {},
): UseWalletOperationsResult {
  const { client } = useKit();
  const pageSize = options.pageSize ?? 20;
  const now = options.now;
  const pick = (change: Partial<WalletOperationsFilter>, base: WalletOperationsFilter) => {
    const filter = { ...base, ...change };
    const from =
      filter.period === 'all'
        ? undefined
        : new Date((now?.() ?? new Date()).getTime() - Number(filter.period) * DAY_MS).toISOString();
    return { filter, from };
  };
  // The period's start is fixed when the user picks it: the query (and its cache key) stays the same.
  const [picked, setPicked] = useState(() => pick(options.defaultFilter ?? {}, NO_FILTER));
  const { filter, from } = picked;

  const query = useMemo(() => {
    const q: Omit<OperationHistoryFilter, 'cursor' | 'limit'> = {};
    if (filter.kind !== 'all') q.kind = [filter.kind];
    if (filter.status !== 'all') q.status = STATUS_GROUPS[filter.status];
    if (from !== undefined) q.from = from;
    return q;
  }, [filter.kind, filter.status, from]);

  // Under the provider's `operations(walletId)` key: a `transaction.status` event for this wallet refetches it.
  const list = useInfiniteQuery({
    queryKey: [...queryKeys.operations(walletId), { ...query, limit: pageSize }],
    queryFn: ({ pageParam, signal }) =>
      client.listOperations(
        walletId,
        { ...query, limit: pageSize, ...(pageParam === null ? {} : { cursor: pageParam }) },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.operations) ?? [], [list.data]);
  const { fetchNextPage, refetch } = list;
  const loadMore = useCallback(() => {
    void fetchNextPage({ cancelRefetch: false });
  }, [fetchNextPage]);

  return {
    state: list.data ? (rows.length === 0 ? 'empty' : 'ready') : list.isError ? 'error' : 'loading',
    rows,
    error: list.error,
    retry: () => void refetch(),
    filter,
    setFilter: (change) => setPicked((old) => pick(change, old.filter)),
    resetFilter: () => setPicked(pick({}, NO_FILTER)),
    filtered: filter.kind !== 'all' || filter.status !== 'all' || filter.period !== 'all',
    query,
    hasMore: list.hasNextPage,
    loadMore,
    loadingMore: list.isFetchingNextPage,
    loadMoreError: list.isFetchNextPageError ? list.error : null,
    refreshing: list.isFetching && !list.isFetchingNextPage && list.data !== undefined,
    csvUrl: client.operationsCsvUrl(walletId, query),
  };
}
