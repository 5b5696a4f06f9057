import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KycError } from './KycError.js';
import { maskPhone, normalizePhone, parsePhone } from './phone.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof KycError ? error.code : 'not a KycError';
  }
  return undefined;
}

describe('normalizePhone', () => {
  it.each([
    '+7 (901) 763-63-53',
    '+79017636353',
    '8 901 763 63 53',
    '8 (901) 763-63-53',
    '79017636353',
    '89017636353',
    '9017636353',
    '(901) 763-63-53',
    '  +7 901 763-63-53  ',
  ])('normalises %j to 79017636353', (input) => {
    expect(normalizePhone(input)).toBe('79017636353');
  });

  it('keeps Moscow landlines and toll-free numbers', () => {
    expect(normalizePhone('+7 495 123-45-67')).toBe('74951234567');
    expect(normalizePhone('8 800 555-35-35')).toBe('78005553535');
  });

  it.each([
    ['letters', '+7 901 ABC-63-53'],
    ['too short', '+7 901 763-63-5'],
    ['too long', '+7 901 763-63-533'],
    ['11 digits not starting with 7 or 8', '19017636353'],
    ['a foreign country code', '+380 44 123 4567'],
    ['+8 is not a trunk prefix', '+8 901 763-63-53'],
    ['Kazakhstan shares +7', '+7 701 123-45-67'],
    ['unassigned first digit', '+7 201 123-45-67'],
    ['empty', ''],
    ['a plus in the middle', '7+9017636353'],
    ['a dot separator', '+7.901.763.63.53'],
    ['international dialling prefix', '8 10 7 901 763 63 53'],
  ])('throws INVALID_PHONE for %s', (_, input) => {
    expect(codeOf(() => normalizePhone(input))).toBe('INVALID_PHONE');
  });

  it('is idempotent and always gives 11 digits starting with 7', () => {
    const national = fc
      .tuple(
        fc.constantFrom('3', '4', '8', '9'),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
      )
      .map(([first, rest]) => `${first}${rest}`);
    fc.assert(
      fc.property(national, fc.constantFrom('+7', '8', '7', ''), (n, prefix) => {
        const normalised = normalizePhone(`${prefix}${n}`);
        return (
          /^7\d{10}$/.test(normalised) && normalised === `7${n}` && normalizePhone(normalised) === normalised
        );
      }),
    );
  });
});

describe('parsePhone', () => {
  it.each([
    ['+7 901 ABC-63-53', 'characters', 'only digits'],
    ['+380 44 123 4567', 'foreign', 'Only Russian numbers'],
    ['19017636353', 'trunk', 'must start with 7 or 8'],
    ['+7 901 763-63-5', 'foreign', 'Only Russian numbers'],
    ['901 763-63-5', 'length', '10 digits after +7'],
    ['+7 701 123-45-67', 'national', 'Not a Russian phone number'],
  ])('names the problem with %j, the one normalizePhone words for API callers', (input, problem, words) => {
    expect(parsePhone(input)).toEqual({ problem });
    expect(() => normalizePhone(input)).toThrow(words);
  });

  it('reads what normalizePhone reads, to the same digits', () => {
    expect(parsePhone(' 8 (901) 763-63-53 ')).toEqual({ phone: '79017636353' });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'+0123456789 ()-') }), (s) => {
        const parsed = parsePhone(s);
        if ('phone' in parsed) return normalizePhone(s) === parsed.phone;
        return codeOf(() => normalizePhone(s)) === 'INVALID_PHONE';
      }),
    );
  });
});

describe('maskPhone', () => {
  it('hides all but the last two digits', () => {
    expect(maskPhone('79017636353')).toBe('+7 *** ***-**-53');
    expect(maskPhone('+7 (901) 763-63-53')).toBe('+7 *** ***-**-53');
  });

  it('never throws and never reveals more than two digits of something it cannot read', () => {
    expect(maskPhone('+7926087626')).toBe('***26');
    expect(maskPhone('12')).toBe('***');
    expect(maskPhone('not a phone')).toBe('***');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const masked = maskPhone(s);
        return masked.replace(/\D/g, '').replace(/^7/, '').length <= 2;
      }),
    );
  });
});
