import { describe, expect, it } from 'vitest';
import { amountToText, parseAmountText } from './amountText.js';

describe('parseAmountText', () => {
  it("reads Russian amounts with the locale's grouping and decimal comma", () => {
    expect(parseAmountText('1 500,50', 'ru')).toBe(150050n);
    expect(parseAmountText('1\u00a0500,50', 'ru')).toBe(150050n);
    expect(parseAmountText('1\u202f500,5', 'ru')).toBe(150050n);
    expect(parseAmountText('1500.50', 'ru')).toBe(150050n);
    expect(parseAmountText('1,5,0', 'ru')).toBeNull();
  });

  it("reads English amounts with comma grouping, and refuses a comma that doesn't group thousands", () => {
    expect(parseAmountText('1,500.50', 'en')).toBe(150050n);
    expect(parseAmountText('1,234,567.89', 'en')).toBe(123456789n);
    expect(parseAmountText('1500', 'en')).toBe(150000n);
    expect(parseAmountText('1,5', 'en')).toBeNull();
    expect(parseAmountText('1,50.00', 'en')).toBeNull();
    expect(parseAmountText('1500,50', 'en')).toBeNull();
  });

  it('is exact beyond float precision', () => {
    expect(parseAmountText('90 071 992 547 409,93', 'ru')).toBe(9007199254740993n);
    expect(parseAmountText('90,071,992,547,409.93', 'en')).toBe(9007199254740993n);
  });

  it('writes an editable amount in the locale', () => {
    expect(amountToText(150050n, 'ru')).toBe('1500,50');
    expect(amountToText(150050n, 'en')).toBe('1500.50');
  });
});
