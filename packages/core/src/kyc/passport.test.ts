import { describe, expect, it } from 'vitest';
import { isValidIssueCode, isValidPassportNumber, isValidPassportSeries } from './passport.js';

describe('passport fields', () => {
  it('series is exactly 4 digits', () => {
    expect(isValidPassportSeries('1233')).toBe(true);
    for (const bad of ['123', '12345', '12 33', '12a3', '', ' 1233'])
      expect(isValidPassportSeries(bad)).toBe(false);
  });

  it('number is exactly 6 digits', () => {
    expect(isValidPassportNumber('123458')).toBe(true);
    for (const bad of ['12345', '1234567', '123 458', '12345x', ''])
      expect(isValidPassportNumber(bad)).toBe(false);
  });

  it('issue code is NNN-NNN', () => {
    expect(isValidIssueCode('404-004')).toBe(true);
    for (const bad of ['404004', '404 004', '40-4004', '404-0040', '404-00a', '']) {
      expect(isValidIssueCode(bad)).toBe(false);
    }
  });
});
