import { type CounterpartyView, formatMoney, parseAmount } from '@mandarin-kit/core';
import { formatCardNumber } from '../cards/cardFormat.js';
import type { Locale } from '../i18n/defineMessages.js';

/** Exact minor units of a row's `signedAmount` (`-100.25` → `-10025n`), never through a float. */
export function signedMinor(signed: string): bigint {
  const minor = parseAmount(signed.slice(1));
  return signed.startsWith('-') ? -minor : minor;
}

/**
 * A signed amount for people in `locale`: `+13,00 ₽`, `−100,25 ₽` (`+₽13.00`, `−₽100.25`), core's money
 * formatting with a real minus sign so the sign is never read as a hyphen.
 */
export function formatSignedAmount(signed: string, locale: Locale): string {
  const minor = signedMinor(signed);
  const text = formatMoney(minor < 0n ? -minor : minor, { locale });
  return minor < 0n ? `\u2212${text}` : minor > 0n ? `+${text}` : text;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** When an operation happened, in the locale's words: `4 дек. 2026 г., 09:15`, `Dec 4, 2026, 9:15 AM`. */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  const key = `${locale}:${timeZone ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** Who is on the other side, for people: `4111 11•• •••• 1111`, or the bank and masked phone of an SBP transfer. */
export function counterpartyParts(
  counterparty: CounterpartyView | null,
  sbpLabel: string,
): { main: string; detail: string | null } | null {
  if (counterparty === null) return null;
  if (counterparty.type === 'card') {
    return { main: formatCardNumber(counterparty.cardMasked) ?? counterparty.cardMasked, detail: null };
  }
  return { main: counterparty.bankName ?? sbpLabel, detail: counterparty.phoneMasked };
}
