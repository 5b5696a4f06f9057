import {
  type PaymentListFilter,
  type PaymentStatus,
  type PaymentView,
  parseAmount,
} from '@mandarin-kit/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';

/** Where the list stands: `loading` (nothing yet), `error` (nothing to show), `empty` or `ready`. */
export type PaymentsTableState = 'loading' | 'error' | 'empty' | 'ready';

/** How far back the list goes, in days (`all`: no limit). */
export type PaymentPeriod = 'all' | '7' | '30' | '90' | '365';

/** What the operator narrows the payments by. */
export interface PaymentsFilter {
  status: PaymentStatus | 'all';
  period: PaymentPeriod;
  /** An order id, matched exactly ('' for any). */
  orderId: string;
}

/** The filter with nothing narrowed. */
export const NO_PAYMENTS_FILTER: PaymentsFilter = { status: 'all', period: 'all', orderId: '' };

/** Options of {@link usePaymentsTable}. */
export interface UsePaymentsTableOptions {
  /** Payments per page (default 20; the BFF serves at most 100). */
  pageSize?: number;
  /** The filter at first. */
  defaultFilter?: Partial<PaymentsFilter>;
  /** The clock a period counts back from (default: the current time). */
  now?: () => Date;
}

/** What {@link usePaymentsTable} returns. */
export interface UsePaymentsTableResult {
  state: PaymentsTableState;
  /** Every payment loaded so far, newest first. */
  payments: PaymentView[];
  error: unknown;
  retry: () => void;
  filter: PaymentsFilter;
  /** Narrows the list; it starts again from its first page. */
  setFilter: (change: Partial<PaymentsFilter>) => void;
  resetFilter: () => void;
  /** True when anything is narrowed. */
  filtered: boolean;
  hasMore: boolean;
  /** Appends the next page (by the BFF's cursor). */
  loadMore: () => void;
  loadingMore: boolean;
  /** The next page could not be loaded; the payments already shown stay. */
  loadMoreError: unknown;
  /** True while the list is fetched again (after a live event, say). */
  refreshing: boolean;
  /** Ids of the payments whose details are open. */
  expanded: ReadonlySet<string>;
  /** Opens or closes a payment's details. */
  toggle: (paymentId: string) => void;
}

const DAY_MS = 86_400_000;

/** True when a payment is paid and something of it can still be refunded. */
export function canRefund(payment: PaymentView): boolean {
  return payment.status === 'success' && parseAmount(payment.refundable.amount) > 0n;
}

/** True when a payment is a two-step one whose money is held, waiting to be captured. */
export function canCapture(payment: PaymentView): boolean {
  return payment.twoStep && payment.status === 'authorized';
}

/**
 * Headless list of the operator's payments: cursor-paged from the BFF, filtered by status, period and order id
 * (a change starts again from the first page), refetched when the provider's event stream reports a payment or
 * a refund (`transaction.status` with a `paymentId`).
 */
export function usePaymentsTable(options: UsePaymentsTableOptions = {}): UsePaymentsTableResult {
  const { client } = useKit();
  const pageSize = options.pageSize ?? 20;
  const now = options.now;
  const pick = (change: Partial<PaymentsFilter>, base: PaymentsFilter) => {
    const filter = { ...base, ...change, orderId: (change.orderId ?? base.orderId).trim() };
    const from =
      filter.period === 'all'
        ? undefined
        : new Date((now?.() ?? new Date()).getTime() - Number(filter.period) * DAY_MS).toISOString();
    return { filter, from };
  };
  // The period's start is fixed when the operator picks it: the query (and its cache key) stays the same.
  const [picked, setPicked] = useState(() => pick(options.defaultFilter ?? {}, NO_PAYMENTS_FILTER));
  const { filter, from } = picked;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  const query = useMemo(() => {
    const q: PaymentListFilter = { limit: pageSize };
    if (filter.status !== 'all') q.status = [filter.status];
    if (filter.orderId !== '') q.orderId = filter.orderId;
    if (from !== undefined) q.from = from;
    return q;
  }, [filter.status, filter.orderId, from, pageSize]);

  // Under the provider's `payments()` key: a payment or refund event refetches it.
  const list = useInfiniteQuery({
    queryKey: [...queryKeys.payments(), query],
    queryFn: ({ pageParam, signal }) =>
      client.listPayments({ ...query, ...(pageParam === null ? {} : { cursor: pageParam }) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  const payments = useMemo(() => list.data?.pages.flatMap((page) => page.payments) ?? [], [list.data]);
  const { fetchNextPage, refetch } = list;
  const loadMore = useCallback(() => {
    void fetchNextPage({ cancelRefetch: false });
  }, [fetchNextPage]);
  const toggle = useCallback((paymentId: string) => {
    setExpanded((old) => {
      const next = new Set(old);
      if (!next.delete(paymentId)) next.add(paymentId);
      return next;
    });
  }, []);

  return {
    state: list.data ? (payments.length === 0 ? 'empty' : 'ready') : list.isError ? 'error' : 'loading',
    payments,
    error: list.error,
    retry: () => void refetch(),
    filter,
    setFilter: (change) => setPicked((old) => pick(change, old.filter)),
    resetFilter: () => setPicked(pick(NO_PAYMENTS_FILTER, NO_PAYMENTS_FILTER)),
    filtered: filter.status !== 'all' || filter.period !== 'all' || filter.orderId !== '',
    hasMore: list.hasNextPage,
    loadMore,
    loadingMore: list.isFetchingNextPage,
    loadMoreError: list.isFetchNextPageError ? list.error : null,
    refreshing: list.isFetching && !list.isFetchingNextPage && list.data !== undefined,
    expanded,
    toggle,
  };
}
