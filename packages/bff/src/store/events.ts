import type { EventEnvelope } from '@mandarin-kit/core';
import { first, type Row, type SqlDriver } from './SqlDriver.js';

/** Who may see an event: its owner, or every operator. */
export type Audience = { ownerId: string } | 'operator';

/** An event in the log: the envelope relayed over SSE plus who it is for. */
export interface StoredEvent {
  seq: bigint;
  ownerId: string | null;
  audience: 'user' | 'operator';
  envelope: EventEnvelope;
}

const toEvent = (r: Row): StoredEvent => {
  const seq = BigInt(r.seq as bigint | string);
  return {
    seq,
    ownerId: r.owner_id === null ? null : String(r.owner_id),
    audience: String(r.audience) as StoredEvent['audience'],
    envelope: {
      id: seq.toString(),
      type: String(r.type),
      occurredAt: String(r.occurred_at),
      data: JSON.parse(String(r.data)),
    },
  };
};

/**
 * The event log: every event relayed to browsers, in one global order (`seq`, also the SSE id), kept so that a
 * client resumes from `Last-Event-ID` even after a restart, and so the host's `onEvent` hook gets each at least once.
 */
export class EventTable {
  constructor(private readonly db: SqlDriver) {}

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
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
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
    return {
      seq,
      ownerId,
      audience: ownerId === null ? 'operator' : 'user',
      envelope: { id: seq.toString(), type: e.type, occurredAt, data: e.data },
    };
  }

  async get(seq: bigint): Promise<StoredEvent | undefined> {
    const row = await first(this.db, 'SELECT * FROM events WHERE seq = ?', [seq]);
    return row && toEvent(row);
  }

  /** Events after `seq` that `userId` may see (operators also see the operator stream), oldest first. */
  async after(seq: bigint, userId: string, operator: boolean, limit = 500): Promise<StoredEvent[]> {
    const rows = operator
      ? await this.db.all(
          "SELECT * FROM events WHERE seq > ? AND (owner_id = ? OR audience = 'operator') ORDER BY seq LIMIT ?",
          [seq, userId, limit],
        )
      : await this.db.all('SELECT * FROM events WHERE seq > ? AND owner_id = ? ORDER BY seq LIMIT ?', [
          seq,
          userId,
          limit,
        ]);
    return rows.map(toEvent);
  }

  /** Every event after `seq`, whoever it is for (fan-out catch-up), oldest first. */
  async since(seq: bigint, limit = 1000): Promise<StoredEvent[]> {
    const rows = await this.db.all('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', [seq, limit]);
    return rows.map(toEvent);
  }

  /** The newest seq, or 0. */
  async lastSeq(): Promise<bigint> {
    const row = await first(this.db, 'SELECT MAX(seq) AS seq FROM events');
    return row?.seq === null || row?.seq === undefined ? 0n : BigInt(row.seq as bigint | string);
  }

  /** Events whose `onEvent` delivery is due. */
  async dueHooks(now: number, limit = 100): Promise<Array<StoredEvent & { attempts: number }>> {
    const rows = await this.db.all(
      "SELECT * FROM events WHERE hook_state = 'pending' AND hook_next_at <= ? ORDER BY seq LIMIT ?",
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
