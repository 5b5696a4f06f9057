// better-sqlite3 and pg are the BFF's own dependencies, not the root's: the bench loads the very same builds
// through the BFF package's resolution instead of adding them to the root manifest. Only the few calls the
// bench makes are typed here.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const requireFromBff = createRequire(new URL('../packages/bff/package.json', import.meta.url));

export interface SqliteDatabase {
  pragma(source: string): unknown;
  exec(source: string): void;
  prepare(source: string): { run(...params: unknown[]): { changes: number }; get(): unknown };
  close(): void;
}
interface PgQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
}
interface PgModule {
  Client: new (config: {
    connectionString: string;
    application_name?: string;
  }) => PgQueryable & {
    connect(): Promise<void>;
  };
  Pool: new (config: { connectionString: string; max?: number; application_name?: string }) => PgQueryable;
}

export const Sqlite = requireFromBff('better-sqlite3') as new (file: string) => SqliteDatabase;
export const pg = requireFromBff('pg') as PgModule;

/** The PostgreSQL server to measure on, or why that row is skipped. */
export function postgresServer(): { url: string } | { skipped: string } {
  const url = process.env.BFF_TEST_DATABASE_URL?.trim();
  return url
    ? { url }
    : {
        skipped:
          'BFF_TEST_DATABASE_URL is not set (start a server with: eval "$(bash scripts/postgres-test-server.sh)")',
      };
}

/**
 * A database of the bench's own on that server, so nothing else's tables or rows count; dropped after.
 * `durability` says whether the server really flushes commits: the test server runs with fsync off, which
 * flatters absolute PostgreSQL numbers (not the ratio against the bare baseline on the same server).
 */
export async function freshDatabase(
  server: string,
): Promise<{ url: string; durability: string; drop(): Promise<void> }> {
  const name = `mk_bench_${randomBytes(6).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const fsync = await onServer(server, 'SHOW fsync');
  const commit = await onServer(server, 'SHOW synchronous_commit');
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    durability: `fsync=${fsync}, synchronous_commit=${commit}`,
    drop: async () => {
      await onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Runs one statement on its own connection; returns the first column of the first row, if any. */
async function onServer(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, application_name: 'mandarin-kit-bench' });
  await client.connect();
  try {
    const { rows } = await client.query(sql);
    return rows[0] === undefined ? '' : String(Object.values(rows[0])[0]);
  } finally {
    await client.end();
  }
}
