import type { SubMerchantView } from '@mandarin-kit/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';
import { useIdempotentAction } from '../state/useIdempotentAction.js';
import { useSubMerchantAccounts } from './useSubMerchantAccounts.js';

/** The list as the BFF answers it. */
interface SubMerchantListView {
  subMerchants: SubMerchantView[];
}

/** Why a field of the link form is refused, as a message key. */
export type SubMerchantLinkIssue = 'link.token.invalid' | 'link.label.invalid';

/** Options of {@link useSubMerchantLink}. */
export interface UseSubMerchantLinkOptions {
  /** A sub-merchant was linked. */
  onLinked?: (subMerchant: SubMerchantView) => void;
  /** A sub-merchant was renamed (its `label` is null when the name was cleared). */
  onRenamed?: (subMerchant: SubMerchantView) => void;
}

/** What {@link useSubMerchantLink} returns. */
export interface UseSubMerchantLinkResult {
  /** The list: `loading`, `error`, `empty` or `ready`. */
  state: 'loading' | 'error' | 'empty' | 'ready';
  subMerchants: SubMerchantView[];
  listError: unknown;
  retry: () => void;
  /** `Цветы · 16f90c5e`, `Без названия · 8ba85f01`. */
  labelOf: (accountId: string) => string;
  token: string;
  setToken: (text: string) => void;
  label: string;
  setLabel: (text: string) => void;
  issues: Partial<Record<'token' | 'label', SubMerchantLinkIssue>>;
  /** Links the sub-merchant; returns the first refused field, or null when it was sent. */
  submit: () => 'token' | 'label' | null;
  linking: boolean;
  linkError: unknown;
  /** The sub-merchant this form linked last. */
  linked: SubMerchantView | undefined;
  /** The sub-merchant whose name is being edited. */
  editing: string | null;
  startRename: (subMerchantId: string) => void;
  cancelRename: () => void;
  renameText: string;
  setRenameText: (text: string) => void;
  renameIssue: SubMerchantLinkIssue | null;
  /** Saves the new name (empty clears it); false when it is refused. */
  saveRename: () => boolean;
  renaming: boolean;
  renameError: unknown;
  /** The sub-merchant renamed last. */
  renamed: SubMerchantView | undefined;
}

const MAX_LABEL = 80;
// Control characters are refused by the BFF; a pasted tab or newline in a name is most likely a mistake.
const CONTROL = /\p{Cc}/u;
const labelIssue = (text: string): SubMerchantLinkIssue | null =>
  text.trim().length > MAX_LABEL || CONTROL.test(text.trim()) ? 'link.label.invalid' : null;

/** Writes one sub-merchant into the cached list, so every editor and table names it at once. */
function upsert(
  list: SubMerchantListView | undefined,
  next: SubMerchantView,
): SubMerchantListView | undefined {
  if (list === undefined) return list;
  const known = list.subMerchants.some((m) => m.id === next.id);
  return {
    ...list,
    subMerchants: known
      ? list.subMerchants.map((m) => (m.id === next.id ? next : m))
      : [...list.subMerchants, next],
  };
}

/**
 * Headless list and link form of the operator's sub-merchants: link by token with an optional name (one
 * Idempotency-Key per attempt), rename inline. Both write into the shared `queryKeys.subMerchants()` list, so
 * `RoutingSplitEditor` (through `useSubMerchantAccounts`) and `PaymentsTable` show the new names at once.
 */
export function useSubMerchantLink(options: UseSubMerchantLinkOptions = {}): UseSubMerchantLinkResult {
  const { client } = useKit();
  const queryClient = useQueryClient();
  const accounts = useSubMerchantAccounts();
  const [token, setToken] = useState('');
  const [label, setLabel] = useState('');
  const [tried, setTried] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [renameText, setRenameText] = useState('');

  const store = (next: SubMerchantView) => {
    queryClient.setQueryData<SubMerchantListView>(queryKeys.subMerchants(), (list) => upsert(list, next));
    void queryClient.invalidateQueries({ queryKey: queryKeys.subMerchants() });
  };

  const link = useIdempotentAction(
    async (body: { token: string; label?: string }, idempotencyKey: string) => {
      const linked = await client.linkSubMerchant(body, { idempotencyKey });
      store(linked);
      setToken('');
      setLabel('');
      setTried(false);
      options.onLinked?.(linked);
      return linked;
    },
  );

  const rename = useMutation({
    mutationFn: ({ id, label: next }: { id: string; label: string | null }) =>
      client.renameSubMerchant(id, { label: next }),
    onSuccess: (renamed) => {
      store(renamed);
      setEditing(null);
      options.onRenamed?.(renamed);
    },
  });

  const issues: UseSubMerchantLinkResult['issues'] = {};
  const trimmedToken = token.trim();
  if (trimmedToken.length < 10 || trimmedToken.length > 4096) issues.token = 'link.token.invalid';
  const label1 = labelIssue(label);
  if (label1) issues.label = label1;
  const subMerchants = accounts.subMerchants ?? [];

  return {
    state: accounts.state === 'ready' ? (subMerchants.length === 0 ? 'empty' : 'ready') : accounts.state,
    subMerchants,
    listError: accounts.error,
    retry: accounts.retry,
    labelOf: accounts.labelOf,
    token,
    setToken,
    label,
    setLabel,
    issues: tried ? issues : {},
    submit: () => {
      setTried(true);
      const first = issues.token ? 'token' : issues.label ? 'label' : null;
      if (first) return first;
      void link.run({ token: trimmedToken, ...(label.trim() ? { label: label.trim() } : {}) });
      return null;
    },
    linking: link.status === 'pending',
    linkError: link.status === 'error' ? link.error : null,
    linked: link.data,
    editing,
    startRename: (id) => {
      rename.reset();
      setEditing(id);
      setRenameText(subMerchants.find((m) => m.id === id)?.label ?? '');
    },
    cancelRename: () => {
      rename.reset();
      setEditing(null);
    },
    renameText,
    setRenameText,
    renameIssue: labelIssue(renameText),
    saveRename: () => {
      if (editing === null || labelIssue(renameText) || rename.isPending) return false;
      rename.mutate({ id: editing, label: renameText.trim() || null });
      return true;
    },
    renaming: rename.isPending,
    renameError: rename.error,
    renamed: rename.data,
  };
}
