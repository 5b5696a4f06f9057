import Database from 'better-sqlite3';
import type { Row, SqlDriver, SqlValue } from '../SqlDriver.js';

/**
 * The event loop's check phase, taken when this module loads: the group commit is the driver's own scheduling,
 * not a timer that a test's fake clock should hold back.
 */
const runAfterIo: (run: () => void) => void = setImmediate;

/** At most this many transactions share one commit. */
const MAX_GROUP = 64;

interface Waiting {
  fn: (tx: SqlDriver) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * better-sqlite3 in WAL mode behind the async driver interface. Statements run synchronously, so the only
 * interleaving point is between awaits; a queue makes each transaction exclusive of every other statement.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Work queued behind a transaction; when zero, a statement can run at once without queueing. */
  private pending = 0;
  /** Transactions waiting for the next group commit, and whether that group is queued already. */
  private readonly waiting: Waiting[] = [];
  private groupQueued = false;
  /** What a transaction's work runs against: statements at once, inside the group's BEGIN … COMMIT. */
  private readonly tx: SqlDriver = {
    dialect: 'sqlite',
    all: async (sql, params = []) => this.allNow(sql, params),
    run: async (sql, params = []) => this.runNow(sql, params),
    transaction: (inner) => inner(this.tx),
    close: async () => {},
  };

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL'); // durable across process crashes in WAL mode
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.exclusive(() => this.allNow(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return this.exclusive(() => this.runNow(sql, params));
  }

  /**
   * Group commit: transactions that queue up while one commits run together, each in a savepoint of one
   * BEGIN … COMMIT. Each resolves only after that COMMIT (nothing is acknowledged before it is stored); one that
   * throws is rolled back to its savepoint alone and rejects, the others stand. Under load a callback then
   * shares its commit's WAL frames (the same table and index pages) with the rest of its group instead of
   * writing them again (issue 21: BEGIN + COMMIT were ~110 µs of a callback's ~340). Alone, it is one plain
   * transaction, as before.
   */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ fn, resolve, reject } as Waiting);
      if (!this.groupQueued) {
        this.groupQueued = true;
        // After the I/O already read in this turn of the event loop: the callbacks it holds join the group.
        runAfterIo(() => void this.exclusive(() => this.commitGroup()));
      }
    });
  }

  /** Runs every transaction waiting now (up to {@link MAX_GROUP}) under one COMMIT. */
  private async commitGroup(): Promise<void> {
    this.groupQueued = false;
    const group = this.waiting.splice(0, MAX_GROUP);
    if (this.waiting.length > 0) {
      this.groupQueued = true;
      runAfterIo(() => void this.exclusive(() => this.commitGroup()));
    }
    const alone = group.length === 1;
    // Each member's own failure, if it threw; members without one are stored once the COMMIT succeeds.
    const failures = new Map<Waiting, unknown>();
    const values = new Map<Waiting, unknown>();
    try {
      this.control('BEGIN IMMEDIATE');
      for (const item of group) {
        if (!alone) this.control('SAVEPOINT grouped');
        try {
          values.set(item, await item.fn(this.tx));
          if (!alone) this.control('RELEASE grouped');
        } catch (error) {
          failures.set(item, error);
          // Some errors (disk full, I/O) end the whole transaction: nothing of the group is stored then.
          if (!this.db.inTransaction) throw error;
          if (!alone) {
            this.control('ROLLBACK TO grouped');
            this.control('RELEASE grouped');
          }
        }
      }
      this.control(alone && failures.size > 0 ? 'ROLLBACK' : 'COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const item of group) item.reject(failures.get(item) ?? error);
      return;
    }
    for (const item of group) {
      if (failures.has(item)) item.reject(failures.get(item));
      else item.resolve(values.get(item));
    }
  }

  /** Closes once every transaction asked for before it has run (a group still waiting for its turn too). */
  async close(): Promise<void> {
    while (this.groupQueued) await new Promise((resolve) => runAfterIo(() => resolve(undefined)));
    await this.queue.catch(() => {});
    this.db.close();
  }

  private exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.pending === 0) {
      // Nothing in flight: a synchronous statement can't interleave with anything, so skip the queue.
      let result: T | Promise<T>;
      try {
        result = work();
      } catch (error) {
        return Promise.reject(error);
      }
      if (!(result instanceof Promise)) return Promise.resolve(result);
      this.pending++;
      const done = result.finally(() => this.pending--);
      this.queue = done.catch(() => {});
      return done;
    }
    this.pending++;
    const next = this.queue.then(work, work).finally(() => this.pending--);
    this.queue = next.catch(() => {});
    return next;
  }

  /** A transaction-control statement, prepared once (an `exec` parses it again each time: 2 per callback). */
  private control(sql: string): void {
    this.prepare(sql).run();
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (statement.reader) statement.safeIntegers(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private allNow(sql: string, params: readonly SqlValue[]): Row[] {
    const statement = this.prepare(sql);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }

  private runNow(sql: string, params: readonly SqlValue[]): { changes: number } {
    return { changes: this.prepare(sql).run(...params).changes };
  }
}
