import type { IdempotencyBegin } from './records.js';
import { first, type SqlDriver } from './SqlDriver.js';

/**
 * Idempotency keys per user. A key is bound to the request's fingerprint and to the orderId sent to
 * Mandarin, so a retry after a timeout re-sends the same orderId (Mandarin's own idempotency key) and a
 * finished request is answered again from here without going upstream.
 */
export class IdempotencyTable {
  constructor(private readonly db: SqlDriver) {}

  /** Claims `key` for a request, or says how an earlier request with it went. */
  begin(ownerId: string, key: string, fingerprint: string, newOrderId: string): Promise<IdempotencyBegin> {
    return this.db.transaction(async (tx) => {
      const row = await first(tx, 'SELECT * FROM idempotency_keys WHERE owner_id = ? AND key = ?', [
        ownerId,
        key,
      ]);
      if (row === undefined) {
        await tx.run(
          `INSERT INTO idempotency_keys (owner_id, key, fingerprint, order_id, state, created_at)
            VALUES (?, ?, ?, ?, 'in_progress', ?)`,
          [ownerId, key, fingerprint, newOrderId, new Date().toISOString()],
        );
        return { state: 'proceed', orderId: newOrderId };
      }
      if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (row.state === 'done')
        return { state: 'replay', status: Number(row.status), body: JSON.parse(String(row.body)) };
      if (row.state === 'in_progress') return { state: 'in_progress' };
      // 'retryable': the last attempt failed upstream; try again with the same orderId.
      await tx.run("UPDATE idempotency_keys SET state = 'in_progress' WHERE owner_id = ? AND key = ?", [
        ownerId,
        key,
      ]);
      return { state: 'proceed', orderId: String(row.order_id) };
    });
  }

  /** Records the answer, to be replayed for any repeat of the key. */
  async finish(ownerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.run(
      "UPDATE idempotency_keys SET state = 'done', status = ?, body = ? WHERE owner_id = ? AND key = ?",
      [status, JSON.stringify(body), ownerId, key],
    );
  }

  /** The request failed in a way a retry may fix (upstream down or timed out): free the key, keep the orderId. */
  async release(ownerId: string, key: string): Promise<void> {
    await this.db.run("UPDATE idempotency_keys SET state = 'retryable' WHERE owner_id = ? AND key = ?", [
      ownerId,
      key,
    ]);
  }
}
