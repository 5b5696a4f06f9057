import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDriver } from './SqliteDriver.js';

describe('SQLite group commit', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<{ driver: SqliteDriver; file: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'mk-group-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const driver = new SqliteDriver(file);
    await driver.run('CREATE TABLE t (v INTEGER NOT NULL)');
    return { driver, file };
  }

  it('rolls back only the transaction that throws among those committed together', async () => {
    const { driver } = await open();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((v) =>
        driver.transaction(async (tx) => {
          await tx.run('INSERT INTO t (v) VALUES (?)', [v]);
          await tx.run('INSERT INTO t (v) VALUES (?)', [v * 10]);
          if (v === 2) throw new Error('refused');
          return v;
        }),
      ),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      1,
      'refused',
      3,
      4,
    ]);
    const rows = await driver.all('SELECT v FROM t ORDER BY v');
    expect(rows.map((r) => Number(r.v))).toEqual([1, 3, 4, 10, 30, 40]);
    await driver.close();
  });

  it('resolves each transaction only once another connection can read what it stored', async () => {
    const { driver, file } = await open();
    const reader = new Database(file, { readonly: true });
    const seenWhenResolved: boolean[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, v) =>
        driver
          .transaction((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [v]))
          .then(() => {
            seenWhenResolved.push(reader.prepare('SELECT 1 FROM t WHERE v = ?').get(v) !== undefined);
          }),
      ),
    );
    expect(seenWhenResolved).toEqual(Array.from({ length: 20 }, () => true));
    reader.close();
    await driver.close();
  });

  it('runs a transaction asked for just before close, then closes', async () => {
    const { driver, file } = await open();
    const stored = driver.transaction((tx) => tx.run('INSERT INTO t (v) VALUES (7)'));
    await driver.close();
    await expect(stored).resolves.toEqual({ changes: 1 });
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT v FROM t').all()).toEqual([{ v: 7 }]);
    reader.close();
  });

  it('keeps a transaction that runs alone as one plain transaction: a throw stores nothing', async () => {
    const { driver } = await open();
    await expect(
      driver.transaction(async (tx) => {
        await tx.run('INSERT INTO t (v) VALUES (1)');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await driver.transaction((tx) => tx.run('INSERT INTO t (v) VALUES (2)'));
    expect((await driver.all('SELECT v FROM t')).map((r) => Number(r.v))).toEqual([2]);
    await driver.close();
  });
});
