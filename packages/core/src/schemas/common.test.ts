import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyObjectSchema, positiveWireAmountSchema, wireAmountSchema } from './common.js';

describe('wireAmountSchema', () => {
  it.each(['5000.00', '100', '1', '0', '0.5', '0.05', '10.1', '123456789012345.99'])('accepts %j', (v) => {
    expect(wireAmountSchema.safeParse(v).success).toBe(true);
  });

  it.each([
    '1,00',
    '1.000',
    '1.',
    '.5',
    '-1.00',
    '+1.00',
    '01.00',
    '00',
    '1e3',
    ' 1.00',
    '1.00 ',
    '1 000.00',
    '',
    'NaN',
    '١٠٠',
  ])('rejects %j', (v) => {
    expect(wireAmountSchema.safeParse(v).success).toBe(false);
  });

  it('rejects numbers: amounts never travel as floats', () => {
    expect(wireAmountSchema.safeParse(5000).success).toBe(false);
  });

  it('accepts every whole number of kopecks written with two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (kopecks) => {
        const wire = `${kopecks / 100n}.${String(kopecks % 100n).padStart(2, '0')}`;
        return wireAmountSchema.safeParse(wire).success;
      }),
    );
  });
});

describe('positiveWireAmountSchema', () => {
  it('rejects zero however it is written', () => {
    for (const zero of ['0', '0.0', '0.00'])
      expect(positiveWireAmountSchema.safeParse(zero).success).toBe(false);
    for (const ok of ['0.01', '1', '10.00'])
      expect(positiveWireAmountSchema.safeParse(ok).success).toBe(true);
  });
});

describe('moneyObjectSchema', () => {
  it('takes RUB only and no extra keys', () => {
    expect(moneyObjectSchema.safeParse({ value: '50.00', currency: 'RUB' }).success).toBe(true);
    expect(moneyObjectSchema.safeParse({ value: '50.00', currency: 'USD' }).success).toBe(false);
    expect(moneyObjectSchema.safeParse({ value: '50.00' }).success).toBe(false);
    expect(moneyObjectSchema.safeParse({ value: '50.00', currency: 'RUB', minor: 5000 }).success).toBe(false);
  });
});
