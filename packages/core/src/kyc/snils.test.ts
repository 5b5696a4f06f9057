import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KycError } from './KycError.js';
import { formatSnils, isValidSnils } from './snils.js';

// Reference implementation written from the rule, independently of snils.ts.
function checkNumberFor(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (9 - i);
  while (sum > 101) sum %= 101;
  const check = sum === 100 || sum === 101 ? 0 : sum;
  return String(check).padStart(2, '0');
}

const nineDigitsAboveThreshold = fc
  .integer({ min: 1_001_999, max: 999_999_999 })
  .map((n) => String(n).padStart(9, '0'));

describe('isValidSnils', () => {
  it('accepts the well-known valid example in both spellings', () => {
    expect(isValidSnils('112-233-445 95')).toBe(true);
    expect(isValidSnils('11223344595')).toBe(true);
  });

  it('rejects the seed placeholder 140-120-150 35', () => {
    expect(isValidSnils('140-120-150 35')).toBe(false);
    expect(isValidSnils('14012015035')).toBe(false);
  });

  it('applies the check number rule at each boundary', () => {
    const cases: Array<[snils: string, weightedSum: number]> = [
      ['100-582-052 99', 99], // below 100: the sum itself
      ['900-000-180 00', 100], // 100 → 00
      ['900-000-181 00', 101], // 101 → 00
      ['136-571-200 49', 150], // 150 mod 101 = 49
      ['820-981-233 00', 201], // 201 mod 101 = 100 → 00
      ['913-702-858 00', 202], // 202 mod 101 = 0
      ['999-999-999 01', 405], // 405 mod 101 = 1
    ];
    for (const [snils, sum] of cases) {
      const digits = snils.replace(/\D/g, '');
      expect([...digits.slice(0, 9)].reduce((acc, c, i) => acc + Number(c) * (9 - i), 0)).toBe(sum);
      expect(isValidSnils(snils), snils).toBe(true);
      const wrong = `${snils.slice(0, 12)}${String((Number(snils.slice(12)) + 1) % 100).padStart(2, '0')}`;
      expect(isValidSnils(wrong), wrong).toBe(false);
    }
  });

  it('agrees with the reference implementation', () => {
    fc.assert(
      fc.property(nineDigitsAboveThreshold, (nine) => {
        const good = `${nine}${checkNumberFor(nine)}`;
        const badCheck = String((Number(checkNumberFor(nine)) + 1) % 100).padStart(2, '0');
        return isValidSnils(good) && isValidSnils(formatSnils(good)) && !isValidSnils(`${nine}${badCheck}`);
      }),
    );
  });

  it('does not check numbers up to 001-001-998, which were issued without a checksum', () => {
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('001-001-998 77')).toBe(true);
    expect(isValidSnils('000-000-001 99')).toBe(true);
    expect(isValidSnils(`001001999${checkNumberFor('001001999')}`)).toBe(true);
    expect(isValidSnils('001-001-999 00')).toBe(checkNumberFor('001001999') === '00');
  });

  it('rejects other spellings and lengths', () => {
    expect(isValidSnils('112-233-445-95')).toBe(false);
    expect(isValidSnils('112 233 445 95')).toBe(false);
    expect(isValidSnils('112-233-44595')).toBe(false);
    expect(isValidSnils('1122334459')).toBe(false);
    expect(isValidSnils('112233445951')).toBe(false);
    expect(isValidSnils(' 11223344595')).toBe(false);
    expect(isValidSnils('')).toBe(false);
  });
});

describe('formatSnils', () => {
  it('formats 11 digits and leaves a formatted SNILS as it is', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(formatSnils('112-233-445 95')).toBe('112-233-445 95');
  });

  it('throws INVALID_SNILS for anything else', () => {
    expect(() => formatSnils('1122334459')).toThrow(KycError);
    try {
      formatSnils('abc');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KycError);
      expect((error as KycError).code).toBe('INVALID_SNILS');
    }
  });
});
