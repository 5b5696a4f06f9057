import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePostgres, type FreshDatabase, freshDatabase } from '../../testkit/postgres.js';
import { storeContract } from '../../testkit/storeContract.js';
import { migrations } from '../migrations.js';
import { Store } from '../Store.js';

const small = { max: 4 };

describePostgres('PostgreSQL store', () => {
  storeContract('store contract', async () => {
    const db = await freshDatabase();
    const store = await Store.openPostgres(db.url, small).catch(async (error) => {
      await db.drop();
      throw error;
    });
    return { store, reopen: () => Store.openPostgres(db.url, small), cleanup: () => db.drop() };
  });

  describe('several instances on one database', () => {
    let db: FreshDatabase | undefined;
    let a: Store;
    let b: Store;

    beforeEach(async () => {
      db = await freshDatabase();
      // Opened together: migrating at the same time is part of what is tested.
      [a, b] = await Promise.all([Store.openPostgres(db.url, small), Store.openPostgres(db.url, small)]);
    });
    afterEach(async () => {
      // Even when opening failed, so that a long-lived test server doesn't collect databases.
      await Promise.all([a?.close(), b?.close()]);
      await db?.drop();
      db = undefined;
    });

    it('migrate together without error, each migration applied once', async () => {
      const more = await Promise.all([1, 2, 3, 4].map(() => Store.openPostgres(db!.url, { max: 2 })));
      await Promise.all(more.map((s) => s.close()));
      const rows = await a.driver.all('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
    });

    it('let exactly one of two concurrent requests with the same idempotency key proceed', async () => {
      for (let i = 0; i < 20; i++) {
        const results = await Promise.all([
          a.idempotency.begin('u1', `k${i}`, 'fp', `order-a-${i}`),
          b.idempotency.begin('u1', `k${i}`, 'fp', `order-b-${i}`),
        ]);
        const states = results.map((r) => r.state).sort();
        expect(states).toEqual(['in_progress', 'proceed']);
      }
    });

    it('share rate-limit counters', async () => {
      const hits = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).rateLimits.hit('otp:w1', 60_000, 120_000)),
      );
      expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
      expect((await b.rateLimits.hit('otp:w1', 60_000, 120_001)).count).toBe(31);
    });

    it('see each other’s writes at once', async () => {
      await a.payments.insertSubMerchant({
        id: 's1',
        ownerId: 'op',
        type: 'Business',
        linkedAt: 'now',
        label: null,
      });
      expect((await b.payments.subMerchants()).map((s) => s.id)).toEqual(['s1']);
    });
  });
});
