/** A row as a driver returns it: column name to value (bigint for integers, string for text). */
export type Row = Record<string, unknown>;

/** A parameter a statement may carry. */
export type SqlValue = string | number | bigint | null;

/**
 * The little the store needs from a SQL database. Statements use `?` placeholders; each driver adapts them
 * (PostgreSQL numbers them). Both dialects share the SQL the store writes: `ON CONFLICT`, `RETURNING`,
 * integers for booleans and amounts, ISO text for times and JSON text for documents.
 */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs `fn` in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The first row, or undefined. */
export async function first(
  driver: SqlDriver,
  sql: string,
  params?: readonly SqlValue[],
): Promise<Row | undefined> {
  const rows = await driver.all(sql, params);
  return rows[0];
}
