import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { describePostgres, type FreshDatabase, freshDatabase } from '../../testkit/postgres.js';
import { big } from '../codec.js';
import { PgDriver } from './PgDriver.js';

describePostgres('PgDriver', () => {
  let db: FreshDatabase;
  let driver: PgDriver;
  const opened: PgDriver[] = [];
  const open = () => {
    const d = new PgDriver(db.url, { max: 3 });
    opened.push(d);
    return d;
  };

  beforeEach(async () => {
    db = await freshDatabase();
    driver = open();
    await driver.run('CREATE TABLE t (id TEXT PRIMARY KEY, amount BIGINT, n INTEGER, note TEXT)');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
    await db?.drop();
  });

  it('numbers placeholders but not a ? inside literals, identifiers or comments', async () => {
    const rows = await driver.all(
      `SELECT ?::text AS a, 'what?' AS "b?", $$x?$$ AS c, ?::int AS d /* e? */ -- f?
      `,
      ['1', 2],
    );
    expect(rows).toEqual([{ a: '1', 'b?': 'what?', c: 'x?', d: 2n }]);
  });

  it('prepares a statement once per connection, and still runs it after another instance adds a column', async () => {
    const one = new PgDriver(db.url, { max: 1 }); // one connection, so every call meets the same prepared plan
    opened.push(one);
    const read = 'SELECT * FROM t WHERE id = ?';
    await one.run('INSERT INTO t (id, amount, n, note) VALUES (?, ?, ?, ?)', ['a', 1n, 1, 'x']);
    expect(await one.all(read, ['a'])).toEqual([{ id: 'a', amount: 1n, n: 1n, note: 'x' }]);
    const prepared = await one.all(
      "SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement = 'SELECT * FROM t WHERE id = $1'",
    );
    expect(prepared).toEqual([{ n: 1n }]);
    // Another instance's migration changes what `SELECT *` returns under the prepared plan.
    await driver.run('ALTER TABLE t ADD COLUMN added TEXT');
    expect(await one.all(read, ['a'])).toEqual([{ id: 'a', amount: 1n, n: 1n, note: 'x', added: null }]);
    // The same inside a transaction: the transaction is run again, unprepared.
    const two = new PgDriver(db.url, { max: 1 });
    opened.push(two);
    await two.all(read, ['a']);
    await driver.run('ALTER TABLE t ADD COLUMN again TEXT');
    const inTransaction = await two.transaction((tx) => tx.all(read, ['a']));
    expect(inTransaction).toEqual([{ id: 'a', amount: 1n, n: 1n, note: 'x', added: null, again: null }]);
  });

  it('refuses a statement whose placeholders and parameters differ in number', async () => {
    await expect(driver.all('SELECT ?::int AS a', [])).rejects.toThrow(/1 placeholders but 0 parameters/);
  });

  it('keeps amounts beyond 2^53 exact, and reads integers and counts as bigint', async () => {
    const huge = 2n ** 63n - 1n;
    await driver.run('INSERT INTO t (id, amount, n) VALUES (?, ?, ?)', ['a', huge, 7]);
    await driver.run('INSERT INTO t (id, amount, n) VALUES (?, ?, ?)', ['b', -huge, -7]);
    const rows = await driver.all('SELECT amount, n FROM t ORDER BY id');
    expect(rows).toEqual([
      { amount: huge, n: 7n },
      { amount: -huge, n: -7n },
    ]);
    const [count] = await driver.all('SELECT COUNT(*) AS count, SUM(amount) AS total FROM t');
    expect(Number(count?.count)).toBe(2);
    // SUM(bigint) is NUMERIC, a decimal string: big() reads it exactly.
    expect(big(count?.total)).toBe(0n);
  });

  it('reports changed rows', async () => {
    await driver.run("INSERT INTO t (id, note) VALUES ('a', 'x'), ('b', 'x')");
    expect(await driver.run('UPDATE t SET note = ? WHERE note = ?', ['y', 'x'])).toEqual({ changes: 2 });
    expect(await driver.run('DELETE FROM t WHERE id = ?', ['none'])).toEqual({ changes: 0 });
  });

  it('commits a transaction, and rolls one back whole on a throw', async () => {
    await driver.transaction(async (tx) => {
      await tx.run("INSERT INTO t (id) VALUES ('kept')");
    });
    await expect(
      driver.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id) VALUES ('gone')");
        await tx.transaction((inner) => inner.run("INSERT INTO t (id) VALUES ('gone too')"));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await driver.all('SELECT id FROM t')).toEqual([{ id: 'kept' }]);
  });

  it('gives the pool back its connection after a failed statement in a transaction', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(
        driver.transaction((tx) => tx.run('INSERT INTO t (id) VALUES (?), (?)', ['dup', 'dup'])),
      ).rejects.toThrow(/duplicate key/);
    }
    expect(await driver.all('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 0n }]);
  });

  it('fails a transaction that goes on after a failed statement, as PostgreSQL aborts it there', async () => {
    await expect(
      driver.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id) VALUES ('x')");
        // Fine on SQLite; here the transaction is aborted and every later statement fails with 25P02.
        await tx.run("INSERT INTO t (id) VALUES ('x')").catch(() => {});
        await tx.run("INSERT INTO t (id) VALUES ('y')");
      }),
    ).rejects.toMatchObject({ code: '25P02' });
    expect(await driver.all('SELECT id FROM t')).toEqual([]);
  });

  it('re-runs a transaction that lost a check-then-insert race, so that its check sees the winner', async () => {
    const other = open();
    const claim = (d: PgDriver, who: string) =>
      d.transaction(async (tx) => {
        const [row] = await tx.all('SELECT note FROM t WHERE id = ?', ['key']);
        if (row !== undefined) return `saw ${String(row.note)}`;
        // Long enough for the other transaction to check before this one inserts.
        await tx.run('SELECT pg_sleep(0.05)');
        await tx.run('INSERT INTO t (id, note) VALUES (?, ?)', ['key', who]);
        return 'inserted';
      });
    const results = await Promise.all([claim(driver, 'a'), claim(other, 'b')]);
    expect(results.filter((r) => r === 'inserted')).toHaveLength(1);
    expect(results.filter((r) => r.startsWith('saw '))).toHaveLength(1);
  });

  it('delivers NOTIFY from one driver to a LISTEN on another, until unsubscribed', async () => {
    const other = open();
    const received: string[] = [];
    const unlisten = await other.listen('mk events', (payload) => received.push(payload));
    await driver.notify('mk events', '{"seq":"1"}');
    await vi.waitFor(() => expect(received).toEqual(['{"seq":"1"}']));
    // Inside a transaction, the notification waits for the commit. Listeners get notifications in commit
    // order, so one sent (and committed) meanwhile arriving first shows the pending one was held back.
    await driver.transaction(async (tx) => {
      await tx.run('SELECT pg_notify(?, ?)', ['mk events', 'on commit']);
      await driver.notify('mk events', 'meanwhile');
      await vi.waitFor(() => expect(received).toContain('meanwhile'));
      expect(received).toEqual(['{"seq":"1"}', 'meanwhile']);
    });
    await vi.waitFor(() => expect(received).toEqual(['{"seq":"1"}', 'meanwhile', 'on commit']));
    // A channel still listened to on the same connection: its notification, sent last, arrives after any
    // the unsubscribed channel would still have delivered.
    const markers: string[] = [];
    await other.listen('mk marker', (payload) => markers.push(payload));
    await unlisten();
    await driver.notify('mk events', 'after');
    await driver.notify('mk events', 'after');
    await driver.notify('mk marker', 'last');
    await vi.waitFor(() => expect(markers).toEqual(['last']));
    expect(received).toHaveLength(3);
  });

  it('listens again after its connection is killed, and says so', async () => {
    const other = open();
    const received: string[] = [];
    const onResume = vi.fn();
    await other.listen('mk', (payload) => received.push(payload), onResume);
    const killed = await driver.all(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    expect(killed).toEqual([{ killed: true }]);
    await vi.waitFor(() => expect(onResume).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    await driver.notify('mk', 'back');
    await vi.waitFor(() => expect(received).toEqual(['back']));
  });

  it('closes once, however often asked, and refuses to listen afterwards', async () => {
    const other = open();
    await other.listen('mk', () => {});
    await Promise.all([other.close(), other.close()]);
    await other.close();
    await expect(other.listen('mk', () => {})).rejects.toThrow(/after close/);
  });
});
