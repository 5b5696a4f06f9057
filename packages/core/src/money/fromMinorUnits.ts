import { MoneyError } from './MoneyError.js';

/**
 * Accepts an integer count of minor units, as the ESP balance sends it (`1500075` = 15 000.75 RUB).
 * @throws MoneyError for fractions, NaN, infinities and numbers past 2^53 that JSON may have rounded.
 */
export function fromMinorUnits(n: number | bigint): bigint {
  if (typeof n === 'bigint') return n;
  if (typeof n !== 'number' || !Number.isFinite(n) || !Number.isInteger(n)) {
    throw new MoneyError('NOT_AN_INTEGER', `Minor units must be an integer, got ${String(n)}`);
  }
  if (!Number.isSafeInteger(n)) {
    throw new MoneyError('UNSAFE_INTEGER', `Minor units ${n} are beyond 2^53 and may have lost precision`);
  }
  return BigInt(n);
}
