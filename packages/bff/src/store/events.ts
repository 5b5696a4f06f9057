import type { EventEnvelope } from '@mandarin-kit/core';
import { first, type Row, type SqlDriver } from './SqlDriver.js';

/** Who may see an event: its owner, or every operator. */
export type Audience = { ownerId: string } | 'operator';

/**
 * A position in the event log, and the SSE id: events are ordered by (`tx`, `seq`). `tx` is the PostgreSQL
 * transaction id (xid8) that stored the event, `seq` its row number. Transactions commit in any order, and a
 * later `seq` can commit before an earlier one, so a reader never reads by `seq` alone: it reads only events
 * whose transaction is below the xmin of its snapshot (every transaction still running, and every one that
 * starts later, has a larger id), in (`tx`, `seq`) order, so once it has read past a position nothing can
 * ever appear before it. On SQLite (one writer, commits in `seq` order) `tx` is always 0 and `seq` alone orders.
 */
export interface EventCursor {
  tx: bigint;
  seq: bigint;
}

/** Before every event. */
export const LOG_START: EventCursor = { tx: 0n, seq: 0n };

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareCursor(a: EventCursor, b: EventCursor): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1;
  return a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1;
}

/** The SSE id of a position: `seq` on SQLite (and for events stored before transaction ids were), else `tx-seq`. */
export function formatCursor(cursor: EventCursor): string {
  return cursor.tx === 0n ? cursor.seq.toString() : `${cursor.tx}-${cursor.seq}`;
}

const MAX_TX = 2n ** 64n - 1n;
const MAX_SEQ = 2n ** 63n - 1n;

/** The position a `Last-Event-ID` names, or undefined when it names none (malformed, out of range). */
export function parseCursor(raw: string): EventCursor | undefined {
  const match = /^(?:(\d{1,20})-)?(\d{1,19})$/.exec(raw);
  if (match === null) return undefined;
  const tx = match[1] === undefined ? 0n : BigInt(match[1]);
  const seq = BigInt(match[2]!);
  return tx > MAX_TX || seq > MAX_SEQ ? undefined : { tx, seq };
}

/** An event in the log: the envelope relayed over SSE plus who it is for; its position is (`tx`, `seq`). */
export interface StoredEvent extends EventCursor {
  ownerId: string | null;
  audience: 'user' | 'operator';
  envelope: EventEnvelope;
}

/** Events read from the log, and whether committed events lie beyond what this read could see yet. */
export interface EventPage {
  events: StoredEvent[];
  /** The read reached the end of the log (as of its snapshot): no need to read again at once. */
  complete: boolean;
  /**
   * Committed events exist past the visibility horizon (an older transaction is still running): they become
   * readable when it ends, which no notification may announce, so the reader looks again shortly.
   */
  pending: boolean;
}

const toEvent = (r: Row): StoredEvent => {
  const seq = BigInt(r.seq as bigint | string);
  const tx = BigInt(r.tx as bigint | string);
  return {
    tx,
    seq,
    ownerId: r.owner_id === null ? null : String(r.owner_id),
    audience: String(r.audience) as StoredEvent['audience'],
    envelope: {
      id: formatCursor({ tx, seq }),
      type: String(r.type),
      occurredAt: String(r.occurred_at),
      data: JSON.parse(String(r.data)),
    },
  };
};

/** PostgreSQL: the oldest transaction id still running in this statement's snapshot (see {@link EventCursor}). */
const HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())';

/**
 * The event log: every event relayed to browsers, in one global order (see {@link EventCursor}; the position is
 * also the SSE id), kept so that a client resumes from `Last-Event-ID` even after a restart or on another
 * instance, and so the host's `onEvent` hook gets each at least once.
 */
export class EventTable {
  /** `AND <only events every reader can see for good>`: nothing on SQLite, the xmin horizon on PostgreSQL. */
  private readonly visible: string;

  /**
   * `<position> > (?, ?)` as an index seek. PostgreSQL seeks its (tx, seq) indexes on the row comparison; SQLite
   * (where every tx is 0) seeks only on `tx = ? AND seq > ?`: its row-value form scans every event before the
   * cursor, so each read after a commit grew with the log (issue 21: ~250 µs a callback after a few thousand).
   */
  private readonly afterPosition: string;

  constructor(private readonly db: SqlDriver) {
    this.visible = db.dialect === 'postgres' ? ` AND tx < ${HORIZON}` : '';
    this.afterPosition = db.dialect === 'postgres' ? '(tx, seq) > (?, ?)' : 'tx = ? AND seq > ?';
  }

  async insert(e: {
    audience: Audience;
    type: string;
    data: unknown;
    inboxId: bigint | null;
    hook: boolean;
  }): Promise<StoredEvent> {
    const occurredAt = new Date().toISOString();
    const ownerId = e.audience === 'operator' ? null : e.audience.ownerId;
    const rows = await this.db.all(
      `INSERT INTO events (owner_id, audience, type, occurred_at, data, inbox_id, hook_state)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING tx, seq`,
      [
        ownerId,
        ownerId === null ? 'operator' : 'user',
        e.type,
        occurredAt,
        JSON.stringify(e.data),
        e.inboxId,
        e.hook ? 'pending' : 'none',
      ],
    );
    const seq = BigInt(rows[0]!.seq as bigint | string);
    const tx = BigInt(rows[0]!.tx as bigint | string);
    return {
      tx,
      seq,
      ownerId,
      audience: ownerId === null ? 'operator' : 'user',
      envelope: { id: formatCursor({ tx, seq }), type: e.type, occurredAt, data: e.data },
    };
  }

  async get(seq: bigint): Promise<StoredEvent | undefined> {
    const row = await first(this.db, 'SELECT * FROM events WHERE seq = ?', [seq]);
    return row && toEvent(row);
  }

  /**
   * Events after `cursor` that `userId` may see (operators also see the operator stream), oldest first, up to
   * the visibility horizon: what lies beyond it reaches a live stream through the feed.
   */
  async after(cursor: EventCursor, userId: string, operator: boolean, limit = 500): Promise<StoredEvent[]> {
    const rows = operator
      ? await this.db.all(
          `SELECT * FROM events WHERE (owner_id = ? OR audience = 'operator') AND ${this.afterPosition}${this.visible}
            ORDER BY tx, seq LIMIT ?`,
          [userId, cursor.tx, cursor.seq, limit],
        )
      : await this.db.all(
          `SELECT * FROM events WHERE owner_id = ? AND ${this.afterPosition}${this.visible} ORDER BY tx, seq LIMIT ?`,
          [userId, cursor.tx, cursor.seq, limit],
        );
    return rows.map(toEvent);
  }

  /** Every event after `cursor`, whoever it is for (fan-out catch-up), oldest first, up to the horizon. */
  async since(cursor: EventCursor, limit = 1000): Promise<EventPage> {
    if (this.db.dialect !== 'postgres') {
      const rows = await this.db.all(
        `SELECT * FROM events WHERE ${this.afterPosition} ORDER BY tx, seq LIMIT ?`,
        [cursor.tx, cursor.seq, limit],
      );
      return { events: rows.map(toEvent), complete: rows.length < limit, pending: false };
    }
    // One snapshot for both: the rows below the horizon come first in (tx, seq) order; any row after them is
    // committed but not yet safe to pass (an older transaction may still add events before it).
    const rows = await this.db.all(
      `SELECT e.*, e.tx < h.xmin AS ready FROM events e, (SELECT ${HORIZON} AS xmin) h
        WHERE (e.tx, e.seq) > (?, ?) ORDER BY e.tx, e.seq LIMIT ?`,
      [cursor.tx, cursor.seq, limit],
    );
    const ready = rows.filter((r) => r.ready === true);
    return { events: ready.map(toEvent), complete: rows.length < limit, pending: ready.length < rows.length };
  }

  /** The newest seq, or 0 (whether it is readable yet or not). */
  async lastSeq(): Promise<bigint> {
    const row = await first(this.db, 'SELECT MAX(seq) AS seq FROM events');
    return row?.seq === null || row?.seq === undefined ? 0n : BigInt(row.seq as bigint | string);
  }

  /** The position of the newest event readable for good (see {@link since}), or the start of the log. */
  async lastCursor(): Promise<EventCursor> {
    const row = await first(
      this.db,
      `SELECT tx, seq FROM events WHERE 1 = 1${this.visible} ORDER BY tx DESC, seq DESC LIMIT 1`,
    );
    return row === undefined
      ? LOG_START
      : { tx: BigInt(row.tx as bigint | string), seq: BigInt(row.seq as bigint | string) };
  }

  /** Events whose `onEvent` delivery is due, in log order, up to the horizon (so the hook sees them in stream order). */
  async dueHooks(now: number, limit = 100): Promise<Array<StoredEvent & { attempts: number }>> {
    const rows = await this.db.all(
      `SELECT * FROM events WHERE hook_state = 'pending' AND hook_next_at <= ?${this.visible} ORDER BY tx, seq LIMIT ?`,
      [now, limit],
    );
    return rows.map((r) => ({ ...toEvent(r), attempts: Number(r.hook_attempts) }));
  }

  async hookDone(seq: bigint): Promise<void> {
    await this.db.run("UPDATE events SET hook_state = 'done' WHERE seq = ?", [seq]);
  }

  async hookFailed(seq: bigint, nextAt: number): Promise<void> {
    await this.db.run('UPDATE events SET hook_attempts = hook_attempts + 1, hook_next_at = ? WHERE seq = ?', [
      nextAt,
      seq,
    ]);
  }
}
