import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Row, SqlDriver, SqlValue } from '../SqlDriver.js';
import { PgListener } from './PgListener.js';
import { type NumberedSql, numberPlaceholders } from './placeholders.js';

/** Settings of {@link PgDriver}; every one has a default fit for a BFF instance. */
export interface PgDriverOptions {
  /** Most connections the pool opens (default 10). */
  max?: number;
  /** Server-side limit on each statement, in ms (default 30 000; 0 for none). */
  statementTimeoutMs?: number;
  /** How long to wait for a connection, in ms (default 10 000). */
  connectionTimeoutMs?: number;
  /** Errors that need no caller: a broken idle connection, a LISTEN reconnect. Ignored by default. */
  onError?: (error: Error) => void;
  /**
   * Whether the store's parameterised statements are prepared once per connection and then only executed
   * (default true): PostgreSQL then parses and plans each once instead of on every call. Set false behind a
   * pooler that can't keep prepared statements (PgBouncer in transaction mode before 1.21).
   */
  prepare?: boolean;
}

/**
 * int2/int4/int8 come back as bigint, as SQLite's safeIntegers gives them, so that rows look the same on
 * both drivers and amounts beyond 2^53 stay exact (`big()` and `Number()` read them). NUMERIC (what
 * SUM(bigint) returns) stays a decimal string, which `big()` reads too.
 */
const integerTypes = new pg.TypeOverrides();
// OIDs of int8, int2 and int4.
const INTEGER_OIDS = [20, 21, 23];
for (const oid of INTEGER_OIDS) {
  integerTypes.setTypeParser(oid, (value: string) => BigInt(value));
}

/**
 * SQLSTATEs after which re-running a transaction can succeed: a unique key that a concurrent transaction
 * took between this one's check and its insert (on the re-run the check sees it), a serialization failure,
 * a deadlock. A deterministic duplicate just fails again and is thrown.
 */
const RETRYABLE = new Set(['23505', '40001', '40P01']);
const ATTEMPTS = 5;
/** SQLSTATE of every statement after a failed one in the same transaction. */
const IN_FAILED_TRANSACTION = '25P02';
const CACHE_LIMIT = 1000;
/**
 * SQLSTATE of a prepared statement whose result columns changed under it (a migration by another instance added
 * a column to a table it reads with `SELECT *`): it is run unprepared from then on.
 */
const FEATURE_NOT_SUPPORTED = '0A000';

/** A statement as sent: numbered, and named when it is prepared once per connection. */
interface Statement extends NumberedSql {
  name: string | undefined;
}

type Queryable = pg.Pool | pg.PoolClient;

/**
 * PostgreSQL (`pg`) behind the async driver interface, for several BFF instances sharing one database.
 * Transactions run at READ COMMITTED (migrations rely on each statement seeing what was committed before
 * it, after an advisory lock); a transaction that lost a race is re-run, so `fn` must only touch the
 * database through `tx`. Inside a transaction a failed statement aborts it: catching the error and going
 * on works on SQLite but not here, so use `ON CONFLICT` instead.
 */
export class PgDriver implements SqlDriver {
  readonly dialect = 'postgres';
  private readonly pool: pg.Pool;
  private readonly listener: PgListener;
  private readonly connection: pg.ClientConfig;
  private readonly onError: (error: Error) => void;
  private readonly statements = new Map<string, Statement>();
  private readonly prepare: boolean;
  private closing: Promise<void> | undefined;

  constructor(url: string, options: PgDriverOptions = {}) {
    this.onError = options.onError ?? (() => {});
    this.prepare = options.prepare ?? true;
    this.connection = {
      connectionString: url,
      application_name: 'mandarin-kit-bff',
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
      keepAlive: true,
      types: integerTypes,
    };
    this.pool = new pg.Pool({
      ...this.connection,
      max: options.max ?? 10,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      // A transaction left open by a stuck request would hold its locks forever.
      idle_in_transaction_session_timeout: 60_000,
    });
    // The pool drops a broken idle connection and opens another when needed; without a listener the
    // 'error' event would crash the process.
    this.pool.on('error', this.onError);
    this.listener = new PgListener(this.connection, this.onError);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await this.query(this.pool, sql, params)).rows;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(this.pool, sql, params)).rowCount ?? 0 };
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      // A short, jittered pause before a re-run, so that racing instances don't collide again in lockstep.
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, attempt * 10 * Math.random()));
      const client = await this.pool.connect();
      // A checked-out client has no error listener of the pool's; a broken one must not crash the process.
      let broken: Error | undefined;
      const onClientError = (error: Error) => {
        broken = error;
      };
      client.on('error', onClientError);
      // The first statement that failed: what fn throws may be the 25P02 of a later one, or fn's own error.
      let failed: unknown;
      const onFail = (error: unknown) => {
        failed ??= error;
      };
      const tx: SqlDriver = {
        dialect: 'postgres',
        all: async (sql, params = []) => (await this.inTransaction(client, sql, params, onFail)).rows,
        run: async (sql, params = []) => ({
          changes: (await this.inTransaction(client, sql, params, onFail)).rowCount ?? 0,
        }),
        transaction: (inner) => inner(tx),
        close: async () => {},
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        const cause = sqlState(error) === IN_FAILED_TRANSACTION ? (failed ?? error) : error;
        if (attempt < ATTEMPTS && (RETRYABLE.has(sqlState(cause) ?? '') || this.unprepared(cause))) continue;
        throw error;
      } finally {
        client.off('error', onClientError);
        // A connection that failed is closed instead of going back to the pool.
        client.release(broken);
      }
    }
  }

  /**
   * Subscribes to NOTIFYs on `channel` over a dedicated connection; `onResume` runs after that connection
   * was re-established, since notifications sent while it was down are lost. Resolves with an unsubscribe.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onResume?: () => void,
  ): Promise<() => Promise<void>> {
    return this.listener.listen(channel, onPayload, onResume);
  }

  /**
   * Sends `payload` (at most 8000 bytes) to every listener of `channel` on this database. To send it only if
   * a transaction commits, run `SELECT pg_notify(?, ?)` inside that transaction instead.
   */
  async notify(channel: string, payload: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /**
   * Runs `fn` while holding a session advisory lock, on a connection of its own so that `fn` can use the
   * whole pool. Instances doing the same wait for each other, however long `fn` takes.
   */
  async withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T> {
    const client = new pg.Client(this.connection);
    client.on('error', this.onError);
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      return await fn();
    } finally {
      // Ending the session releases the lock too, even if it can't be unlocked explicitly.
      await client.end().catch(() => {});
    }
  }

  /** Closes the LISTEN connection and the pool; safe to call more than once (pg's pool.end is not). */
  close(): Promise<void> {
    this.closing ??= this.listener.close().then(() => this.pool.end());
    return this.closing;
  }

  private async inTransaction(
    client: pg.PoolClient,
    sql: string,
    params: readonly SqlValue[],
    onFail: (error: unknown) => void,
  ): Promise<pg.QueryResult<Row>> {
    try {
      return await this.query(client, sql, params);
    } catch (error) {
      onFail(error);
      throw error;
    }
  }

  private async query(
    target: Queryable,
    sql: string,
    params: readonly SqlValue[],
  ): Promise<pg.QueryResult<Row>> {
    const statement = this.numbered(sql);
    if (statement.count !== params.length) {
      throw new Error(
        `PgDriver: statement has ${statement.count} placeholders but ${params.length} parameters: ${sql}`,
      );
    }
    const values = params as SqlValue[];
    if (statement.name === undefined) return target.query<Row>(statement.text, values);
    try {
      return await target.query<Row>({ name: statement.name, text: statement.text, values });
    } catch (error) {
      // Outside a transaction it can simply run again, unprepared; inside one the transaction is re-run.
      if (!this.unprepared(error) || target !== this.pool) throw error;
      return target.query<Row>(statement.text, values);
    }
  }

  /**
   * After "cached plan must not change result type" (another instance migrated the schema), stops preparing
   * statements, since any of them may read a changed table; says whether the error was that.
   */
  private unprepared(error: unknown): boolean {
    if (sqlState(error) !== FEATURE_NOT_SUPPORTED || !/cached plan/.test(String((error as Error).message))) {
      return false;
    }
    for (const statement of this.statements.values()) statement.name = undefined;
    return true;
  }

  /** The store's statements are a fixed set of literals, so converting each once is enough. */
  private numbered(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      const numbered = numberPlaceholders(sql);
      // Named by their text, so a name never stands for two statements. Only statements with parameters: the
      // store's own, run again and again (not one-off DDL).
      const name =
        this.prepare && numbered.count > 0
          ? `mk_${createHash('sha256').update(numbered.text).digest('hex').slice(0, 24)}`
          : undefined;
      statement = { ...numbered, name };
      // A bound that the store never reaches, in case a caller builds statements dynamically.
      if (this.statements.size >= CACHE_LIMIT) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
