import { MoneyError } from './MoneyError.js';

// Digits without a leading zero, then optionally a period and one or two decimals. No sign, exponent,
// spaces or commas: anything the wire could mean two ways is refused rather than guessed.
const WIRE_AMOUNT = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

/** Integer digits accepted; far beyond any real payment, it keeps hostile inputs from growing BigInts. */
export const MAX_AMOUNT_DIGITS = 24;

/** The most kopecks a signed 64-bit integer holds: what the stores' BIGINT columns and Mandarin can take. */
export const MAX_MINOR_UNITS = 9_223_372_036_854_775_807n;

/**
 * False only for a well-formed wire amount past `MAX_MINOR_UNITS` (`"92233720368547758.08"` and up, or more
 * than `MAX_AMOUNT_DIGITS` integer digits); anything malformed is another check's to refuse.
 */
export function fitsMinorUnits(wire: string): boolean {
  const match = typeof wire === 'string' ? WIRE_AMOUNT.exec(wire) : null;
  if (match === null) return true;
  if (match[1]!.length > MAX_AMOUNT_DIGITS) return false;
  return parseAmount(wire) <= MAX_MINOR_UNITS;
}

/** True when `wire` is a well-formed wire amount such as `"5000.00"`, `"100"` or `"0.5"`. */
export function isWireAmount(wire: string): boolean {
  const match = WIRE_AMOUNT.exec(wire);
  return match !== null && match[1]!.length <= MAX_AMOUNT_DIGITS;
}

/**
 * Parses a wire amount (`"5000.00"`, `"100"`, `"0.5"`) into minor units (kopecks) without touching a float.
 * @throws MoneyError `INVALID_AMOUNT` for anything else (`"1,00"`, `"1e3"`, `"-1"`, `" 1"`, `"1."`, …).
 */
export function parseAmount(wire: string): bigint {
  if (typeof wire !== 'string') {
    throw new MoneyError('INVALID_AMOUNT', 'Amount must be a string such as "5000.00"');
  }
  const match = WIRE_AMOUNT.exec(wire);
  if (match === null) {
    throw new MoneyError(
      'INVALID_AMOUNT',
      `Invalid amount ${JSON.stringify(wire.slice(0, 40))}: expected digits with an optional period and up to two decimals, e.g. "5000.00"`,
    );
  }
  const whole = match[1]!;
  if (whole.length > MAX_AMOUNT_DIGITS) {
    throw new MoneyError('AMOUNT_TOO_LARGE', `Amount has more than ${MAX_AMOUNT_DIGITS} integer digits`);
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return BigInt(whole) * 100n + BigInt(fraction);
}
