import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from './age.js';
import { KycError } from './KycError.js';

describe('ageOn', () => {
  it('counts whole years, turning older on the birthday itself', () => {
    expect(ageOn('2000-06-15', '2018-06-14')).toBe(17);
    expect(ageOn('2000-06-15', '2018-06-15')).toBe(18);
    expect(ageOn('2000-06-15', '2018-12-31')).toBe(18);
    expect(ageOn('2000-06-15', '2000-06-15')).toBe(0);
    expect(ageOn('1993-12-22', '2026-03-16')).toBe(32);
  });

  it('makes someone born on 29 February older on 1 March in a non-leap year', () => {
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('throws INVALID_DATE for malformed dates and for today before the birth date', () => {
    for (const [birth, today] of [
      ['2000-02-30', '2020-01-01'],
      ['2000-01-01', '2020-13-01'],
      ['2020-01-02', '2020-01-01'],
    ] as const) {
      try {
        ageOn(birth, today);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(KycError);
        expect((error as KycError).code).toBe('INVALID_DATE');
      }
    }
  });

  it('agrees with counting anniversaries on Date objects', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, today] = a <= b ? [a, b] : [b, a];
        let years = 0;
        // Reference: step year by year while the next anniversary (29 Feb → 1 Mar) is not after today.
        for (;;) {
          const next = new Date(`${birth}T00:00:00Z`);
          next.setUTCFullYear(next.getUTCFullYear() + years + 1);
          if (next.toISOString().slice(0, 10) > today) break;
          years++;
        }
        return ageOn(birth, today) === years;
      }),
    );
  });
});
