import type { SubMerchantView } from '@mandarin-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { defineMessages } from '../i18n/defineMessages.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import type { RoutingAccountOption } from '../routing/RoutingSplitRow.js';
import { accountLabel } from './accountLabel.js';

/** The word for a sub-merchant the operator has not named yet. */
export const accountMessages = /* @__PURE__ */ defineMessages({
  'account.unnamed': ['Без названия', 'Unnamed'],
});

/** What {@link useSubMerchantAccounts} returns. */
export interface UseSubMerchantAccountsResult {
  /** The linked sub-merchants (undefined while loading or after an error). */
  subMerchants: SubMerchantView[] | undefined;
  /**
   * Accounts for `RoutingSplitEditor`'s `accounts`: every linked sub-merchant by its label and short id, then
   * any of `include` that is not linked (by its short id), so a split that names it can still be shown.
   */
  accounts: RoutingAccountOption[];
  /** An account id for people: `Цветы · 16f90c5e`, `Без названия · 8ba85f01`, or the short id. */
  labelOf: (accountId: string) => string;
  state: 'loading' | 'error' | 'ready';
  error: unknown;
  retry: () => void;
}

/**
 * The operator's linked sub-merchants as the routing editor and the payments table name them. One query under
 * `queryKeys.subMerchants()`: a label given in `SubMerchantLink` reaches every editor and table on the page.
 */
export function useSubMerchantAccounts(include: readonly string[] = []): UseSubMerchantAccountsResult {
  const { client } = useKit();
  const t = useMessages(accountMessages);
  const query = useQuery({
    queryKey: queryKeys.subMerchants(),
    queryFn: ({ signal }) => client.listSubMerchants({ signal }),
  });
  const subMerchants = query.data?.subMerchants;
  const unnamed = t('account.unnamed');
  const labelOf = useCallback(
    (id: string) => accountLabel(id, subMerchants, unnamed),
    [subMerchants, unnamed],
  );
  const includeKey = include.join(',');
  const accounts = useMemo(() => {
    const linked = (subMerchants ?? []).map((m) => ({ id: m.id, label: labelOf(m.id) }));
    const known = new Set(linked.map((a) => a.id.toLowerCase()));
    const extra = includeKey === '' ? [] : includeKey.split(',');
    for (const id of extra) {
      if (known.has(id.toLowerCase())) continue;
      known.add(id.toLowerCase());
      linked.push({ id, label: labelOf(id) });
    }
    return linked;
  }, [subMerchants, labelOf, includeKey]);
  const { refetch } = query;
  return {
    subMerchants,
    accounts,
    labelOf,
    state: query.data ? 'ready' : query.isError ? 'error' : 'loading',
    error: query.error,
    retry: useCallback(() => void refetch(), [refetch]),
  };
}
