import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { Store } from './Store.js';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mk-store-'));
  store = await Store.openSqlite(join(dir, 'data', 'bff.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = '2026-11-23T10:00:00.000Z';

describe('SQLite store', () => {
  it('applies migrations once, whatever the number of starts', async () => {
    expect(await migrate(store.driver)).toBe(0);
    const reopened = await Store.openSqlite(join(dir, 'data', 'bff.sqlite'));
    expect(await reopened.driver.all('SELECT version FROM schema_migrations')).toHaveLength(1);
    await reopened.close();
  });

  it('keeps amounts beyond 2^53 kopecks exact', async () => {
    const amount = 2n ** 62n + 7n;
    await store.operations.insert({
      id: 'op-1',
      ownerId: 'u1',
      kind: 'deposit',
      walletId: null,
      orderId: 'o-1',
      transactionId: null,
      status: 'pending',
      amount,
      destinationMasked: null,
      sbp: null,
      createdAt: now,
      updatedAt: now,
    });
    expect((await store.operations.get('op-1'))?.amount).toBe(amount);
    await store.operations.update('op-1', { transactionId: 'tx-1' });
    expect(await store.operations.findByTransactionOrOrder('tx-1', null)).toMatchObject({
      status: 'pending',
    });
  });

  it('refuses a second operation with the same orderId and writes nothing', async () => {
    const op = {
      id: 'a',
      ownerId: 'u1',
      kind: 'deposit' as const,
      walletId: null,
      orderId: 'same',
      transactionId: null,
      status: 'pending' as const,
      amount: 1n,
      destinationMasked: null,
      sbp: null,
      createdAt: now,
      updatedAt: now,
    };
    await store.operations.insert(op);
    await expect(store.operations.insert({ ...op, id: 'b' })).rejects.toThrow(/UNIQUE/);
    expect(await store.operations.get('b')).toBeUndefined();
  });

  it('tracks idempotency keys: proceed, in progress, replay, mismatch, retry with the same orderId', async () => {
    expect(await store.idempotency.begin('u1', 'k', 'fp', 'order-1')).toEqual({
      state: 'proceed',
      orderId: 'order-1',
    });
    expect(await store.idempotency.begin('u1', 'k', 'fp', 'order-2')).toEqual({ state: 'in_progress' });
    await store.idempotency.release('u1', 'k');
    expect(await store.idempotency.begin('u1', 'k', 'fp', 'order-3')).toEqual({
      state: 'proceed',
      orderId: 'order-1',
    });
    await store.idempotency.finish('u1', 'k', 201, { id: 'x' });
    expect(await store.idempotency.begin('u1', 'k', 'fp', 'order-4')).toEqual({
      state: 'replay',
      status: 201,
      body: { id: 'x' },
    });
    expect(await store.idempotency.begin('u1', 'k', 'other', 'order-5')).toEqual({ state: 'mismatch' });
    // Keys are per user: another user's identical key is a different request.
    expect(await store.idempotency.begin('u2', 'k', 'fp', 'order-6')).toEqual({
      state: 'proceed',
      orderId: 'order-6',
    });
  });

  it('counts rate-limit hits per window', async () => {
    expect(await store.rateLimits.hit('otp:w1', 60_000, 120_000)).toEqual({ count: 1, resetAt: 180_000 });
    expect((await store.rateLimits.hit('otp:w1', 60_000, 179_999)).count).toBe(2);
    expect((await store.rateLimits.hit('otp:w1', 60_000, 180_000)).count).toBe(1);
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      store.driver.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO sub_merchants (id, owner_id, type, linked_at) VALUES ('s1', 'u', 'Business', ?)",
          [now],
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.payments.subMerchants()).toEqual([]);
  });
});
