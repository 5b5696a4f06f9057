import { describe, expect, it } from 'vitest';
import { formatMoney } from './formatMoney.js';

// Intl separates groups and the currency with no-break spaces; people read them as spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('renders Russian by default', () => {
    expect(plain(formatMoney(500000n))).toBe('5 000,00 ₽');
    expect(plain(formatMoney(1500075n))).toBe('15 000,75 ₽');
    expect(plain(formatMoney(5n))).toBe('0,05 ₽');
  });

  it('keeps words together with no-break spaces so a price never wraps mid-number', () => {
    expect(formatMoney(500000n)).not.toContain(' ');
  });

  it('renders English on request', () => {
    expect(formatMoney(500000n, { locale: 'en' })).toBe('₽5,000.00');
  });

  it('stays exact beyond 2^53 kopecks, where a float would round', () => {
    const huge = 2n ** 60n + 1n; // 1152921504606846977 kopecks
    expect(plain(formatMoney(huge))).toBe('11 529 215 046 068 469,77 ₽');
  });

  it('shows the sign of a negative amount, even below one rouble', () => {
    expect(plain(formatMoney(-50n))).toBe('-0,50 ₽');
    expect(formatMoney(-123456n, { locale: 'en' })).toBe('-₽1,234.56');
  });
});
