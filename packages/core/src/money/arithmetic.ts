/** Adds amounts in minor units; an empty list sums to zero. */
export function sumAmounts(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/** Orders two amounts: -1, 0 or 1, for `Array.prototype.sort`. */
export function compareAmounts(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The smaller of two amounts. */
export function minAmount(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
