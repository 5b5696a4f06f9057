import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { StoredEvent } from '../store/events.js';
import type { Store } from '../store/Store.js';
import type { EventHub } from './EventHub.js';

/** What a PostgreSQL driver offers for fan-out between instances. */
interface Notifier {
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onResume?: () => void,
  ): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}

const CHANNEL = 'mandarin_kit_events';
/** Carries the id of a user whose session changed, so that every instance ends that user's streams. */
const SESSIONS = 'mandarin_kit_sessions';

function notifierOf(store: Store): Notifier | undefined {
  const driver = store.driver as Partial<Notifier>;
  return typeof driver.listen === 'function' && typeof driver.notify === 'function'
    ? (driver as Notifier)
    : undefined;
}

/**
 * Delivers committed events to SSE clients, in seq order. On SQLite (one instance) from the event log after each
 * commit; on PostgreSQL
 * every instance, this one included, learns of events through NOTIFY, in commit order, so a client on any
 * instance sees every event exactly once and in order.
 */
export class EventFeed {
  private readonly unlisten: Array<() => Promise<void>> = [];
  private readonly notifier: Notifier | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** The newest event handed to the hub, so a reconnected listener can catch up on what it missed. */
  private lastSeq = 0n;
  private wakePending = false;
  /** Tells this instance's own session notices from other instances'. */
  private readonly instance = randomUUID();

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
    private readonly logger: Logger,
  ) {
    this.notifier = notifierOf(store);
  }

  async start(): Promise<void> {
    this.lastSeq = await this.store.events.lastSeq();
    if (this.notifier === undefined) return;
    this.unlisten.push(
      await this.notifier.listen(
        CHANNEL,
        // A notice is only a wake-up: notices sent from different pool connections can arrive out of commit
        // order, so the events themselves are read from the log, in seq order, from the last one published.
        () => this.wake(),
        // Notifications sent while the listening connection was down are lost: read them from the log.
        () => this.wake(),
      ),
      await this.notifier.listen(SESSIONS, (payload) => {
        const notice = sessionNotice(payload);
        // This instance ended its own streams when the change happened; its own notice, arriving later, must not
        // end a stream the user has opened since.
        if (notice.from !== this.instance) this.hub.closeUser(notice.userId);
      }),
    );
  }

  /**
   * A user's session changed (new roles, or signed out): their open streams, on every instance, end and
   * reconnect with the current cookie.
   */
  async sessionChanged(userId: string): Promise<void> {
    this.hub.closeUser(userId);
    await this.notifier?.notify(SESSIONS, JSON.stringify({ from: this.instance, userId }));
  }

  /** Called after the transaction that stored `events` committed. */
  async committed(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.notifier === undefined) {
      // Callbacks commit concurrently and their continuations may run out of order; reading the log from the
      // last published seq hands events to the hub strictly in seq order (a client skips what it has seen).
      this.wake();
      await this.chain;
      return;
    }
    const seqs = events.map((e) => e.seq.toString()).join(',');
    await this.notifier.notify(CHANNEL, seqs);
  }

  async stop(): Promise<void> {
    await Promise.all(this.unlisten.splice(0).map((stop) => stop()));
    await this.chain;
  }

  /** Schedules one read of the log; wake-ups that arrive before it starts are served by the same read. */
  private wake(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    this.enqueue(async () => {
      this.wakePending = false;
      await this.catchUp();
    });
  }

  /** Runs fan-out work one piece after another, so events reach the hub in the order they were committed. */
  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((err) => this.logger.error({ err }, 'event fan-out failed'));
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const missed = await this.store.events.since(this.lastSeq);
      if (missed.length === 0) return;
      this.publish(missed);
    }
  }

  private publish(events: StoredEvent[]): void {
    const last = events.at(-1);
    if (last !== undefined && last.seq > this.lastSeq) this.lastSeq = last.seq;
    this.hub.publish(events);
  }
}

/** A session notice: `{from, userId}`, or a bare user id as instances before this format sent it. */
function sessionNotice(payload: string): { from: string | null; userId: string } {
  try {
    const notice = JSON.parse(payload) as { from?: unknown; userId?: unknown };
    if (typeof notice.userId === 'string') {
      return { from: typeof notice.from === 'string' ? notice.from : null, userId: notice.userId };
    }
  } catch {
    // not JSON: a bare user id
  }
  return { from: null, userId: payload };
}
