import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/migrate.js';
import { migrations } from '../store/migrations.js';
import type { OperationRecord, PaymentRecord } from '../store/records.js';
import type { Store } from '../store/Store.js';

/** A store opened on an empty database for one test. */
export interface OpenedStore {
  store: Store;
  /** Opens another Store on the same database, as a second start (or instance) would. */
  reopen(): Promise<Store>;
  /** Deletes the database; `store` is closed already. */
  cleanup(): Promise<void>;
}

const now = '2026-11-23T10:00:00.000Z';

const operation = (o: Partial<OperationRecord> = {}): OperationRecord => ({
  id: 'op-1',
  ownerId: 'u1',
  kind: 'deposit',
  walletId: null,
  orderId: 'o-1',
  transactionId: null,
  status: 'pending',
  amount: 1n,
  destinationMasked: null,
  sbp: null,
  failure: null,
  statusInferred: false,
  createdAt: now,
  updatedAt: now,
  ...o,
});

const payment = (p: Partial<PaymentRecord> = {}): PaymentRecord => ({
  id: 'pay-1',
  ownerId: 'op',
  orderId: 'po-1',
  transactionId: null,
  captureOrderId: null,
  captureTransactionId: null,
  releaseOrderId: null,
  releaseTransactionId: null,
  failureMessage: null,
  description: null,
  status: 'pending',
  twoStep: true,
  amount: 10_000n,
  routing: [{ accountId: 'acc-1', amount: 10_000n, platformFee: 150n, description: 'Заказ №1' }],
  payUrl: null,
  jsOperationId: null,
  customerEmail: 'buyer@example.com',
  createdAt: now,
  updatedAt: now,
  ...p,
});

/**
 * What every store must do, whatever the database: run it once per driver so that SQLite and PostgreSQL
 * are held to the same behaviour.
 */
export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(name, () => {
    let opened: OpenedStore;
    let store: Store;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await store.close();
      await opened.cleanup();
    });

    it('applies migrations once, whatever the number of starts', async () => {
      expect(await migrate(store.driver)).toBe(0);
      const reopened = await opened.reopen();
      try {
        expect(await reopened.driver.all('SELECT version FROM schema_migrations')).toHaveLength(
          migrations.length,
        );
      } finally {
        await reopened.close();
      }
    });

    it('keeps amounts beyond 2^53 kopecks exact', async () => {
      const amount = 2n ** 62n + 7n;
      await store.operations.insert(operation({ amount }));
      expect((await store.operations.get('op-1'))?.amount).toBe(amount);
      await store.operations.update('op-1', { transactionId: 'tx-1' });
      expect(await store.operations.findByTransactionOrOrder('tx-1', null)).toMatchObject({
        status: 'pending',
        amount,
      });
    });

    it('refuses a second operation with the same orderId and writes nothing', async () => {
      await store.operations.insert(operation({ id: 'a', orderId: 'same' }));
      await expect(store.operations.insert(operation({ id: 'b', orderId: 'same' }))).rejects.toThrow(
        /unique/i,
      );
      expect(await store.operations.get('b')).toBeUndefined();
    });

    it('tracks idempotency keys: proceed, in progress, replay, mismatch, retry with the same orderId', async () => {
      const { idempotency } = store;
      expect(await idempotency.begin('u1', 'k', 'fp', 'order-1')).toEqual({
        state: 'proceed',
        orderId: 'order-1',
      });
      expect(await idempotency.begin('u1', 'k', 'fp', 'order-2')).toEqual({ state: 'in_progress' });
      await idempotency.release('u1', 'k');
      expect(await idempotency.begin('u1', 'k', 'fp', 'order-3')).toEqual({
        state: 'proceed',
        orderId: 'order-1',
      });
      await idempotency.finish('u1', 'k', 201, { id: 'x' });
      expect(await idempotency.begin('u1', 'k', 'fp', 'order-4')).toEqual({
        state: 'replay',
        status: 201,
        body: { id: 'x' },
      });
      expect(await idempotency.begin('u1', 'k', 'other', 'order-5')).toEqual({ state: 'mismatch' });
      // Keys are per user: another user's identical key is a different request.
      expect(await idempotency.begin('u2', 'k', 'fp', 'order-6')).toEqual({
        state: 'proceed',
        orderId: 'order-6',
      });
    });

    it('counts rate-limit hits per window', async () => {
      expect(await store.rateLimits.hit('otp:w1', 60_000, 120_000)).toEqual({ count: 1, resetAt: 180_000 });
      expect((await store.rateLimits.hit('otp:w1', 60_000, 179_999)).count).toBe(2);
      expect((await store.rateLimits.hit('otp:w1', 60_000, 180_000)).count).toBe(1);
    });

    it('counts concurrent hits exactly and prunes only counters whose window has ended', async () => {
      const counts = await Promise.all(
        Array.from({ length: 20 }, () => store.rateLimits.hit('otp:p:x', 3_600_000, 1_000)),
      );
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      await store.rateLimits.hit('short', 60_000, 1_000);
      expect(await store.rateLimits.prune(60_000)).toBe(1);
      expect((await store.rateLimits.hit('otp:p:x', 3_600_000, 70_000)).count).toBe(21);
    });

    it('leases event streams within caps per address and in all, until released or run out', async () => {
      const leases = store.streamLeases;
      const caps = { perAddress: 2, total: 3 };
      const lease = (id: string, address: string, instance = 'i1', expiresAt = 10_000) => ({
        id,
        instance,
        address,
        expiresAt,
      });
      expect(await leases.acquire(lease('a', 'x'), caps, 1000)).toBeUndefined();
      expect(await leases.acquire(lease('b', 'x', 'i2'), caps, 1000)).toBeUndefined();
      expect(await leases.acquire(lease('c', 'x'), caps, 1000)).toBe('address');
      expect(await leases.acquire(lease('d', 'y'), caps, 1000)).toBeUndefined();
      expect(await leases.acquire(lease('e', 'z'), caps, 1000)).toBe('total');
      await leases.release('a');
      expect(await leases.acquire(lease('f', 'x'), caps, 1000)).toBeUndefined();
      // i1 renews its leases; i2's runs out, as a dead instance's would, and no longer counts.
      await leases.renew('i1', 20_000);
      expect(await leases.acquire(lease('g', 'x', 'i3', 30_000), caps, 15_000)).toBeUndefined();
      expect(await leases.acquire(lease('h', 'z', 'i3', 30_000), caps, 15_000)).toBe('total');
      await leases.releaseAll('i1');
      expect(await leases.acquire(lease('k', 'z', 'i3', 30_000), caps, 15_000)).toBeUndefined();
    });

    it('keeps session versions: 0 until bumped, then each bump one more', async () => {
      expect(await store.sessions.version('u1')).toBe(0);
      expect(await store.sessions.bump('u1')).toBe(1);
      expect(await Promise.all([store.sessions.bump('u1'), store.sessions.bump('u1')])).toHaveLength(2);
      expect(await store.sessions.version('u1')).toBe(3);
      expect(await store.sessions.version('u2')).toBe(0);
    });

    it('rolls a failed transaction back whole, nested transactions included', async () => {
      const insert = 'INSERT INTO sub_merchants (id, owner_id, type, linked_at) VALUES (?, ?, ?, ?)';
      await expect(
        store.driver.transaction(async (tx) => {
          await tx.run(insert, ['s1', 'u', 'Business', now]);
          await tx.transaction((inner) => inner.run(insert, ['s2', 'u', 'Business', now]));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.payments.subMerchants()).toEqual([]);
      await store.driver.transaction((tx) => tx.run(insert, ['s3', 'u', 'Business', now]));
      expect((await store.payments.subMerchants()).map((s) => s.id)).toEqual(['s3']);
    });

    it('pages operations and payments newest first by (created_at, id), filtered, ties kept in order', async () => {
      const t = (m: number) => `2026-11-23T10:0${m}:00.000Z`;
      const ops = [
        operation({ id: 'op-a', orderId: 'o-a', walletId: 'w1', kind: 'top_up', createdAt: t(1) }),
        operation({ id: 'op-b', orderId: 'o-b', walletId: 'w1', kind: 'payout_sbp', createdAt: t(2) }),
        operation({ id: 'op-c', orderId: 'o-c', walletId: 'w1', kind: 'payout_sbp', createdAt: t(2) }),
        operation({ id: 'op-d', orderId: 'o-d', walletId: 'w1', status: 'success', createdAt: t(3) }),
        operation({ id: 'op-e', orderId: 'o-e', walletId: 'w2', createdAt: t(4) }),
        operation({ id: 'op-f', orderId: 'o-f', walletId: 'w1', ownerId: 'u2', createdAt: t(5) }),
      ];
      for (const o of ops) await store.operations.insert(o);
      const page = (f: Partial<Parameters<Store['operations']['page']>[0]>) =>
        store.operations.page({ ownerId: 'u1', walletId: 'w1', limit: 2, ...f });
      const first = await page({});
      expect([first.rows.map((o) => o.id), first.more]).toEqual([['op-d', 'op-c'], true]);
      const second = await page({ after: first.rows[1] });
      expect([second.rows.map((o) => o.id), second.more]).toEqual([['op-b', 'op-a'], false]);
      expect((await page({ kinds: ['payout_sbp', 'top_up'], limit: 10 })).rows.map((o) => o.id)).toEqual([
        'op-c',
        'op-b',
        'op-a',
      ]);
      expect((await page({ statuses: ['success'] })).rows.map((o) => o.id)).toEqual(['op-d']);
      expect((await page({ from: t(2), to: t(3), limit: 10 })).rows.map((o) => o.id)).toEqual([
        'op-c',
        'op-b',
      ]);

      await store.payments.insert(payment({ id: 'p1', orderId: 'po-1', createdAt: t(1) }));
      await store.payments.insert(
        payment({ id: 'p2', orderId: 'po-2', createdAt: t(2), captureOrderId: 'cap-2' }),
      );
      await store.payments.insert(payment({ id: 'p3', orderId: 'po-3', createdAt: t(3), status: 'success' }));
      const payments = await store.payments.page({ limit: 2 });
      expect([payments.rows.map((p) => p.id), payments.more]).toEqual([['p3', 'p2'], true]);
      expect((await store.payments.page({ limit: 5, orderId: 'cap-2' })).rows.map((p) => p.id)).toEqual([
        'p2',
      ]);
      expect((await store.payments.page({ limit: 5, statuses: ['pending'] })).rows.map((p) => p.id)).toEqual([
        'p2',
        'p1',
      ]);
      const refund = {
        transactionId: null,
        status: 'pending' as const,
        amount: 1n,
        routing: [],
        failureMessage: null,
      };
      await store.payments.insertRefund({
        ...refund,
        id: 'r1',
        paymentId: 'p1',
        orderId: 'ro-1',
        createdAt: t(4),
      });
      await store.payments.insertRefund({
        ...refund,
        id: 'r2',
        paymentId: 'p1',
        orderId: 'ro-2',
        createdAt: t(5),
      });
      const refunds = await store.payments.refundsOf(['p1', 'p2']);
      expect([...refunds].map(([id, rs]) => [id, rs.map((r) => r.id)])).toEqual([
        ['p1', ['r1', 'r2']],
        ['p2', []],
      ]);
    });

    it('reads back wallets, payments, refunds and cards as written', async () => {
      const wallet = {
        id: 'w1',
        ownerId: 'u1',
        status: 'Processing',
        phoneMasked: '+7 *** ***-**-53',
        contactPhone: '79017636353',
        contactEmail: 'u1@example.com',
        createdAt: now,
        processedAt: null,
        finishedAt: null,
      };
      await store.wallets.insert(wallet);
      expect(await store.wallets.get('w1')).toMatchObject(wallet);
      expect((await store.wallets.listByOwner('u1')).map((w) => w.id)).toEqual(['w1']);
      expect(await store.wallets.listByOwner('u2')).toEqual([]);

      await store.payments.insert(payment());
      await store.payments.update('pay-1', { transactionId: 'ptx-1', payUrl: 'https://pay.example/1' });
      expect(await store.payments.findByTransactionOrOrder('ptx-1', null)).toEqual({
        ...payment(),
        transactionId: 'ptx-1',
        payUrl: 'https://pay.example/1',
        updatedAt: expect.any(String),
      });
      expect((await store.payments.page({ limit: 1 })).rows.map((p) => p.id)).toEqual(['pay-1']);
      const refund = {
        id: 'r1',
        paymentId: 'pay-1',
        orderId: 'ro-1',
        transactionId: null,
        status: 'pending' as const,
        amount: 2_500n,
        routing: [{ accountId: 'acc-1', amount: 2_500n, platformFee: 0n }],
        failureMessage: null,
        createdAt: now,
      };
      await store.payments.insertRefund(refund);
      expect(await store.payments.refunds('pay-1')).toEqual([refund]);
      expect(await store.payments.findRefund(null, 'ro-1')).toEqual(refund);

      await store.cards.insert({
        id: 'c1',
        ownerId: 'u1',
        status: 'active',
        cardMasked: '4111 11** **** 1111',
        cardHolder: 'IVAN IVANOV',
        expiryMonth: '12',
        expiryYear: '30',
        createdAt: now,
      });
      expect(await store.cards.getUsable('u1', 'c1')).toMatchObject({ id: 'c1', status: 'active' });
      expect(await store.cards.getUsable('u2', 'c1')).toBeUndefined();
      expect(await store.cards.remove('u1', 'c1')).toBe(true);
      expect(await store.cards.remove('u1', 'c1')).toBe(false);
      expect(await store.cards.listByOwner('u1')).toEqual([]);
    });
  });
}
