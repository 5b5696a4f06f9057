import { MoneyError } from './MoneyError.js';

/**
 * Splits `total` minor units in proportion to `weights` by the largest-remainder method.
 *
 * The parts always add up to `total` exactly, each differs from its exact share by less than one minor unit,
 * and a zero weight always gets zero. Ties in the remainder go to the earlier weight, so the result is stable.
 * @throws MoneyError `INVALID_WEIGHTS` for an empty list, a negative weight or all weights zero.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new MoneyError('INVALID_WEIGHTS', 'allocate needs at least one weight');
  let weightSum = 0n;
  for (const weight of weights) {
    if (weight < 0n) throw new MoneyError('INVALID_WEIGHTS', 'allocate weights must not be negative');
    weightSum += weight;
  }
  if (weightSum === 0n) throw new MoneyError('INVALID_WEIGHTS', 'allocate weights must not all be zero');

  const negative = total < 0n;
  const amount = negative ? -total : total;
  const parts = weights.map((weight) => (amount * weight) / weightSum);
  const remainders = weights.map((weight) => (amount * weight) % weightSum);
  let left = amount - parts.reduce((sum, part) => sum + part, 0n);

  // `left` is below the count of non-zero remainders, so only positive weights ever receive a unit.
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .filter((entry) => entry.remainder > 0n)
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return negative ? parts.map((part) => -part) : parts;
}
