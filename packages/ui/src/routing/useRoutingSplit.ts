import {
  allocate,
  fromRoutingWire,
  type RoutingIssue,
  type RoutingShare,
  type RoutingWireEntry,
  splitRefund,
  toRoutingDestination,
  toRoutingSource,
  validateRouting,
} from '@mandarin-kit/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../i18n/defineMessages.js';
import { useKit } from '../provider/KitContext.js';
import { amountTextIn, amountToText, parseAmountText } from './amountText.js';

/** One row as the user is editing it: text, not yet money. */
export interface RoutingRowDraft {
  /** Stable React key, never sent. */
  key: string;
  accountId: string;
  amount: string;
  fee: string;
  description: string;
  percent: string;
  /** Issues show once a row has been edited (or came from a value). */
  touched: boolean;
}

/** A text column of a row. */
export type RoutingRowField = 'accountId' | 'amount' | 'fee' | 'description' | 'percent';

/** The wire `routing` object: destinations of a payment or sources of a reversal. */
export type RoutingWire = { destination: RoutingWireEntry[] } | { source: RoutingWireEntry[] };

/** What `onValueChange` is told besides the wire object. */
export interface RoutingChangeDetail {
  shares: RoutingShare[];
  issues: RoutingIssue[];
  /** True when every row parses and `validateRouting` found nothing. */
  valid: boolean;
}

/** Options of {@link useRoutingSplit}. */
export interface UseRoutingSplitOptions {
  /** `destination` splits a payment; `source` says which accounts a reversal takes back from. */
  mode?: 'destination' | 'source';
  /** The amount to split, in minor units (payment amount, or refund amount). */
  total: bigint;
  value?: RoutingWire;
  defaultValue?: RoutingWire;
  /** Called after each edit that leaves every row parseable, with the wire object. */
  onValueChange?: (routing: RoutingWire, detail: RoutingChangeDetail) => void;
  /**
   * Called with `valid` at first and whenever it changes — also when a row stops parsing, which
   * `onValueChange` does not report: a form should send only while this says true.
   */
  onValidityChange?: (valid: boolean) => void;
  /** Source mode: the payment's own routing, for a proportional refund of what remains. */
  original?: readonly RoutingWireEntry[];
  /** Source mode: the routing of earlier refunds of the same payment. */
  refunded?: readonly RoutingWireEntry[];
  /** Source mode: also give back the platform fee in proportion. */
  refundFee?: boolean;
}

/** A row's problems as a stable string of codes (`|`-joined), so that memoised rows compare it cheaply. */
export type RowIssueCodes = string;

/** What {@link useRoutingSplit} returns. */
export interface UseRoutingSplitResult {
  rows: RoutingRowDraft[];
  /** Per row (same order), the codes of its problems; `''` when none or not yet touched. */
  rowIssues: RowIssueCodes[];
  /** Issues of the whole split (`EMPTY`, `SUM_MISMATCH`). */
  splitIssues: RoutingIssue[];
  allocated: bigint;
  fees: bigint;
  remaining: bigint;
  valid: boolean;
  /** Split-level problem of the last split action (`NO_WEIGHTS`, `REFUND_TOO_LARGE`). */
  actionIssue: string | null;
  updateRow: (key: string, field: RoutingRowField, text: string) => void;
  addRow: (afterKey?: string) => string;
  removeRow: (key: string) => void;
  splitEvenly: () => void;
  splitByPercent: () => void;
  splitRefund: () => void;
  canSplitRefund: boolean;
}

// Keys of the first rows come from their position, so that the server and the client agree (hydration);
// rows added later get a sequence number of their own.
let keySeq = 0;
const newKey = () => `n${++keySeq}`;

function blankRow(key = newKey()): RoutingRowDraft {
  return { key, accountId: '', amount: '', fee: '', description: '', percent: '', touched: false };
}

function rowsFrom(wire: RoutingWire | undefined, locale: 'ru' | 'en', prefix: string): RoutingRowDraft[] {
  const entries = wire ? ('destination' in wire ? wire.destination : wire.source) : [];
  if (entries.length === 0) return [blankRow(`${prefix}0`)];
  return fromRoutingWire(entries).map((share, i) => rowFromShare(share, `${prefix}${i}`, locale));
}

/** A row showing `share` as the user would have typed it. */
function rowFromShare(share: RoutingShare, key: string, locale: 'ru' | 'en'): RoutingRowDraft {
  return {
    key,
    accountId: share.accountId,
    amount: amountToText(share.amount, locale),
    fee: amountToText(share.platformFee, locale),
    description: share.description ?? '',
    percent: '',
    touched: true,
  };
}

interface ParsedRow {
  amount: bigint | null;
  fee: bigint | null;
}

// Rows are immutable: parse each row object once per locale, however many times the split is re-validated.
const parsedRows = new WeakMap<RoutingRowDraft, ParsedRow & { locale: Locale }>();
function parseRow(row: RoutingRowDraft, locale: Locale): ParsedRow {
  let parsed = parsedRows.get(row);
  if (parsed === undefined || parsed.locale !== locale) {
    parsed = {
      locale,
      amount: parseAmountText(row.amount, locale),
      fee: row.fee.trim() === '' ? 0n : parseAmountText(row.fee, locale),
    };
    parsedRows.set(row, parsed);
  }
  return parsed;
}

function toShares(rows: readonly RoutingRowDraft[], locale: Locale): RoutingShare[] {
  return rows.map((row) => {
    const { amount, fee } = parseRow(row, locale);
    return {
      accountId: row.accountId.trim(),
      amount: amount ?? 0n,
      platformFee: fee ?? 0n,
      ...(row.description ? { description: row.description } : {}),
    };
  });
}

function wireOf(mode: 'destination' | 'source', shares: readonly RoutingShare[]): RoutingWire {
  return mode === 'destination' ? toRoutingDestination(shares) : toRoutingSource(shares);
}

/**
 * Headless routing split editor. Rows are text drafts; every edit re-validates with core's `validateRouting`
 * and, when every row parses, emits the wire object. Callbacks are stable and unchanged rows keep their
 * identity and issue string, so a memoised row re-renders only when it changes itself.
 */
export function useRoutingSplit(options: UseRoutingSplitOptions): UseRoutingSplitResult {
  const { locale } = useKit();
  const mode = options.mode ?? 'destination';
  const [rows, setRows] = useState<RoutingRowDraft[]>(() =>
    rowsFrom(options.value ?? options.defaultValue, locale, 'i'),
  );
  const [actionIssue, setActionIssue] = useState<string | null>(null);
  const rowsRef = useRef(rows);
  const lastEmitted = useRef<string | null>(options.value ? JSON.stringify(options.value) : null);
  const latest = useRef(options);
  latest.current = options;

  // Controlled: a value that is not the one just emitted replaces the drafts.
  const valueJson = options.value === undefined ? null : JSON.stringify(options.value);
  useEffect(() => {
    if (valueJson === null || valueJson === lastEmitted.current) return;
    lastEmitted.current = valueJson;
    const next = rowsFrom(JSON.parse(valueJson) as RoutingWire, locale, newKey());
    rowsRef.current = next;
    setRows(next);
  }, [valueJson, locale]);

  // A language switch writes every typed amount, fee and percentage again in the new locale (`1 500,50` →
  // `1500.50`) instead of leaving it to be refused; text that is not a number stays as typed.
  const shownLocale = useRef(locale);
  useLayoutEffect(() => {
    const from = shownLocale.current;
    if (from === locale) return;
    shownLocale.current = locale;
    const again = (text: string) => amountTextIn(text, from, locale);
    const next = rowsRef.current.map((row) => ({
      ...row,
      amount: again(row.amount),
      fee: again(row.fee),
      percent: again(row.percent),
    }));
    rowsRef.current = next;
    setRows(next);
  }, [locale]);

  const commit = useCallback(
    (next: RoutingRowDraft[]) => {
      rowsRef.current = next;
      setRows(next);
      const { onValueChange, total } = latest.current;
      if (!onValueChange) return;
      const parsed = next.map((row) => parseRow(row, locale));
      if (parsed.some(({ amount, fee }) => amount === null || fee === null)) return;
      const shares = toShares(next, locale);
      const issues = validateRouting(total, shares);
      const wire = wireOf(mode, shares);
      lastEmitted.current = JSON.stringify(wire);
      onValueChange(wire, { shares, issues, valid: issues.length === 0 });
    },
    [mode, locale],
  );

  const updateRow = useCallback(
    (key: string, field: RoutingRowField, text: string) => {
      commit(
        rowsRef.current.map((row) => (row.key === key ? { ...row, [field]: text, touched: true } : row)),
      );
    },
    [commit],
  );

  const addRow = useCallback(
    (afterKey?: string) => {
      const row = blankRow();
      const current = rowsRef.current;
      const at = afterKey === undefined ? current.length : current.findIndex((r) => r.key === afterKey) + 1;
      commit([...current.slice(0, at), row, ...current.slice(at)]);
      return row.key;
    },
    [commit],
  );

  const removeRow = useCallback(
    (key: string) => commit(rowsRef.current.filter((row) => row.key !== key)),
    [commit],
  );

  const setAmounts = useCallback(
    (amounts: readonly bigint[]) => {
      commit(
        rowsRef.current.map((row, i) => ({
          ...row,
          amount: amountToText(amounts[i] ?? 0n, locale),
          touched: true,
        })),
      );
    },
    [commit, locale],
  );

  const splitEvenly = useCallback(() => {
    setActionIssue(null);
    const count = rowsRef.current.length;
    if (count === 0) return;
    setAmounts(
      allocate(
        latest.current.total,
        Array.from({ length: count }, () => 1n),
      ),
    );
  }, [setAmounts]);

  const splitByPercent = useCallback(() => {
    const weights = rowsRef.current.map((row) => parseAmountText(row.percent, locale) ?? 0n);
    if (weights.every((w) => w === 0n)) {
      setActionIssue('NO_WEIGHTS');
      return;
    }
    setActionIssue(null);
    setAmounts(allocate(latest.current.total, weights));
  }, [setAmounts, locale]);

  const splitRefundRows = useCallback(() => {
    const { original, refunded = [], total, refundFee } = latest.current;
    if (!original?.length) return;
    let parts: RoutingShare[];
    try {
      parts = splitRefund(fromRoutingWire(original), fromRoutingWire(refunded), total, {
        refundFee: refundFee ?? false,
      });
    } catch {
      setActionIssue('REFUND_TOO_LARGE');
      return;
    }
    setActionIssue(null);
    commit(parts.map((share) => rowFromShare(share, newKey(), locale)));
  }, [commit, locale]);

  const { total } = options;
  const derived = useMemo(() => {
    const shares = toShares(rows, locale);
    const issues = validateRouting(total, shares);
    const perRow: string[][] = rows.map((row) => {
      const { amount, fee } = parseRow(row, locale);
      const codes: string[] = [];
      if (amount === null) codes.push('AMOUNT_FORMAT');
      if (fee === null) codes.push('FEE_FORMAT');
      if (row.percent.trim() !== '' && parseAmountText(row.percent, locale) === null)
        codes.push('PERCENT_FORMAT');
      return codes;
    });
    const splitIssues: RoutingIssue[] = [];
    for (const issue of issues) {
      if (issue.index === undefined) {
        splitIssues.push(issue);
        continue;
      }
      const codes = perRow[issue.index]!;
      // A row whose text does not parse says so instead of "must be positive".
      if (issue.code === 'NON_POSITIVE_AMOUNT' && codes.includes('AMOUNT_FORMAT')) continue;
      codes.push(issue.code);
    }
    let allocated = 0n;
    let fees = 0n;
    for (const share of shares) {
      allocated += share.amount;
      fees += share.platformFee;
    }
    const rowIssues = rows.map((row, i) => (row.touched ? perRow[i]!.join('|') : ''));
    const valid = issues.length === 0 && perRow.every((codes) => codes.length === 0);
    return { rowIssues, splitIssues, allocated, fees, valid };
  }, [rows, total, locale]);

  const onValidity = useRef(options.onValidityChange);
  onValidity.current = options.onValidityChange;
  useEffect(() => {
    onValidity.current?.(derived.valid);
  }, [derived.valid]);

  return {
    rows,
    ...derived,
    remaining: total - derived.allocated,
    actionIssue,
    updateRow,
    addRow,
    removeRow,
    splitEvenly,
    splitByPercent,
    splitRefund: splitRefundRows,
    canSplitRefund: mode === 'source' && (options.original?.length ?? 0) > 0,
  };
}
