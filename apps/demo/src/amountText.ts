import { formatAmount, isWireAmount, parseAmount } from '@mandarin-kit/core';
import type { Locale } from '@mandarin-kit/ui';

// English groups thousands with commas (`1,500.50`): a comma counts as grouping only where it groups threes.
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * An amount as people type it in `locale` (`1 500,50`, `1,500.50`) in minor units, or null when it is not one;
 * core's strict parse does the rest, never a float. (The kit's own amount fields read the same way.)
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

/** Minor units as an editable amount: `1500,50` in Russian, `1500.50` in English. */
export function amountToText(minor: bigint, locale: Locale): string {
  const wire = formatAmount(minor);
  return locale === 'ru' ? wire.replace('.', ',') : wire;
}
