import { KycError } from './KycError.js';

const FORMATTED = /^(\d{3})-(\d{3})-(\d{3}) (\d{2})$/;
const PLAIN = /^\d{11}$/;
// Numbers up to 001-001-998 were issued before check digits existed.
const LAST_NUMBER_WITHOUT_CHECKSUM = 1_001_998;

function snilsDigits(s: string): string | null {
  if (PLAIN.test(s)) return s;
  const m = FORMATTED.exec(s);
  return m ? `${m[1]}${m[2]}${m[3]}${m[4]}` : null;
}

function snilsCheckNumber(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (9 - i);
  // 100 and 101 both give 00; above 101 the sum is taken mod 101 and the same rule applies again.
  const reduced = sum > 101 ? sum % 101 : sum;
  return reduced === 100 || reduced === 101 ? 0 : reduced;
}

/** True for a SNILS written as `NNN-NNN-NNN NN` or as 11 plain digits, with a correct check number. */
export function isValidSnils(s: string): boolean {
  const digits = snilsDigits(s);
  if (digits === null) return false;
  const number = digits.slice(0, 9);
  if (Number(number) <= LAST_NUMBER_WITHOUT_CHECKSUM) return true;
  return snilsCheckNumber(number) === Number(digits.slice(9));
}

/** Formats 11 SNILS digits (or an already formatted SNILS) as `NNN-NNN-NNN NN`; the checksum is not checked. */
export function formatSnils(digits: string): string {
  const plain = snilsDigits(digits);
  if (plain === null) throw new KycError('INVALID_SNILS', 'SNILS must be 11 digits');
  return `${plain.slice(0, 3)}-${plain.slice(3, 6)}-${plain.slice(6, 9)} ${plain.slice(9)}`;
}
