import { describe, expect, it } from 'vitest';
import { fromMinorUnits } from './fromMinorUnits.js';

describe('fromMinorUnits', () => {
  it('takes the ESP balance integer as kopecks', () => {
    expect(fromMinorUnits(1500075)).toBe(1500075n);
    expect(fromMinorUnits(0)).toBe(0n);
    expect(fromMinorUnits(12n)).toBe(12n);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53)])('refuses %s', (n) => {
    expect(() => fromMinorUnits(n)).toThrowError(expect.objectContaining({ name: 'MoneyError' }));
  });
});
