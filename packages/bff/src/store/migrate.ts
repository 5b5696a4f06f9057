import { migrations } from './migrations.js';
import type { SqlDriver } from './SqlDriver.js';

/** Applies every migration not yet recorded, each in its own transaction; safe to run from several instances. */
export async function migrate(driver: SqlDriver): Promise<number> {
  await driver.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  let applied = 0;
  for (const migration of migrations) {
    const done = await driver.transaction(async (tx) => {
      if (tx.dialect === 'postgres') {
        // Instances starting together wait for each other here instead of racing the same DDL.
        await tx.run('SELECT pg_advisory_xact_lock(72033)');
      }
      const rows = await tx.all('SELECT version FROM schema_migrations WHERE version = ?', [
        migration.version,
      ]);
      if (rows.length > 0) return false;
      for (const statement of migration.sql) {
        await tx.run(typeof statement === 'string' ? statement : statement[tx.dialect]);
      }
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied++;
  }
  return applied;
}
