/** Input masks of the KYC form: each takes what the user typed or pasted and returns what the field shows. */

const digits = (value: string, max: number) => value.replace(/\D/g, '').slice(0, max);

/**
 * Formats a phone as it is typed: `+7 (901) 763-63-53`; a leading 8 or 7 (trunk or country code) is dropped,
 * as is a pasted `+7`. (Core's `maskPhone` is another thing: it hides digits for display.)
 */
export function formatPhoneInput(value: string): string {
  const plus = value.trim().startsWith('+');
  let d = value.replace(/\D/g, '');
  if (plus) d = d.slice(1);
  if (d.length > 10 && /^[78]/.test(d)) d = d.slice(1);
  d = d.slice(0, 10);
  if (d === '') return '';
  let out = `+7 (${d.slice(0, 3)}`;
  if (d.length > 3) out += `) ${d.slice(3, 6)}`;
  if (d.length > 6) out += `-${d.slice(6, 8)}`;
  if (d.length > 8) out += `-${d.slice(8, 10)}`;
  return out;
}

/** `112-233-445 95`. */
export function maskSnils(value: string): string {
  const d = digits(value, 11);
  let out = d.slice(0, 3);
  if (d.length > 3) out += `-${d.slice(3, 6)}`;
  if (d.length > 6) out += `-${d.slice(6, 9)}`;
  if (d.length > 9) out += ` ${d.slice(9, 11)}`;
  return out;
}

/** Issuing department code `404-004`. */
export function maskIssueCode(value: string): string {
  const d = digits(value, 6);
  return d.length > 3 ? `${d.slice(0, 3)}-${d.slice(3)}` : d;
}

/** Passport series: 4 digits. */
export const maskPassportSeries = (value: string): string => digits(value, 4);
/** Passport number: 6 digits. */
export const maskPassportNumber = (value: string): string => digits(value, 6);
/** Individual's INN: 12 digits. */
export const maskInn = (value: string): string => digits(value, 12);
/** Two-letter country code, upper case. */
export const maskCountry = (value: string): string =>
  value
    .replace(/[^a-z]/gi, '')
    .slice(0, 2)
    .toUpperCase();
