import { isIsoDate } from './isoDate.js';
import { KycError } from './KycError.js';

/**
 * Whole years between two `YYYY-MM-DD` dates. Someone born on 29 February becomes a year older on 1 March
 * in non-leap years. Throws KycError `INVALID_DATE` for a malformed date or a `today` before the birth date.
 */
export function ageOn(birthDate: string, today: string): number {
  if (!isIsoDate(birthDate)) throw new KycError('INVALID_DATE', `Not a date: ${birthDate}`);
  if (!isIsoDate(today)) throw new KycError('INVALID_DATE', `Not a date: ${today}`);
  // Zero-padded ISO dates compare correctly as strings.
  if (today < birthDate) throw new KycError('INVALID_DATE', 'The birth date is after today');
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const hadBirthdayThisYear = today.slice(5) >= birthDate.slice(5);
  return hadBirthdayThisYear ? years : years - 1;
}
