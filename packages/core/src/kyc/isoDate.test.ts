import { describe, expect, it } from 'vitest';
import { daysInMonth, isIsoDate, localIsoDate } from './isoDate.js';

describe('isIsoDate', () => {
  it('accepts real calendar days', () => {
    for (const ok of ['1993-12-22', '2000-02-29', '2024-02-29', '0001-01-01', '9999-12-31']) {
      expect(isIsoDate(ok), ok).toBe(true);
    }
  });

  it('rejects days that do not exist and other formats', () => {
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '0000-01-01',
      '2024-1-01',
      '24-01-01',
      '2024/01/01',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('knows the Gregorian leap years', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 11)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });
});

describe('localIsoDate', () => {
  it('writes the local calendar day, zero padded', () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localIsoDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});
