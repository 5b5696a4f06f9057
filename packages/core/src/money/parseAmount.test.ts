import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount } from './formatAmount.js';
import { MoneyError } from './MoneyError.js';
import { fitsMinorUnits, isWireAmount, MAX_MINOR_UNITS, parseAmount } from './parseAmount.js';

describe('parseAmount', () => {
  it.each([
    ['5000.00', 500000n],
    ['100', 10000n],
    ['0.5', 50n],
    ['0.05', 5n],
    ['10.1', 1010n],
    ['0', 0n],
    ['123456789012345678.99', 12345678901234567899n],
  ])('reads %j as %s kopecks', (wire, minor) => {
    expect(parseAmount(wire)).toBe(minor);
  });

  it.each([
    '',
    '1,00',
    '1e3',
    '-1',
    '+1',
    ' 1',
    '1 ',
    '1.001',
    '.',
    '1.',
    '.5',
    'NaN',
    'Infinity',
    '0x10',
    '1_000',
    '１',
    '1.5.0',
    '007',
    '00.50',
  ])('refuses %j with INVALID_AMOUNT', (wire) => {
    expect(() => parseAmount(wire)).toThrowError(MoneyError);
    try {
      parseAmount(wire);
    } catch (error) {
      expect((error as MoneyError).code).toBe('INVALID_AMOUNT');
    }
    expect(isWireAmount(wire)).toBe(false);
  });

  it('refuses absurdly long amounts instead of building huge numbers', () => {
    expect(() => parseAmount('9'.repeat(25))).toThrowError(
      expect.objectContaining({ code: 'AMOUNT_TOO_LARGE' }),
    );
  });

  it('refuses non-strings handed over from untyped JSON', () => {
    expect(() => parseAmount(5000 as unknown as string)).toThrowError(MoneyError);
  });
});

describe('formatAmount', () => {
  it('always writes two decimals with a period', () => {
    expect(formatAmount(500000n)).toBe('5000.00');
    expect(formatAmount(5n)).toBe('0.05');
    expect(formatAmount(0n)).toBe('0.00');
    expect(formatAmount(-1234n)).toBe('-12.34');
  });

  it('round-trips every wire amount through parseAmount', () => {
    const wire = fc
      .tuple(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
      )
      .map(([whole, fraction]) => (fraction === undefined ? `${whole}` : `${whole}.${fraction}`));
    fc.assert(
      fc.property(wire, (text) => {
        const minor = parseAmount(text);
        expect(parseAmount(formatAmount(minor))).toBe(minor);
        const [whole, fraction = ''] = text.split('.');
        expect(formatAmount(minor)).toBe(`${BigInt(whole!)}.${fraction.padEnd(2, '0')}`);
      }),
    );
  });

  it('parses what it formats for any non-negative amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 22n }),
        (minor) => parseAmount(formatAmount(minor)) === minor,
      ),
    );
  });
});

describe('fitsMinorUnits', () => {
  it('takes every amount a signed 64-bit count of kopecks holds, and nothing past it', () => {
    expect(fitsMinorUnits('92233720368547758.07')).toBe(true);
    expect(fitsMinorUnits('92233720368547758.08')).toBe(false);
    expect(fitsMinorUnits('92233720368547759')).toBe(false);
    expect(fitsMinorUnits('9'.repeat(25))).toBe(false);
    expect(parseAmount('92233720368547758.07')).toBe(MAX_MINOR_UNITS);
  });

  it('leaves malformed amounts to the format check', () => {
    expect(fitsMinorUnits('1,00')).toBe(true);
    expect(fitsMinorUnits('-1')).toBe(true);
  });
});
