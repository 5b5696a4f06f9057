import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CardTable } from './cards.js';
import { IdempotencyTable } from './idempotency.js';
import { migrate } from './migrate.js';
import { OperationTable } from './operations.js';
import { PaymentTable } from './payments.js';
import { RateLimitTable } from './rateLimits.js';
import type { SqlDriver } from './SqlDriver.js';
import { SqliteDriver } from './sqlite/SqliteDriver.js';
import { WalletTable } from './wallets.js';

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

  constructor(readonly driver: SqlDriver) {
    this.wallets = new WalletTable(driver);
    this.operations = new OperationTable(driver);
    this.payments = new PaymentTable(driver);
    this.idempotency = new IdempotencyTable(driver);
    this.rateLimits = new RateLimitTable(driver);
    this.cards = new CardTable(driver);
  }

  /** Opens (creating if needed) an SQLite file in WAL mode and applies migrations. */
  static async openSqlite(file: string): Promise<Store> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const driver = new SqliteDriver(file);
    await migrate(driver);
    return new Store(driver);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
