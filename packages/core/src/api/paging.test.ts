import { describe, expect, it } from 'vitest';
import { renameSubMerchantBodySchema } from './bodies.js';
import { operationHistoryRowSchema, signedWireAmountSchema } from './operations.js';
import { operationHistoryQuerySchema, paymentListQuerySchema } from './queries.js';

describe('history and payments queries', () => {
  it('reads filters from the URL: lists, instants in UTC, the default and bounded limit', () => {
    const q = operationHistoryQuerySchema.parse({
      kind: 'payout_sbp,top_up',
      status: 'failed',
      from: '2026-12-04T00:00:00+03:00',
    });
    expect(q).toEqual({
      kind: ['payout_sbp', 'top_up'],
      status: ['failed'],
      from: '2026-12-03T21:00:00.000Z',
      limit: 20,
    });
    expect(operationHistoryQuerySchema.parse({ limit: '100' }).limit).toBe(100);
    for (const limit of ['0', '101', '-1', '1.5', '1e2']) {
      expect(operationHistoryQuerySchema.safeParse({ limit }).success).toBe(false);
    }
  });

  it('refuses unknown kinds and statuses, a date without an offset, and a cursor that is not base64url', () => {
    expect(operationHistoryQuerySchema.safeParse({ kind: 'payout_sbp,refund' }).success).toBe(false);
    expect(paymentListQuerySchema.safeParse({ status: 'done' }).success).toBe(false);
    expect(operationHistoryQuerySchema.safeParse({ from: '2026-12-04' }).success).toBe(false);
    expect(operationHistoryQuerySchema.safeParse({ cursor: 'a b' }).success).toBe(false);
  });

  it('signs amounts with their direction and nothing else', () => {
    for (const ok of ['-100.25', '+13.00', '+90071992547409.93']) {
      expect(signedWireAmountSchema.safeParse(ok).success).toBe(true);
    }
    for (const bad of ['100.25', '-1.5', '+01.00', '- 1.00', '+1e2']) {
      expect(signedWireAmountSchema.safeParse(bad).success).toBe(false);
    }
    expect(operationHistoryRowSchema.shape.counterparty.safeParse({ type: 'iban' }).success).toBe(false);
  });

  it('takes a label of 1 to 80 characters, trimmed, or null to clear it', () => {
    expect(renameSubMerchantBodySchema.parse({ label: '  Flowers  ' })).toEqual({ label: 'Flowers' });
    expect(renameSubMerchantBodySchema.parse({ label: null })).toEqual({ label: null });
    for (const label of ['', '   ', 'x'.repeat(81), 'a\u0000b']) {
      expect(renameSubMerchantBodySchema.safeParse({ label }).success).toBe(false);
    }
  });
});
