import { afterAll, beforeAll } from 'vitest';
import type { BffApp, BffOptions } from '../createBff.js';
import { Store } from '../store/Store.js';
import { type FreshDatabase, freshDatabase } from './postgres.js';
import { type Stack, startStack } from './startStack.js';
import { live } from './suites.js';

/** The second BFF instance of a pair: its URL, its app and its own store (connection pool) on the database. */
export interface SecondInstance {
  url: string;
  app: BffApp;
  store: Store;
}

/**
 * Hooks for a PostgreSQL suite (inside `describePostgres`): a fresh database, the stack's BFF on it, and a second
 * instance with a pool of its own on the same database and emulator, as a load balancer would see them. `bff` goes
 * to both instances. Like `stackSuite`, what it returns stands for what the hooks start.
 */
export function postgresPairSuite(bff: Partial<BffOptions> = {}): { stack: Stack; second: SecondInstance } {
  let db: FreshDatabase | undefined;
  let stack: Stack | undefined;
  let second: SecondInstance | undefined;
  beforeAll(async () => {
    db = await freshDatabase();
    stack = await startStack({ store: await Store.openPostgres(db.url), bff });
    const store = await Store.openPostgres(db.url);
    const { url, app } = await stack.anotherBff({ ...bff, store });
    second = { url, app, store };
  });
  afterAll(async () => {
    await stack?.close();
    await second?.store.close();
    await db?.drop();
  });
  return {
    stack: live(() => stack),
    second: live(() => second),
  };
}
