import { KycError } from './KycError.js';

const ALLOWED = /^\+?[\d\s()-]+$/;
// The first digit of a Russian national number: 3xx/4xx/8xx area codes, 9xx mobiles.
// +7 6xx/7xx is Kazakhstan, and 0, 1, 2, 5 are not assigned.
const RUSSIAN_NATIONAL_NUMBER = /^[3489]\d{9}$/;

/** Why a string is not a Russian phone number. */
export type PhoneProblem = 'characters' | 'foreign' | 'trunk' | 'length' | 'national';

// For API callers and logs; a form words the problem itself, so a browser bundle never carries these.
const PHONE_PROBLEMS: Record<PhoneProblem, string> = {
  characters: 'A phone may contain only digits, spaces, hyphens, brackets and a leading +',
  foreign: 'Only Russian numbers (+7) are accepted',
  trunk: 'An 11-digit number must start with 7 or 8',
  length: 'A Russian phone number has 10 digits after +7',
  national: 'Not a Russian phone number',
};

/**
 * Reads a Russian phone number as 11 digits starting with 7, as normalizePhone does, but answers with the
 * problem instead of throwing: `{ phone: '79017636353' }` or `{ problem: 'foreign' }`.
 */
export function parsePhone(s: string): { phone: string } | { problem: PhoneProblem } {
  const input = s.trim();
  if (!ALLOWED.test(input)) return { problem: 'characters' };
  const digits = input.replace(/\D/g, '');
  let national: string;
  if (input.startsWith('+')) {
    // With a +, 8 is not a trunk prefix but the start of another country's code.
    if (digits.length !== 11 || !digits.startsWith('7')) return { problem: 'foreign' };
    national = digits.slice(1);
  } else if (digits.length === 11) {
    if (!digits.startsWith('7') && !digits.startsWith('8')) return { problem: 'trunk' };
    national = digits.slice(1);
  } else if (digits.length === 10) {
    national = digits;
  } else {
    return { problem: 'length' };
  }
  if (!RUSSIAN_NATIONAL_NUMBER.test(national)) return { problem: 'national' };
  return { phone: `7${national}` };
}

/**
 * Normalises a Russian phone number to 11 digits starting with 7: `+7 (901) 763-63-53`, `8 901 763 63 53`,
 * `79017636353` and `9017636353` all give `79017636353`. Throws KycError `INVALID_PHONE` otherwise.
 */
export function normalizePhone(s: string): string {
  const parsed = parsePhone(s);
  if ('problem' in parsed) throw new KycError('INVALID_PHONE', PHONE_PROBLEMS[parsed.problem]);
  return parsed.phone;
}

/**
 * Shows a phone without revealing it: `79017636353` → `+7 *** ***-**-53`. Never throws, so that it is safe in
 * logs; anything that is not a Russian number keeps at most its last two digits.
 */
export function maskPhone(s: string): string {
  const parsed = parsePhone(s);
  if ('phone' in parsed) return `+7 *** ***-**-${parsed.phone.slice(-2)}`;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 6 ? `***${digits.slice(-2)}` : '***';
}
