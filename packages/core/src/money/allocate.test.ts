import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';

describe('allocate', () => {
  it('splits by largest remainder and always sums to the total', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(500000n, [4000n, 1000n])).toEqual([400000n, 100000n]);
    expect(allocate(5n, [1n, 0n, 1n])).toEqual([3n, 0n, 2n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it('refuses weights it cannot split by', () => {
    expect(() => allocate(100n, [])).toThrowError(expect.objectContaining({ code: 'INVALID_WEIGHTS' }));
    expect(() => allocate(100n, [0n, 0n])).toThrowError(expect.objectContaining({ code: 'INVALID_WEIGHTS' }));
    expect(() => allocate(100n, [1n, -1n])).toThrowError(
      expect.objectContaining({ code: 'INVALID_WEIGHTS' }),
    );
  });

  it('sums to the total, keeps each part within a kopeck of its exact share, and gives zero weights nothing', () => {
    const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), weights, (total, ws) => {
        fc.pre(ws.some((w) => w > 0n));
        const parts = allocate(total, ws);
        const weightSum = ws.reduce((a, b) => a + b, 0n);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        parts.forEach((part, i) => {
          // |part - total*w/W| < 1  <=>  |part*W - total*w| < W
          const diff = part * weightSum - total * ws[i]!;
          expect(diff < weightSum && -diff < weightSum).toBe(true);
          if (ws[i] === 0n) expect(part).toBe(0n);
        });
      }),
    );
  });
});
