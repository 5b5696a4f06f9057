import { formatAmount, isWireAmount, parseAmount } from '@mandarin-kit/core';
import type { Locale } from '../i18n/defineMessages.js';

// English groups thousands with commas (`1,500.50`): a comma is taken as grouping only where it groups threes,
// so `1,5` is refused rather than read as fifteen.
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Reads an amount as people type it in `locale` into minor units; null when it isn't one. Russian: spaces (also
 * no-break ones) group, a comma (or a period) is the decimal separator — `1 500,50`. English: commas group
 * thousands, a period is the decimal separator — `1,500.50`. The rest is core's strict parse, never a float.
 */
export function parseAmountText(text: string, locale: Locale): bigint | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const wire =
    locale === 'en'
      ? EN_GROUPED.test(compact)
        ? compact.replace(/,/g, '')
        : compact
      : compact.replace(',', '.');
  return isWireAmount(wire) ? parseAmount(wire) : null;
}

/** Minor units as an editable amount: `1500,50` in Russian, `1500.50` in English, no grouping. */
export function amountToText(minor: bigint, locale: Locale): string {
  const wire = formatAmount(minor);
  return locale === 'ru' ? wire.replace('.', ',') : wire;
}

/**
 * Text typed as an amount in locale `from`, as it should read in locale `to`: unchanged when it means the same
 * there (`5000`), written again when it would be refused or read differently (`1 500,50` → `1500.50`, `1,5` →
 * `1.50`), and left as typed when it is not an amount at all.
 */
export function amountTextIn(text: string, from: Locale, to: Locale): string {
  const minor = parseAmountText(text, from);
  if (minor === null || parseAmountText(text, to) === minor) return text;
  return amountToText(minor, to);
}
