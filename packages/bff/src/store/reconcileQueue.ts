import { first, type SqlDriver } from './SqlDriver.js';

/** What the reconciler follows up: each kind has its own status read at Mandarin. */
export type ReconcileKind = 'operation' | 'payment' | 'refund' | 'card' | 'wallet';

/** One item due for a status read. */
export interface ReconcileItem {
  kind: ReconcileKind;
  id: string;
  attempts: number;
}

/**
 * Everything that waits for Mandarin's word (a callback that may be lost), with when to ask Mandarin next.
 * An item is claimed by moving its due time past a lease: on PostgreSQL the conditional UPDATE lets exactly one
 * instance win it, so several instances never read the same item at once.
 */
export class ReconcileQueue {
  constructor(private readonly db: SqlDriver) {}

  /** Follows `id` up from `dueAt` (epoch ms) unless it is followed already. */
  async enqueue(kind: ReconcileKind, id: string, dueAt: number): Promise<void> {
    await this.db.run(
      'INSERT INTO reconcile_queue (kind, id, due_at) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO NOTHING',
      [kind, id, dueAt],
    );
  }

  /** Claims up to `limit` items due at `now`, each leased until `leaseUntil`; another claimer gets others. */
  async claim(now: number, leaseUntil: number, limit: number): Promise<ReconcileItem[]> {
    const due = await this.db.all(
      'SELECT kind, id FROM reconcile_queue WHERE due_at <= ? ORDER BY due_at LIMIT ?',
      [now, limit],
    );
    const claimed: ReconcileItem[] = [];
    for (const row of due) {
      // Re-checked under the row lock: of two instances that selected the same row, only one moves it.
      const rows = await this.db.all(
        `UPDATE reconcile_queue SET due_at = ?, attempts = attempts + 1
          WHERE kind = ? AND id = ? AND due_at <= ? RETURNING attempts`,
        [leaseUntil, String(row.kind), String(row.id), now],
      );
      if (rows.length > 0) {
        claimed.push({
          kind: String(row.kind) as ReconcileKind,
          id: String(row.id),
          attempts: Number(rows[0]!.attempts),
        });
      }
    }
    return claimed;
  }

  /** Asks again at `dueAt`. */
  async reschedule(kind: ReconcileKind, id: string, dueAt: number): Promise<void> {
    await this.db.run('UPDATE reconcile_queue SET due_at = ? WHERE kind = ? AND id = ?', [dueAt, kind, id]);
  }

  /** Stops following an item: Mandarin's word has ended it. */
  async remove(kind: ReconcileKind, id: string): Promise<void> {
    await this.db.run('DELETE FROM reconcile_queue WHERE kind = ? AND id = ?', [kind, id]);
  }

  /** How many items wait, and how many of them are due at `now`. */
  async backlog(now: number): Promise<{ waiting: number; due: number }> {
    const row = await first(
      this.db,
      'SELECT COUNT(*) AS waiting, SUM(CASE WHEN due_at <= ? THEN 1 ELSE 0 END) AS due FROM reconcile_queue',
      [now],
    );
    return { waiting: Number(row?.waiting ?? 0), due: Number(row?.due ?? 0) };
  }
}
