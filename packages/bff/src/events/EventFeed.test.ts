import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../store/events.js';
import { Store } from '../store/Store.js';
import { EventFeed } from './EventFeed.js';
import { EventHub } from './EventHub.js';

describe('EventFeed on SQLite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A feed over a fresh store whose hub records, in order, the seq of every event it is handed. */
  async function feedWithLog(): Promise<{ store: Store; feed: EventFeed; published: bigint[] }> {
    const dir = mkdtempSync(join(tmpdir(), 'mk-feed-'));
    dirs.push(dir);
    const store = await Store.openSqlite(join(dir, 'bff.sqlite'));
    const hub = new EventHub(64 * 1024);
    const published: bigint[] = [];
    const publish = hub.publish.bind(hub);
    hub.publish = (events: readonly StoredEvent[]) => {
      published.push(...events.map((e) => e.seq));
      publish(events);
    };
    const feed = new EventFeed(store, hub, pino({ level: 'silent' }));
    await feed.start();
    return { store, feed, published };
  }

  const stored = (store: Store, n: number) =>
    store.transaction((tx) =>
      tx.events.insert({ audience: 'operator', type: 'test', data: { n }, inboxId: null, hook: false }),
    );

  it('hands every event to the hub once and in log order when commits are reported out of order', async () => {
    const { store, feed, published } = await feedWithLog();
    const [first, second, third] = [await stored(store, 1), await stored(store, 2), await stored(store, 3)];
    // The second commit's continuation runs before the first's: the feed reads the log instead of skipping 1.
    await feed.committed([second]);
    await feed.committed([first]);
    await feed.committed([third]);
    expect(published).toEqual([first.seq, second.seq, third.seq]);
    await feed.stop();
    await store.close();
  });

  it('catches up on an event whose commit was never reported once a later one is', async () => {
    const { store, feed, published } = await feedWithLog();
    const unreported = await stored(store, 1);
    const reported = await stored(store, 2);
    await feed.committed([reported]);
    expect(published).toEqual([unreported.seq, reported.seq]);
    await feed.stop();
    await store.close();
  });
});
