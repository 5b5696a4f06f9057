import type { RoutingShare } from '@mandarin-kit/core';

/** Integers come back as bigint (SQLite safeIntegers) or string (PostgreSQL BIGINT); both read exactly. */
export function big(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' || typeof value === 'string') return BigInt(value);
  throw new TypeError(`Expected an integer column, got ${typeof value}`);
}

/** A nullable text column. */
export function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Routing is kept as JSON with amounts as decimal strings of minor units, never JSON numbers. */
export function encodeRouting(shares: readonly RoutingShare[]): string {
  return JSON.stringify(
    shares.map((s) => ({
      accountId: s.accountId,
      amount: s.amount.toString(),
      platformFee: s.platformFee.toString(),
      ...(s.description ? { description: s.description } : {}),
    })),
  );
}

/** Reads routing written by {@link encodeRouting}. */
export function decodeRouting(json: unknown): RoutingShare[] {
  const rows = JSON.parse(String(json)) as Array<{
    accountId: string;
    amount: string;
    platformFee: string;
    description?: string;
  }>;
  return rows.map((r) => ({
    accountId: r.accountId,
    amount: BigInt(r.amount),
    platformFee: BigInt(r.platformFee),
    ...(r.description ? { description: r.description } : {}),
  }));
}
