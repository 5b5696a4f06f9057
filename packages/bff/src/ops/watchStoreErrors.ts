import type { SqlDriver } from '../store/SqlDriver.js';

/**
 * PostgreSQL's races between instances (a unique key taken meanwhile, a serialization failure, a deadlock, and
 * what follows in the aborted transaction): the driver re-runs the transaction; they are contention, not faults.
 */
const CONTENTION = new Set(['23505', '40001', '40P01', '25P02']);

const watchers = new WeakMap<SqlDriver, Set<() => void>>();

/**
 * Calls `onError` whenever a statement of `driver` fails, inside transactions too; returns the way to stop.
 * The driver is wrapped once however many BFF apps share it, and each app that watches hears every failure.
 * Only statements count: an error a transaction's own code throws to roll back is not the store's, and
 * neither is contention that the driver resolves by re-running the transaction.
 */
export function watchStoreErrors(driver: SqlDriver, onError: () => void): () => void {
  let listeners = watchers.get(driver);
  if (listeners === undefined) {
    const set = new Set<() => void>();
    listeners = set;
    watchers.set(driver, set);
    wrap(driver, () => {
      for (const listener of set) listener();
    });
  }
  listeners.add(onError);
  const own = listeners;
  return () => {
    own.delete(onError);
  };
}

function wrap(driver: SqlDriver, failed: () => void): void {
  const { all, run, transaction } = driver;
  const noted = <T>(promise: Promise<T>) =>
    promise.catch((error: unknown) => {
      if (!CONTENTION.has(String((error as { code?: unknown }).code))) failed();
      throw error;
    });
  driver.all = (sql, params) => noted(all.call(driver, sql, params));
  driver.run = (sql, params) => noted(run.call(driver, sql, params));
  driver.transaction = <T>(fn: (tx: SqlDriver) => Promise<T>) =>
    transaction.call(driver, (tx) => {
      const inner = Object.create(tx) as SqlDriver;
      inner.all = (sql, params) => noted(tx.all(sql, params));
      inner.run = (sql, params) => noted(tx.run(sql, params));
      return fn(inner);
    }) as Promise<T>;
}
