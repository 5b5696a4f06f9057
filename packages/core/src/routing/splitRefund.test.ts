import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoutingShare } from './RoutingShare.js';
import { remainingByAccount, splitRefund } from './splitRefund.js';

const A = '16f90c5e-6bc3-11eb-9439-0242ac130002';
const B = '8ba85f01-8cc8-4161-b45d-ce6442e678ae';
const original: RoutingShare[] = [
  { accountId: A, amount: 400000n, platformFee: 5000n },
  { accountId: B, amount: 100000n, platformFee: 5000n },
];

describe('splitRefund', () => {
  it('splits a partial refund in proportion to what each account holds', () => {
    expect(splitRefund(original, [], 100000n)).toEqual([
      { accountId: A, amount: 80000n, platformFee: 0n },
      { accountId: B, amount: 20000n, platformFee: 0n },
    ]);
  });

  it('returns the fee in proportion when asked, and all of it on the final refund', () => {
    const first = splitRefund(original, [], 250000n, { refundFee: true });
    expect(first).toEqual([
      { accountId: A, amount: 200000n, platformFee: 2500n },
      { accountId: B, amount: 50000n, platformFee: 2500n },
    ]);
    const rest = splitRefund(original, first, 250000n, { refundFee: true });
    expect(rest).toEqual([
      { accountId: A, amount: 200000n, platformFee: 2500n },
      { accountId: B, amount: 50000n, platformFee: 2500n },
    ]);
    expect(remainingByAccount(original, [...first, ...rest])).toEqual([
      { accountId: A, amount: 0n, platformFee: 0n },
      { accountId: B, amount: 0n, platformFee: 0n },
    ]);
  });

  it('leaves out accounts that have nothing left', () => {
    const refunded = [{ accountId: B, amount: 100000n, platformFee: 0n }];
    expect(splitRefund(original, refunded, 1000n)).toEqual([
      { accountId: A, amount: 1000n, platformFee: 0n },
    ]);
  });

  it('refuses to refund more than remains, or nothing', () => {
    expect(() => splitRefund(original, [], 500001n)).toThrowError(
      expect.objectContaining({ code: 'INSUFFICIENT_REMAINING' }),
    );
    const refunded = splitRefund(original, [], 499999n);
    expect(() => splitRefund(original, refunded, 2n)).toThrowError(/exceeds the 0.01 that remains/);
    expect(() => splitRefund(original, [], 0n)).toThrowError(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    );
  });

  it('never over-refunds an account across any sequence of partial refunds', () => {
    const shareArb = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.nat(100))
      .map(([amount, feePct]) => ({ amount, platformFee: (amount * BigInt(feePct)) / 100n }));
    const scenario = fc.record({
      shares: fc.array(shareArb, { minLength: 1, maxLength: 8 }),
      fractions: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
      refundFee: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, ({ shares, fractions, refundFee }) => {
        const orig = shares.map((s, i) => ({
          accountId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          ...s,
        }));
        const refunds: RoutingShare[] = [];
        for (const permille of fractions) {
          const left = remainingByAccount(orig, refunds).reduce((sum, r) => sum + r.amount, 0n);
          if (left === 0n) break;
          const amount = (left * BigInt(permille)) / 1000n || 1n;
          const parts = splitRefund(orig, refunds, amount, { refundFee });
          expect(parts.reduce((sum, p) => sum + p.amount, 0n)).toBe(amount);
          for (const p of parts) {
            expect(p.amount > 0n).toBe(true);
            expect(p.platformFee <= p.amount).toBe(true);
          }
          refunds.push(...parts);
        }
        orig.forEach((o) => {
          const back = refunds.filter((r) => r.accountId === o.accountId);
          expect(back.reduce((s, r) => s + r.amount, 0n) <= o.amount).toBe(true);
          expect(back.reduce((s, r) => s + r.platformFee, 0n) <= o.platformFee).toBe(true);
        });
      }),
    );
  });
});
