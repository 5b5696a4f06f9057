import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { compareCursor, type EventCursor, LOG_START, type StoredEvent } from '../store/events.js';
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

/** The first look again at events that were committed but past the visibility horizon, ms; doubles up to the most. */
const FIRST_RECHECK_MS = 5;
const MAX_RECHECK_MS = 500;

/**
 * Delivers committed events to SSE clients, in log order (see EventCursor in store/events.ts). On SQLite (one
 * instance) from the event log after each commit; on PostgreSQL every instance, this one included, is woken by
 * NOTIFY and reads the log up to the visibility horizon, so a client on any instance sees every event exactly
 * once and in one order. Events committed past the horizon (an older transaction, maybe not one of ours, still
 * runs) are read again after a short delay, since nothing may notify when that transaction ends.
 */
export class EventFeed {
  private readonly unlisten: Array<() => Promise<void>> = [];
  private readonly notifier: Notifier | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** The position of the newest event handed to the hub, so a reconnected listener can catch up on what it missed. */
  private last: EventCursor = LOG_START;
  private wakePending = false;
  /** Tells this instance's own session notices from other instances'. */
  private readonly instance = randomUUID();
  private recheck: NodeJS.Timeout | undefined;
  private recheckMs = FIRST_RECHECK_MS;
  private stopped = false;
  /** The NOTIFY on its way, and the one that follows it for commits that came after it was sent. */
  private notifying: Promise<void> | undefined;
  private nextNotify: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
    private readonly logger: Logger,
  ) {
    this.notifier = notifierOf(store);
  }

  async start(): Promise<void> {
    this.last = await this.store.events.lastCursor();
    this.hub.position = this.last;
    if (this.notifier === undefined) return;
    this.unlisten.push(
      await this.notifier.listen(
        CHANNEL,
        // A notice is only a wake-up: notices sent from different pool connections can arrive out of commit
        // order, and before an older transaction commits, so the events themselves are read from the log, in
        // log order, from the last one published.
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
      // Callbacks commit concurrently and their continuations may run out of order. Events that follow the last
      // published one without a gap go to the hub as they are; after a gap, the log is read from the last
      // published position, so the hub gets events strictly in order (a client skips what it has seen). On
      // SQLite seqs are given in commit order, so the read is the exception, not a statement per commit.
      this.enqueue(async () => {
        if (follows(this.last, events)) this.publish([...events]);
        else if (compareCursor(events.at(-1)!, this.last) > 0) await this.catchUp();
      });
      await this.chain;
      return;
    }
    await this.signal(this.notifier);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.recheck);
    await Promise.all(this.unlisten.splice(0).map((stop) => stop()));
    await this.chain;
  }

  /**
   * One NOTIFY for every commit since the last one was sent: a commit while one is on its way waits for the next,
   * which leaves after it (a notice only wakes readers, so one stands for any number of commits). Under load this
   * saves a round trip, and a pass of PostgreSQL's notification-queue lock, per callback.
   */
  private signal(notifier: Notifier): Promise<void> {
    if (this.notifying === undefined) {
      const sent = notifier.notify(CHANNEL, '').finally(() => {
        this.notifying = undefined;
      });
      this.notifying = sent;
      return sent;
    }
    this.nextNotify ??= this.notifying
      .catch(() => {})
      .then(() => {
        this.nextNotify = undefined;
        return this.signal(notifier);
      });
    return this.nextNotify;
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
      const { events, complete, pending } = await this.store.events.since(this.last);
      if (events.length > 0) {
        this.publish(events);
        this.recheckMs = FIRST_RECHECK_MS;
      }
      if (pending) {
        this.recheckLater();
        return;
      }
      // A page short of the limit read to the end of the log; a full one may have more after it.
      if (complete) return;
    }
  }

  /** Reads the log again soon, and less often the longer the horizon stays behind. */
  private recheckLater(): void {
    if (this.stopped || this.recheck !== undefined) return;
    this.recheck = setTimeout(() => {
      this.recheck = undefined;
      this.wake();
    }, this.recheckMs);
    this.recheck.unref();
    this.recheckMs = Math.min(MAX_RECHECK_MS, this.recheckMs * 2);
  }

  private publish(events: StoredEvent[]): void {
    const last = events.at(-1)!;
    this.last = { tx: last.tx, seq: last.seq };
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

/** Whether `events` are the ones right after `last`, in order, with none missing (SQLite positions: tx 0). */
function follows(last: EventCursor, events: readonly StoredEvent[]): boolean {
  let previous = last;
  for (const event of events) {
    if (event.tx !== 0n || previous.tx !== 0n || event.seq !== previous.seq + 1n) return false;
    previous = event;
  }
  return true;
}
