import type { Currency } from './currency.js';

/** Display options for {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** `ru` (default) renders `5 000,00 ₽`, `en` renders `₽5,000.00`. */
  locale?: 'ru' | 'en';
  currency?: Currency;
}

const LOCALES = { ru: 'ru-RU', en: 'en-US' } as const;

interface Layout {
  /** Formats whole units with this locale's digit grouping. */
  whole: Intl.NumberFormat;
  /** Where this locale puts sign, currency and decimal separator, split around the number. */
  positive: [before: string, decimal: string, after: string];
  negative: [before: string, decimal: string, after: string];
}

const layouts = new Map<string, Layout>();

function splitTemplate(parts: Intl.NumberFormatPart[]): [string, string, string] {
  const first = parts.findIndex((p) => p.type === 'integer');
  const fraction = parts.findIndex((p) => p.type === 'fraction');
  const text = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((p) => p.value)
      .join('');
  return [text(0, first), parts[fraction - 1]?.value ?? '.', text(fraction + 1, parts.length)];
}

function layoutFor(locale: 'ru' | 'en', currency: Currency): Layout {
  const key = `${locale}:${currency}`;
  let layout = layouts.get(key);
  if (layout === undefined) {
    const tag = LOCALES[locale];
    const template = new Intl.NumberFormat(tag, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    layout = {
      whole: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
      positive: splitTemplate(template.formatToParts(1n)),
      negative: splitTemplate(template.formatToParts(-1n)),
    };
    layouts.set(key, layout);
  }
  return layout;
}

/**
 * Formats minor units for people with `Intl.NumberFormat` (`ru`: `5 000,00 ₽`), exact at any size.
 *
 * Intl is given only whole units as a BigInt (exact beyond 2^53); the kopecks are written in by hand,
 * so no amount ever passes through a float.
 */
export function formatMoney(minor: bigint, options: FormatMoneyOptions = {}): string {
  const layout = layoutFor(options.locale ?? 'ru', options.currency ?? 'RUB');
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const [before, decimal, after] = negative ? layout.negative : layout.positive;
  const kopecks = (abs % 100n).toString().padStart(2, '0');
  return `${before}${layout.whole.format(abs / 100n)}${decimal}${kopecks}${after}`;
}
