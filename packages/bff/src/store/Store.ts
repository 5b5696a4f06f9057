import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CardTable } from './cards.js';
import { EventTable } from './events.js';
import { IdempotencyTable } from './idempotency.js';
import { InboxTable } from './inbox.js';
import { migrate } from './migrate.js';
import { OperationTable } from './operations.js';
import { loadDriver } from './optionalDriver.js';
import { PaymentTable } from './payments.js';
import type { PgDriverOptions } from './postgres/PgDriver.js';
import { RateLimitTable, StreamLeaseTable } from './rateLimits.js';
import { ReconcileQueue } from './reconcileQueue.js';
import type { SqlDriver } from './SqlDriver.js';
import { SessionTable } from './sessions.js';
import { WalletTable } from './wallets.js';

/**
 * Advisory lock key of a whole migration run on PostgreSQL: "mk_mig" in ASCII, far from the small key that
 * migrate (72033) takes inside its transactions.
 */
const MIGRATION_RUN_LOCK = 0x6d6b5f6d6967;

/**
 * Everything the BFF remembers: owners of wallets, operations and payments, idempotency keys and rate-limit
 * counters. One implementation over a small SQL driver, so SQLite and PostgreSQL run the same queries and
 * the same test suite.
 */
export class Store {
  readonly wallets: WalletTable;
  readonly operations: OperationTable;
  readonly payments: PaymentTable;
  readonly idempotency: IdempotencyTable;
  readonly rateLimits: RateLimitTable;
  readonly cards: CardTable;
  readonly inbox: InboxTable;
  readonly events: EventTable;
  readonly reconcile: ReconcileQueue;
  readonly sessions: SessionTable;
  readonly streamLeases: StreamLeaseTable;

  constructor(readonly driver: SqlDriver) {
    this.wallets = new WalletTable(driver);
    this.operations = new OperationTable(driver);
    this.payments = new PaymentTable(driver);
    this.idempotency = new IdempotencyTable(driver);
    this.rateLimits = new RateLimitTable(driver);
    this.cards = new CardTable(driver);
    this.inbox = new InboxTable(driver);
    this.events = new EventTable(driver);
    this.reconcile = new ReconcileQueue(driver);
    this.sessions = new SessionTable(driver);
    this.streamLeases = new StreamLeaseTable(driver);
  }

  /**
   * Opens (creating if needed) an SQLite file in WAL mode and applies migrations. Needs the optional peer
   * dependency `better-sqlite3`, loaded only here.
   */
  static async openSqlite(file: string): Promise<Store> {
    const { SqliteDriver } = await loadDriver(
      'SQLite',
      'better-sqlite3',
      () => import('./sqlite/SqliteDriver.js'),
    );
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const driver = new SqliteDriver(file);
    await migrate(driver);
    return new Store(driver);
  }

  /**
   * Connects to PostgreSQL and applies migrations; several instances may start at once on one database.
   * Needs the optional peer dependency `pg`, loaded only here.
   */
  static async openPostgres(url: string, options?: PgDriverOptions): Promise<Store> {
    const { PgDriver } = await loadDriver('PostgreSQL', 'pg', () => import('./postgres/PgDriver.js'));
    const driver = new PgDriver(url, options);
    try {
      // migrate() creates schema_migrations before its own per-migration lock, and two sessions running
      // the same CREATE TABLE IF NOT EXISTS at once can fail with a duplicate key; so whole runs take turns.
      await driver.withAdvisoryLock(MIGRATION_RUN_LOCK, () => migrate(driver));
    } catch (error) {
      await driver.close();
      throw error;
    }
    return new Store(driver);
  }

  /** Runs `fn` with a store whose every table works inside one transaction. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.driver.transaction((tx) => fn(new Store(tx)));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
