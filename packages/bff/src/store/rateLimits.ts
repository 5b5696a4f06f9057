import type { SqlDriver } from './SqlDriver.js';

/** Expired counters are deleted after this many hits on one instance. */
const PRUNE_EVERY = 500;

/** Fixed-window counters kept in the database, so that every BFF instance on it shares the same limits. */
export class RateLimitTable {
  private hitsSincePrune = 0;

  constructor(private readonly db: SqlDriver) {}

  /** Counts one hit on `key` in the window that contains `now`; returns the count and when the window ends. */
  async hit(key: string, windowMs: number, now = Date.now()): Promise<{ count: number; resetAt: number }> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const resetAt = windowStart + windowMs;
    if (++this.hitsSincePrune >= PRUNE_EVERY) {
      this.hitsSincePrune = 0;
      await this.prune(now);
    }
    const rows = await this.db.all(
      `INSERT INTO rate_limits (key, window_start, count, expires_at) VALUES (?, ?, 1, ?)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
          window_start = excluded.window_start,
          expires_at = excluded.expires_at
        RETURNING count`,
      [key, windowStart, resetAt],
    );
    return { count: Number(rows[0]?.count ?? 1), resetAt };
  }

  /** Deletes counters whose window has ended; returns how many. */
  async prune(now = Date.now()): Promise<number> {
    const { changes } = await this.db.run('DELETE FROM rate_limits WHERE expires_at <= ?', [now]);
    return changes;
  }
}

/** Why a stream lease was refused. */
export type LeaseRefusal = 'address' | 'total';

/**
 * Leases of open event streams: one row per stream, renewed by its instance, so that caps per client address
 * and in all hold across every instance on the database, and a dead instance's streams stop counting when
 * their leases run out.
 */
export class StreamLeaseTable {
  private acquiredSincePrune = 0;

  constructor(private readonly db: SqlDriver) {}

  /**
   * Takes a lease unless `address` already holds `perAddress` live ones or all addresses `total`. Written
   * first and counted after, so that concurrent opens on several instances can refuse each other but never
   * both get past a cap.
   */
  async acquire(
    lease: { id: string; instance: string; address: string; expiresAt: number },
    caps: { perAddress: number; total: number },
    now = Date.now(),
  ): Promise<LeaseRefusal | undefined> {
    if (++this.acquiredSincePrune >= PRUNE_EVERY) {
      this.acquiredSincePrune = 0;
      await this.db.run('DELETE FROM stream_leases WHERE expires_at <= ?', [now]);
    }
    await this.db.run('INSERT INTO stream_leases (id, instance, address, expires_at) VALUES (?, ?, ?, ?)', [
      lease.id,
      lease.instance,
      lease.address,
      lease.expiresAt,
    ]);
    const count = async (sql: string, params: Array<string | number>) =>
      Number((await this.db.all(sql, params))[0]?.n ?? 0);
    const fromAddress = await count(
      'SELECT COUNT(*) AS n FROM stream_leases WHERE address = ? AND expires_at > ?',
      [lease.address, now],
    );
    const refusal: LeaseRefusal | undefined =
      fromAddress > caps.perAddress
        ? 'address'
        : (await count('SELECT COUNT(*) AS n FROM stream_leases WHERE expires_at > ?', [now])) > caps.total
          ? 'total'
          : undefined;
    if (refusal !== undefined) await this.release(lease.id);
    return refusal;
  }

  async release(id: string): Promise<void> {
    await this.db.run('DELETE FROM stream_leases WHERE id = ?', [id]);
  }

  /** Gives back every lease `instance` holds (it is shutting down). */
  async releaseAll(instance: string): Promise<void> {
    await this.db.run('DELETE FROM stream_leases WHERE instance = ?', [instance]);
  }

  /** Extends every lease `instance` holds. */
  async renew(instance: string, expiresAt: number): Promise<void> {
    await this.db.run('UPDATE stream_leases SET expires_at = ? WHERE instance = ?', [expiresAt, instance]);
  }
}
