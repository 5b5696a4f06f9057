import { describe, expect, it } from 'vitest';
import { loadDriver } from './optionalDriver.js';

describe('loadDriver', () => {
  it('names the missing driver package and the command that installs it', async () => {
    const load = loadDriver(
      'PostgreSQL',
      'mk-driver-that-is-not-installed',
      () =>
        // A real resolution failure from the module loader, as a merchant without the driver gets it.
        import('mk-driver-that-is-not-installed' as string),
    );
    await expect(load).rejects.toThrow(
      'The PostgreSQL store needs the package "mk-driver-that-is-not-installed", which is not installed: ' +
        'run `npm install mk-driver-that-is-not-installed`',
    );
  });

  it('passes on any other failure unchanged', async () => {
    const broken = new Error('native module was compiled against a different Node.js version');
    await expect(loadDriver('SQLite', 'better-sqlite3', () => Promise.reject(broken))).rejects.toBe(broken);
  });

  it('does not blame the driver for a package the driver itself fails to find', async () => {
    const inner = Object.assign(
      new Error("Cannot find package 'pg-native' imported from /x/pg/lib/index.js"),
      {
        code: 'ERR_MODULE_NOT_FOUND',
      },
    );
    await expect(loadDriver('PostgreSQL', 'pg', () => Promise.reject(inner))).rejects.toBe(inner);
  });

  it('loads the driver when it is installed', async () => {
    const { SqliteDriver } = await loadDriver(
      'SQLite',
      'better-sqlite3',
      () => import('./sqlite/SqliteDriver.js'),
    );
    const driver = new SqliteDriver(':memory:');
    await expect(driver.all('SELECT 1 AS one')).resolves.toEqual([{ one: 1n }]);
    await driver.close();
  });
});
