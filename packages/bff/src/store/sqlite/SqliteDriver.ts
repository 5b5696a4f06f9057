import Database from 'better-sqlite3';
import type { Row, SqlDriver, SqlValue } from '../SqlDriver.js';

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

  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const tx: SqlDriver = {
        dialect: 'sqlite',
        all: async (sql, params = []) => this.allNow(sql, params),
        run: async (sql, params = []) => this.runNow(sql, params),
        transaction: (inner) => inner(tx),
        close: async () => {},
      };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
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
