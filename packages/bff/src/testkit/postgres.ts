import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

const HOW = 'set BFF_TEST_DATABASE_URL or run scripts/postgres-test-server.sh';

/** Name of a PostgreSQL suite skipped for want of a server, so that the skip says why in the output. */
export const POSTGRES_MISSING = `PostgreSQL not configured: ${HOW}`;

/**
 * The test server from BFF_TEST_DATABASE_URL. Under CI a missing URL throws, so that CI can't pass by
 * skipping the PostgreSQL tests.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.BFF_TEST_DATABASE_URL?.trim() || undefined;
  if (url === undefined && /^(true|1)$/i.test(process.env.CI ?? '')) {
    throw new Error(`CI must run the PostgreSQL tests, but BFF_TEST_DATABASE_URL is not set: ${HOW}`);
  }
  return url;
}

/** `describe` that runs with a test server and otherwise shows as skipped, saying what to do. */
export function describePostgres(name: string, fn: () => void): void {
  const url = postgresUrl();
  // The default reporter only counts skipped tests; the warning puts the reason in the output too.
  if (url === undefined) console.warn(`${name}: skipped. ${POSTGRES_MISSING}`);
  describe.skipIf(url === undefined)(url === undefined ? POSTGRES_MISSING : name, fn);
}

/** A database of one's own on the test server. */
export interface FreshDatabase {
  url: string;
  /** Drops it, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** Creates a uniquely named database, so that test files run in parallel without sharing tables. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const server = postgresUrl();
  if (server === undefined) throw new Error(POSTGRES_MISSING);
  const name = `mk_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'mandarin-kit-tests' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
