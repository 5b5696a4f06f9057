const FIRST_CHECK_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const SECOND_CHECK_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

/**
 * True for a 12-digit individual's INN whose two check digits are right.
 * A 10-digit INN belongs to a company and is rejected: an ESP is opened for a person.
 */
export function isValidInn(s: string): boolean {
  if (!/^\d{12}$/.test(s)) return false;
  const digits = Array.from(s, Number);
  return (
    checkDigit(digits, FIRST_CHECK_WEIGHTS) === digits[10] &&
    checkDigit(digits, SECOND_CHECK_WEIGHTS) === digits[11]
  );
}
