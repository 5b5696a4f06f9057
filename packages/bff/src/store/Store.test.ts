import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../testkit/storeContract.js';
import { Store } from './Store.js';

storeContract('SQLite store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mk-store-'));
  // A folder that doesn't exist yet: opening the store creates it.
  const file = join(dir, 'data', 'bff.sqlite');
  return {
    store: await Store.openSqlite(file),
    reopen: () => Store.openSqlite(file),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
