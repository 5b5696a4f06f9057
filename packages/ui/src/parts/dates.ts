import type { Locale } from '../i18n/defineMessages.js';

/** How a date is written in each of the kit's locales. */
const FORMATS: Record<Locale, { separator: string; placeholder: string }> = {
  ru: { separator: '.', placeholder: 'ДД.ММ.ГГГГ' },
  en: { separator: '/', placeholder: 'DD/MM/YYYY' },
};

/** The placeholder of a date field in `locale`: `ДД.ММ.ГГГГ`, `DD/MM/YYYY`. */
export const datePlaceholder = (locale: Locale): string => FORMATS[locale].placeholder;

/** A mask for a date field in `locale`: day, month and year, the separators put in as the digits come. */
export function dateMask(locale: Locale): (value: string) => string {
  const { separator } = FORMATS[locale];
  return (value) => {
    const d = value.replace(/\D/g, '').slice(0, 8);
    let out = d.slice(0, 2);
    if (d.length > 2) out += separator + d.slice(2, 4);
    if (d.length > 4) out += separator + d.slice(4);
    return out;
  };
}

/** A typed date to the wire's `YYYY-MM-DD`; anything incomplete is kept as typed, for the schema to refuse. */
export function dateToIso(text: string): string {
  const match = /^(\d{2})\D(\d{2})\D(\d{4})$/.exec(text);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : text;
}

/** A wire date (`YYYY-MM-DD`) as the locale writes it; anything else unchanged. */
export function isoToDate(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const { separator } = FORMATS[locale];
  return match ? [match[3], match[2], match[1]].join(separator) : iso;
}
