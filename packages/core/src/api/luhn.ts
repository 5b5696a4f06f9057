// Kept apart from the body schemas (and free of zod) so that a browser script can bundle it alone: the
// emulator's hosted card fields check card numbers with it.

/** A card number passes the Luhn check (13 to 19 digits). */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
