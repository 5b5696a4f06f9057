import type { SubMerchantView } from '@mandarin-kit/core';

/** The first 8 characters of an account id, as the BFF's `shortId`: enough to tell accounts apart. */
export function shortAccountId(id: string): string {
  return id.slice(0, 8);
}

/**
 * How a sub-merchant account is named for people: the operator's label and the short id (`Цветы · 16f90c5e`),
 * `unnamed` and the short id for one without a label, and the short id alone for an account not linked here.
 */
export function accountLabel(
  id: string,
  linked: readonly SubMerchantView[] | undefined,
  unnamed: string,
): string {
  const lower = id.toLowerCase();
  const merchant = linked?.find((m) => m.id.toLowerCase() === lower);
  if (merchant === undefined) return shortAccountId(id);
  return `${merchant.label ?? unnamed} · ${merchant.shortId}`;
}
