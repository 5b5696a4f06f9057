import { KycError } from './KycError.js';

const ALLOWED = /^\+?[\d\s()-]+$/;
// The first digit of a Russian national number: 3xx/4xx/8xx area codes, 9xx mobiles.
// +7 6xx/7xx is Kazakhstan, and 0, 1, 2, 5 are not assigned.
const RUSSIAN_NATIONAL_NUMBER = /^[3489]\d{9}$/;

function invalid(message: string): KycError {
  return new KycError('INVALID_PHONE', message);
}

/**
 * Normalises a Russian phone number to 11 digits starting with 7: `+7 (901) 763-63-53`, `8 901 763 63 53`,
 * `79017636353` and `9017636353` all give `79017636353`. Throws KycError `INVALID_PHONE` otherwise.
 */
export function normalizePhone(s: string): string {
  const input = s.trim();
  if (!ALLOWED.test(input))
    throw invalid('A phone may contain only digits, spaces, hyphens, brackets and a leading +');
  const digits = input.replace(/\D/g, '');
  let national: string;
  if (input.startsWith('+')) {
    // With a +, 8 is not a trunk prefix but the start of another country's code.
    if (digits.length !== 11 || !digits.startsWith('7'))
      throw invalid('Only Russian numbers (+7) are accepted');
    national = digits.slice(1);
  } else if (digits.length === 11) {
    if (!digits.startsWith('7') && !digits.startsWith('8'))
      throw invalid('An 11-digit number must start with 7 or 8');
    national = digits.slice(1);
  } else if (digits.length === 10) {
    national = digits;
  } else {
    throw invalid('A Russian phone number has 10 digits after +7');
  }
  if (!RUSSIAN_NATIONAL_NUMBER.test(national)) throw invalid('Not a Russian phone number');
  return `7${national}`;
}

/**
 * Shows a phone without revealing it: `79017636353` → `+7 *** ***-**-53`. Never throws, so that it is safe in
 * logs; anything that is not a Russian number keeps at most its last two digits.
 */
export function maskPhone(s: string): string {
  try {
    return `+7 *** ***-**-${normalizePhone(s).slice(-2)}`;
  } catch {
    const digits = s.replace(/\D/g, '');
    return digits.length >= 6 ? `***${digits.slice(-2)}` : '***';
  }
}
