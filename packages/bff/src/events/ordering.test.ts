import type { ServerResponse } from 'node:http';
import pg from 'pg';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type EventCursor, LOG_START, parseCursor, type StoredEvent } from '../store/events.js';
import { Store } from '../store/Store.js';
import { describePostgres, type FreshDatabase, freshDatabase } from '../testkit/postgres.js';
import { EventFeed } from './EventFeed.js';
import { EventHub, type SseClient } from './EventHub.js';

const OWNER = 'user-ordering';

/** A raw session of its own, so the test decides when each transaction commits. */
async function session(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'mandarin-kit-tests' });
  await client.connect();
  return client;
}

/** Stores one event for OWNER in `client`'s open transaction, as the BFF's insert does; returns its seq. */
async function insertEvent(client: pg.Client, marker: string): Promise<bigint> {
  const { rows } = await client.query(
    `INSERT INTO events (owner_id, audience, type, occurred_at, data, inbox_id, hook_state)
      VALUES ($1, 'user', 'esp.status', $2, $3, NULL, 'none') RETURNING seq`,
    [OWNER, new Date().toISOString(), JSON.stringify({ marker })],
  );
  return BigInt(rows[0].seq);
}

const markerOf = (e: StoredEvent) => (e.envelope.data as { marker: string }).marker;

/** Reads the fan-out log from `cursor` as far as it can, like the feed does; returns the markers and the new cursor. */
async function readAll(store: Store, cursor: EventCursor) {
  const markers: string[] = [];
  let pending = false;
  for (;;) {
    const page = await store.events.since(cursor);
    pending = page.pending;
    if (page.events.length === 0) return { markers, cursor, pending };
    markers.push(...page.events.map(markerOf));
    cursor = page.events.at(-1)!;
  }
}

/** A stream on `hub` that keeps the frames written to it. */
function fakeStream(hub: EventHub): { frames: string[] } {
  const frames: string[] = [];
  const res = { write: (f: string) => frames.push(f), writableLength: 0 } as unknown as ServerResponse;
  const client: SseClient = { userId: OWNER, operator: false, res, last: LOG_START, held: null };
  hub.add(client);
  return { frames };
}

const framed = (frames: string[]) =>
  frames.map((f) => (JSON.parse(/^data: (.*)$/m.exec(f)![1]!) as { data: { marker: string } }).data.marker);

describePostgres('event log order without a global lock (PostgreSQL)', () => {
  let db: FreshDatabase;
  let store: Store;
  let first: pg.Client;
  let second: pg.Client;

  beforeEach(async () => {
    db = await freshDatabase();
    store = await Store.openPostgres(db.url, { max: 3 });
    first = await session(db.url);
    second = await session(db.url);
  });
  afterEach(async () => {
    await Promise.all([first?.end(), second?.end()]);
    await store?.close();
    await db?.drop();
  });

  it('neither skips nor repeats an event whose transaction commits after one with a higher seq', async () => {
    await first.query('BEGIN');
    await second.query('BEGIN');
    const low = await insertEvent(first, 'low');
    const high = await insertEvent(second, 'high');
    expect(high).toBeGreaterThan(low);
    await second.query('COMMIT'); // the higher seq commits first

    // While `first` runs, the committed `high` is held back, not handed out ahead of `low`.
    const early = await readAll(store, LOG_START);
    expect(early.markers).toEqual([]);
    expect(early.pending).toBe(true);
    expect(await store.events.after(LOG_START, OWNER, false)).toEqual([]);

    await first.query('COMMIT');
    const late = await readAll(store, early.cursor);
    expect(late.markers).toEqual(['low', 'high']);
    expect(late.pending).toBe(false);
    // Nothing more, and a client resuming from the first event's id gets exactly the second.
    expect((await readAll(store, late.cursor)).markers).toEqual([]);
    const [lowEvent, highEvent] = await store.events.after(LOG_START, OWNER, false);
    const resumed = await store.events.after(parseCursor(lowEvent!.envelope.id)!, OWNER, false);
    expect(resumed.map((e) => e.envelope.id)).toEqual([highEvent!.envelope.id]);
  });

  it('orders by transaction: an older transaction that takes its seq later comes first, once', async () => {
    await first.query('BEGIN');
    await first.query('SELECT pg_current_xact_id()'); // takes its transaction id now, its seq only later
    await second.query('BEGIN');
    const early = await insertEvent(second, 'younger-transaction');
    const late = await insertEvent(first, 'older-transaction');
    expect(late).toBeGreaterThan(early);
    await second.query('COMMIT');
    expect((await readAll(store, LOG_START)).markers).toEqual([]);
    await first.query('COMMIT');
    expect((await readAll(store, LOG_START)).markers).toEqual(['older-transaction', 'younger-transaction']);
  });

  it('feeds a live stream every event once, in order, when the transaction holding it back commits or aborts unannounced', async () => {
    const hub = new EventHub(1 << 20);
    const stream = fakeStream(hub);
    const feed = new EventFeed(store, hub, pino({ level: 'silent' }));
    await feed.start();
    try {
      // An older transaction is open while two others store events and announce them.
      await first.query('BEGIN');
      await insertEvent(first, 'held-back');
      await second.query('BEGIN');
      await insertEvent(second, 'one');
      await second.query('COMMIT');
      await feed.committed([{} as StoredEvent]); // the NOTIFY arrives while `first` still holds the horizon back
      await second.query('BEGIN');
      await insertEvent(second, 'two');
      await second.query('COMMIT');
      await feed.committed([{} as StoredEvent]);
      // Nothing may go out before `held-back`: the order checked below shows that 'one' and 'two' waited for it.

      // It commits and nobody notifies: the feed's re-check finds it.
      await first.query('COMMIT');
      await expect.poll(() => framed(stream.frames), { timeout: 5_000 }).toEqual(['held-back', 'one', 'two']);

      // An aborted transaction holds the horizon until it ends; what committed meanwhile then arrives.
      await first.query('BEGIN');
      await insertEvent(first, 'never');
      await second.query('BEGIN');
      await insertEvent(second, 'three');
      await second.query('COMMIT');
      await feed.committed([{} as StoredEvent]);
      await first.query('ROLLBACK');
      await expect
        .poll(() => framed(stream.frames), { timeout: 5_000 })
        .toEqual(['held-back', 'one', 'two', 'three']);
      // The rolled-back event never arrives: a later one does, and nothing came before it but these.
      await second.query('BEGIN');
      await insertEvent(second, 'four');
      await second.query('COMMIT');
      await feed.committed([{} as StoredEvent]);
      await expect
        .poll(() => framed(stream.frames), { timeout: 5_000 })
        .toEqual(['held-back', 'one', 'two', 'three', 'four']);
    } finally {
      await feed.stop();
    }
  });
});
