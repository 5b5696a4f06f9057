import { formatAmount, isWireAmount, parseAmount } from '@mandarin-kit/core';
import type { Locale } from '../i18n/defineMessages.js';

/**
 * Reads an amount as people type it (`1 500,50`, `1500.5`, `1500`) into minor units; null when it isn't one.
 * Spaces (also no-break ones) are grouping, a comma is the decimal separator; the rest is core's strict parse.
 */
export function parseAmountText(text: string): bigint | null {
  const wire = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return isWireAmount(wire) ? parseAmount(wire) : null;
}

/** Minor units as an editable amount: `1500,50` in Russian, `1500.50` in English, no grouping. */
export function amountToText(minor: bigint, locale: Locale): string {
  const wire = formatAmount(minor);
  return locale === 'ru' ? wire.replace('.', ',') : wire;
}
