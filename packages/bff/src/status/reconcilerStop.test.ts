import { pino } from 'pino';
import { expect, it } from 'vitest';
import type { BffDeps } from '../BffDeps.js';
import { Store } from '../store/Store.js';
import { Reconciler } from './Reconciler.js';

it('stops after the item it is reading and hands the other claimed items back, due at once', async () => {
  const store = await Store.openSqlite(':memory:');
  try {
    const now = Date.now();
    for (let i = 0; i < 5; i++) await store.reconcile.enqueue('wallet', `wallet-${i}`, now - 1000);
    // The first status read hangs until the test lets it go: stop() comes in the middle of it.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reading = 0;
    const get = store.wallets.get.bind(store.wallets);
    store.wallets.get = async (id) => {
      reading++;
      if (reading === 1) await gate;
      return get(id);
    };
    const seen: string[] = [];
    const reconciler = new Reconciler(
      { store } as unknown as BffDeps,
      { afterMs: 1000, intervalMs: 3_600_000, concurrency: 1, maxBackoffMs: 60_000, leaseMs: 600_000 },
      pino({ level: 'silent' }),
      (kind, outcome) => seen.push(`${kind}:${outcome}`),
    );
    reconciler.start();
    await expect.poll(() => reading).toBe(1);
    const stopped = reconciler.stop();
    release();
    await stopped;

    // The item being read was finished (an unknown wallet needs no more reads); nothing else was read.
    expect(reading).toBe(1);
    expect(seen).toEqual(['wallet:settled']);
    // The four it had claimed (leased for ten minutes) are due again now, for another instance to read.
    expect(await store.reconcile.backlog(Date.now())).toEqual({ waiting: 4, due: 4 });
  } finally {
    await store.close();
  }
});
