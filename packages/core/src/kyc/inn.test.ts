import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidInn } from './inn.js';

// An independent reference: weights written out per position, reduction spelled out.
function innWithCheckDigits(first10: string): string {
  const d = first10.split('').map((c) => c.charCodeAt(0) - 48);
  const w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const s1 = w1.reduce((acc, w, i) => acc + w * (d[i] as number), 0);
  const c11 = s1 % 11 === 10 ? 0 : s1 % 11;
  const w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const d11 = [...d, c11];
  const s2 = w2.reduce((acc, w, i) => acc + w * (d11[i] as number), 0);
  const c12 = s2 % 11 === 10 ? 0 : s2 % 11;
  return `${first10}${c11}${c12}`;
}

const tenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 });

describe('isValidInn', () => {
  it('rejects the seed placeholder 777777777777', () => {
    expect(isValidInn('777777777777')).toBe(false);
  });

  it('accepts INNs whose check digits are computed independently', () => {
    // Published examples, checked by hand against the reference.
    for (const known of ['500100732259', '526317984689']) {
      expect(innWithCheckDigits(known.slice(0, 10))).toBe(known);
      expect(isValidInn(known)).toBe(true);
    }
    fc.assert(fc.property(tenDigits, (first10) => isValidInn(innWithCheckDigits(first10))));
  });

  it('rejects a wrong 11th or 12th digit', () => {
    fc.assert(
      fc.property(
        tenDigits,
        fc.integer({ min: 10, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (first10, pos, delta) => {
          const inn = innWithCheckDigits(first10);
          const wrong = (Number(inn[pos]) + delta) % 10;
          const mutated = `${inn.slice(0, pos)}${wrong}${inn.slice(pos + 1)}`;
          return !isValidInn(mutated);
        },
      ),
    );
  });

  it('rejects anything but 12 ASCII digits', () => {
    const valid = innWithCheckDigits('7707083893');
    expect(isValidInn(valid)).toBe(true);
    expect(isValidInn(` ${valid}`)).toBe(false);
    expect(isValidInn(`${valid}\n`)).toBe(false);
    expect(isValidInn(valid.slice(0, 11))).toBe(false);
    expect(isValidInn('7707083893')).toBe(false); // a company's 10-digit INN
    expect(isValidInn('')).toBe(false);
    expect(isValidInn('77070838930a')).toBe(false);
    expect(isValidInn('٧٧٠٧٠٨٣٨٩٣٠٠')).toBe(false);
  });
});
