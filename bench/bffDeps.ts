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

/** A database of the bench's own on that server, so nothing else's tables or rows count; dropped after. */
export async function freshDatabase(server: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mk_bench_${randomBytes(6).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'mandarin-kit-bench' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
