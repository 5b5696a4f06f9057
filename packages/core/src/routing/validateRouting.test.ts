import { describe, expect, it } from 'vitest';
import type { RoutingShare } from './RoutingShare.js';
import { validateRouting } from './validateRouting.js';

const A = '16f90c5e-6bc3-11eb-9439-0242ac130002';
const B = '8ba85f01-8cc8-4161-b45d-ce6442e678ae';
const share = (accountId: string, amount: bigint, platformFee = 0n): RoutingShare => ({
  accountId,
  amount,
  platformFee,
});

describe('validateRouting', () => {
  it("accepts the seed's 5 000 RUB split", () => {
    expect(validateRouting(500000n, [share(A, 400000n, 5000n), share(B, 100000n, 5000n)])).toEqual([]);
  });

  it('says by how much the shares are off, signed', () => {
    const [short] = validateRouting(500000n, [share(A, 400000n), share(B, 99999n)]);
    expect(short).toMatchObject({ code: 'SUM_MISMATCH', difference: -1n });
    expect(short!.message).toContain('0.01 short of the total 5000.00');
    const [over] = validateRouting(100n, [share(A, 150n)]);
    expect(over).toMatchObject({ code: 'SUM_MISMATCH', difference: 50n });
    expect(over!.message).toContain('0.50 more than');
  });

  it('reports each broken share with its index', () => {
    const issues = validateRouting(300n, [
      share(A, 100n, 101n),
      share(A.toUpperCase(), 100n),
      share('acct-1', 0n, -1n),
    ]);
    expect(issues.map((i) => [i.code, i.index])).toEqual([
      ['FEE_EXCEEDS_AMOUNT', 0],
      ['DUPLICATE_ACCOUNT', 1],
      ['INVALID_ACCOUNT_ID', 2],
      ['NON_POSITIVE_AMOUNT', 2],
      ['NEGATIVE_FEE', 2],
      ['SUM_MISMATCH', undefined],
    ]);
  });

  it('refuses an empty split', () => {
    expect(validateRouting(100n, [])).toEqual([expect.objectContaining({ code: 'EMPTY' })]);
  });

  it('allows a fee equal to the amount', () => {
    expect(validateRouting(100n, [share(A, 100n, 100n)])).toEqual([]);
  });
});
